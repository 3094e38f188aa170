/// The extent of what a feature (or the whole collection) wrote, for GeoJSON's `bbox` (RFC 7946 §5), in the
/// coordinates as written. Longitudes are tracked twice: as they are, and with western ones moved east by 360°, so
/// that a geometry cut at the antimeridian gets the box that runs across it (west > east, §5.2).
struct GeoJSONBox: Sendable {
    private var minX = Double.infinity, minY = Double.infinity, minZ = Double.infinity
    private var maxX = -Double.infinity, maxY = -Double.infinity, maxZ = -Double.infinity
    private var shiftedWest = Double.infinity, shiftedEast = -Double.infinity
    private(set) var hasZ = false
    private(set) var isEmpty = true
    /// Set for a geometry cut at the antimeridian.
    var crossesAntimeridian = false

    @inline(__always)
    mutating func include(_ x: Double, _ y: Double) {
        isEmpty = false
        minX = Swift.min(minX, x)
        maxX = Swift.max(maxX, x)
        minY = Swift.min(minY, y)
        maxY = Swift.max(maxY, y)
        let shifted = x < 0 ? x + 360 : x
        shiftedWest = Swift.min(shiftedWest, shifted)
        shiftedEast = Swift.max(shiftedEast, shifted)
    }

    @inline(__always)
    mutating func include(z: Double) {
        hasZ = true
        minZ = Swift.min(minZ, z)
        maxZ = Swift.max(maxZ, z)
    }

    /// The numbers of `bbox`: minimums then maximums (x, y, and z when any position had one); nil when empty.
    var numbers: [Double]? {
        guard !isEmpty else { return nil }
        var west = minX
        var east = maxX
        if crossesAntimeridian {
            west = shiftedWest > 180 ? shiftedWest - 360 : shiftedWest
            east = shiftedEast > 180 ? shiftedEast - 360 : shiftedEast
        }
        return hasZ ? [west, minY, minZ, east, maxY, maxZ] : [west, minY, east, maxY]
    }

    /// Adds a feature's box to the collection's. A box across the antimeridian widens the collection's to every
    /// longitude: which way round a union of such boxes should run is not defined.
    mutating func formUnion(_ other: GeoJSONBox) {
        guard !other.isEmpty else { return }
        if other.crossesAntimeridian {
            include(-180, other.minY)
            include(180, other.maxY)
        } else {
            include(other.minX, other.minY)
            include(other.maxX, other.maxY)
        }
        if other.hasZ {
            include(z: other.minZ)
            include(z: other.maxZ)
        }
    }
}
