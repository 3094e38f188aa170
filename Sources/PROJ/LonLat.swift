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

/// A position in a CRS's own axes, x (easting or longitude) first.
public struct XY: Hashable, Sendable, CustomStringConvertible {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    public var description: String { "\(x) \(y)" }
}

/// A lon/lat box with a name, as PROJ describes where a CRS or operation applies.
public struct AreaOfUse: Hashable, Sendable {
    public var west: Double
    public var south: Double
    public var east: Double
    public var north: Double
    public var name: String?
}
