import GDAL

extension JSONValue {
    /// A field value as a feature property: numbers stay numbers, dates become their ISO text (as GDAL's GeoJSON
    /// writer prints them), binary becomes hexadecimal, lists become arrays; missing values are null.
    public init(_ value: FieldValue) {
        switch value {
        case .unset, .null: self = .null
        case let .string(text): self = .string(text)
        case let .integer(number): self = .integer(number)
        case let .real(number): self = number.isFinite ? .number(number) : .null
        case .date, .time, .dateTime, .binary: self = value.text.map { .string($0) } ?? .null
        case let .integerList(values): self = .array(values.map { .integer($0) })
        case let .realList(values): self = .array(values.map { $0.isFinite ? .number($0) : .null })
        case let .stringList(values): self = .array(values.map { .string($0) })
        }
    }
}
