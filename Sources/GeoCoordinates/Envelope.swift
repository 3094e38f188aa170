/// An axis-aligned bounding box in a layer's or a geometry's coordinates.
///
/// One type for GDAL's layer extents, GEOS's bounds and index queries, and the engine's windows.
public struct Envelope: Hashable, Sendable, CustomStringConvertible {
    /// West edge (least x).
    public var minX: Double
    /// South edge (least y).
    public var minY: Double
    /// East edge (greatest x).
    public var maxX: Double
    /// North edge (greatest y).
    public var maxY: Double

    /// A box from its edges; `min` ≤ `max` is assumed, not checked.
    public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX
        self.minY = minY
        self.maxX = maxX
        self.maxY = maxY
    }

    /// Whether the two boxes share at least one point (edges included), as `GEOSSTRtree_query_r` decides.
    public func intersects(_ other: Envelope) -> Bool {
        minX <= other.maxX && other.minX <= maxX && minY <= other.maxY && other.minY <= maxY
    }

    /// The smallest box holding both.
    public func union(_ other: Envelope) -> Envelope {
        Envelope(
            minX: Swift.min(minX, other.minX), minY: Swift.min(minY, other.minY),
            maxX: Swift.max(maxX, other.maxX), maxY: Swift.max(maxY, other.maxY))
    }

    /// `(minX minY, maxX maxY)`: the corners as WKT writes coordinates.
    public var description: String { "(\(minX) \(minY), \(maxX) \(maxY))" }
}
