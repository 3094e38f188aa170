/// A position in degrees, longitude first.
public struct LonLat: Hashable, Sendable, CustomStringConvertible {
    public var lon: Double
    public var lat: Double

    public init(lon: Double, lat: Double) {
        self.lon = lon
        self.lat = lat
    }

    public var description: String { "\(lon) \(lat)" }
}

/// A lon/lat box in degrees. `west > east` means the box crosses the antimeridian (170 → -170 is 20° wide).
public struct LonLatBox: Hashable, Sendable, CustomStringConvertible {
    public var west: Double
    public var south: Double
    public var east: Double
    public var north: Double

    public init(west: Double, south: Double, east: Double, north: Double) {
        self.west = west
        self.south = south
        self.east = east
        self.north = north
    }

    /// The middle of the box, in -180…180, across the antimeridian when the box crosses it.
    public var centre: LonLat {
        let width = west <= east ? east - west : east + 360 - west
        var lon = west + width / 2
        if lon > 180 { lon -= 360 }
        return LonLat(lon: lon, lat: (south + north) / 2)
    }

    public var description: String { "\(west) \(south) \(east) \(north)" }
}
