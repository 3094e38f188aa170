/// Why a property cannot be classified or coloured, in words a planner can act on: each message names the
/// property, method or palette and says what to do.
public enum ClassificationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The property has no usable value: every feature's is null, not a number or infinite (or there are none).
    case noValues(property: String, nullCount: Int)
    /// A number of classes outside `allowed`.
    case badClassCount(property: String, asked: Int, allowed: ClosedRange<Int>)
    /// Manual breaks that cannot be used; `property` is nil when they were refused before any data was seen.
    case badManualBreaks(property: String?, reason: String)
    /// A method name that is not one of `known`.
    case unknownMethod(name: String, known: [String])
    /// A palette name that is not one of `known`.
    case unknownPalette(name: String, known: [String])
    /// A palette asked for more colours than it has.
    case paletteTooSmall(name: String, asked: Int, available: ClosedRange<Int>)

    public var description: String {
        switch self {
        case let .noValues(property, nullCount):
            let seen = nullCount == 0 ? "there are no features" : "all \(nullCount) values are null (or not finite)"
            return "property \"\(property)\" cannot be classified: \(seen); choose a property with numbers, or "
                + "check the indicator that computes it"
        case let .badClassCount(property, asked, allowed):
            return "property \"\(property)\": \(asked) classes asked; use \(allowed.lowerBound) to "
                + "\(allowed.upperBound) (a map reader tells apart 9 or so; ColorBrewer palettes stop at 9–11)"
        case let .badManualBreaks(property, reason):
            let subject = property.map { "property \"\($0)\": manual breaks" } ?? "manual breaks"
            return "\(subject): \(reason)"
        case let .unknownMethod(name, known):
            return "unknown classification method \"\(name)\"\(Suggestion.didYouMean(name, among: known)) "
                + "(methods: \(known.joined(separator: ", ")))"
        case let .unknownPalette(name, known):
            return "unknown palette \"\(name)\"\(Suggestion.didYouMean(name, among: known)) "
                + "(palettes: \(known.joined(separator: ", ")); add \"-r\" to reverse one, e.g. \"RdBu-r\")"
        case let .paletteTooSmall(name, asked, available):
            return "palette \"\(name)\" has \(available.lowerBound) to \(available.upperBound) colours, not \(asked); "
                + "ask for at most \(available.upperBound) classes or choose a palette with more colours"
        }
    }
}
