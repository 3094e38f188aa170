/// A planar coordinate: x is longitude (or easting), y latitude (or northing), in a CRS's own units.
///
/// One type for GEOS's vertices, PROJ's transforms and the engine, so that a coordinate needs no conversion
/// on its way between them.
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
