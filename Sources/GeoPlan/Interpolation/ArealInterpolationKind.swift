/// How a value behaves when zones are split or merged.
public enum ArealInterpolationKind: String, Hashable, Sendable, CaseIterable {
    /// Adds up over parts: people, households, counts (split by share).
    case extensive
    /// A property of every part: rates, densities, means (averaged, weighted).
    case intensive
}
