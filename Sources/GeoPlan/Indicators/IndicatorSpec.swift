/// What an indicator computes, with its parameters: one of the types in `Indicators/` (`.count(input: "schools")`).
public typealias IndicatorKind = any IndicatorType

/// Labels for people, in Thai and English.
public struct Label: Hashable, Sendable {
    public var thai: String?
    public var english: String?

    public init(thai: String? = nil, english: String? = nil) {
        self.thai = thai
        self.english = english
    }
}

/// One indicator of the spec.
public struct IndicatorSpec: Hashable, Sendable {
    /// The property name in outputs: letters, digits and `_`, starting with a letter.
    public var id: String
    /// Its type and the type's parameters.
    public var kind: IndicatorKind {
        get { anyKind.value }
        set { anyKind = AnyIndicatorType(value: newValue) }
    }
    private var anyKind: AnyIndicatorType
    public var label: Label?
    /// A unit to document next to the value (`km2`, `per 10,000 people`).
    public var unit: String?
    public var measure: MeasureMode
    /// How the values roll up (`kind:`), when the spec says; see `RollUpRule` for each type's own.
    public var valueKind: ValueKind?
    /// For intensive values: the indicator whose values weight the average (`weight: population`); nil: area.
    public var weight: String?
    /// Draw it as a choropleth with the outputs (`map: true`).
    public var map: MapSpec?
    public var location: SourceLocation?

    public init(
        id: String, kind: IndicatorKind, label: Label? = nil, unit: String? = nil,
        measure: MeasureMode = .geodesic, valueKind: ValueKind? = nil, weight: String? = nil,
        map: MapSpec? = nil, location: SourceLocation? = nil
    ) {
        self.id = id
        anyKind = AnyIndicatorType(value: kind)
        self.label = label
        self.unit = unit
        self.measure = measure
        self.valueKind = valueKind
        self.weight = weight
        self.map = map
        self.location = location
    }
}
