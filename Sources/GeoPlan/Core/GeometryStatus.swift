/// What is wrong with one feature's geometry, if anything.
public enum GeometryStatus: Hashable, Sendable {
    case valid
    /// The feature has no geometry at all.
    case missing
    /// The geometry exists but has no coordinates.
    case empty
    /// GEOS finds it invalid (or cannot even build it): the reason, and where when known.
    case invalid(reason: String, location: Coordinate?)

    /// A short reason for reports: "Self-intersection", "no geometry", "empty geometry".
    public var reason: String? {
        switch self {
        case .valid: nil
        case .missing: "no geometry"
        case .empty: "empty geometry"
        case let .invalid(reason, _): reason
        }
    }
}

/// An x/y position in a layer's CRS.
public struct Coordinate: Codable, Hashable, Sendable, CustomStringConvertible {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    public var description: String {
        "(\(x.formatted(.number.precision(.fractionLength(0...7)).grouping(.never))), "
            + "\(y.formatted(.number.precision(.fractionLength(0...7)).grouping(.never))))"
    }
}
