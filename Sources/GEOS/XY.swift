/// A planar coordinate: x is longitude (or easting), y latitude (or northing).
public struct XY: Hashable, Sendable, CustomStringConvertible {
    /// Longitude or easting.
    public var x: Double
    /// Latitude or northing.
    public var y: Double

    /// A coordinate from x then y (lon/lat order).
    public init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }

    /// A coordinate from labelled x and y.
    public init(x: Double, y: Double) {
        self.init(x, y)
    }

    /// `x y`, as in WKT.
    public var description: String { "\(x) \(y)" }
}

/// An axis-aligned bounding box.
public struct Envelope: Hashable, Sendable, CustomStringConvertible {
    /// West edge.
    public var minX: Double
    /// South edge.
    public var minY: Double
    /// East edge.
    public var maxX: Double
    /// North edge.
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
        Envelope(minX: Swift.min(minX, other.minX), minY: Swift.min(minY, other.minY),
                 maxX: Swift.max(maxX, other.maxX), maxY: Swift.max(maxY, other.maxY))
    }

    /// `(minX minY, maxX maxY)`.
    public var description: String { "(\(minX) \(minY), \(maxX) \(maxY))" }
}
