import GDAL

/// One value of an indicator for one area.
public enum IndicatorValue: Hashable, Sendable {
    case number(Double)
    case integer(Int64)
    case text(String)
    case null

    /// The value as a number for expressions (integers widen), nil when null or text.
    public var number: Double? {
        switch self {
        case let .number(value): value.isFinite ? value : nil
        case let .integer(value): Double(value)
        default: nil
        }
    }

    /// A computed number, nil as null. A non-finite one (an overflow, a NaN) is kept until the runner makes it
    /// null and says how many there were (`IndicatorResult.nullNonFinite`): outputs never carry infinity or NaN.
    static func finite(_ value: Double?) -> IndicatorValue {
        guard let value else { return .null }
        return .number(value)
    }

    /// True for a number that is infinite or NaN.
    var isNonFinite: Bool {
        if case let .number(value) = self { return !value.isFinite }
        return false
    }

    /// The value for a GDAL field; a non-finite number, should one get this far, is null.
    var fieldValue: FieldValue {
        switch self {
        case let .number(value): value.isFinite ? .real(value) : .null
        case let .integer(value): .integer(value)
        case let .text(value): .string(value)
        case .null: .null
        }
    }
}
