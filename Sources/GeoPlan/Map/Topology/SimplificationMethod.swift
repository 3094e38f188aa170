/// How an arc's vertices are ranked for removal.
public enum SimplificationMethod: String, CaseIterable, Codable, Hashable, Sendable {
    /// Visvalingam–Whyatt, plain effective area (not mapshaper's angle-weighted variant), made monotone: a vertex
    /// removed after another never ranks below it. A vertex goes when its triangle is smaller than tolerance².
    case visvalingam
    /// Douglas–Peucker: a vertex stays when it lies farther than the tolerance from the chord of the part it splits
    /// (and every part above it stayed split), the classic result at every tolerance.
    case douglasPeucker = "douglas-peucker"
}

/// How much to simplify.
public enum SimplificationAmount: Hashable, Sendable {
    /// Remove what lies within this many metres (Douglas–Peucker: distance from the chord; Visvalingam: the square
    /// root of the effective area).
    case tolerance(metres: Double)
    /// Keep this share (0…1) of the removable vertices (those that are not arc ends), the least important ones
    /// going first over all arcs together, like mapshaper's `-simplify 10%`.
    case keep(share: Double)
}

/// What ``TopologySimplifier`` is asked to do.
public struct SimplificationOptions: Hashable, Sendable {
    public var method: SimplificationMethod
    public var amount: SimplificationAmount

    public init(method: SimplificationMethod = .visvalingam, amount: SimplificationAmount) {
        self.method = method
        self.amount = amount
    }
}
