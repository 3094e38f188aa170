/// What an indicator computes, with its parameters: `CountIndicator(input: "schools")`, `ZonalIndicator(…)`.
///
/// One type per file in this folder. The public side is small (its name and the input it reads); the engine's
/// side (`IndicatorDefinition`) says how a spec writes it, what it reads, how it computes, finishes, names its
/// columns and rolls up — so the parser, the runner, provenance and roll-ups never switch over indicator types.
public protocol IndicatorType: Hashable, Sendable {
    /// The type's name as a spec writes it (`count`; a `ratio` is an `expression`).
    var typeName: String { get }
    /// The input it reads (`input:`, a zonal indicator's raster, an interpolation's source zones), if any.
    var inputName: String? { get }
}

extension IndicatorType {
    public var inputName: String? { nil }
}

/// Compares an indicator's parameters with a type's: `spec.kind == .count(input: "schools")`.
public func == <T: IndicatorType>(lhs: any IndicatorType, rhs: T) -> Bool {
    (lhs as? T) == rhs
}

/// An indicator's parameters, compared and hashed whatever their type (`IndicatorSpec` stays `Hashable`).
struct AnyIndicatorType: Hashable, Sendable {
    let value: any IndicatorType

    static func == (lhs: Self, rhs: Self) -> Bool {
        AnyHashable(lhs.value) == AnyHashable(rhs.value)
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(AnyHashable(value))
    }
}
