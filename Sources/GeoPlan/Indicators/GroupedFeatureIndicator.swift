/// An indicator over a feature input, filtered by `where` and with one column per class of `by` (`count`,
/// `length`): what it reads, its columns, and how a spec writes it, said once for both.
protocol GroupedFeatureIndicator: IndicatorDefinition {
    var input: String { get }
    var whereClause: String? { get }
    var by: String? { get }
    init(input: String, whereClause: String?, by: String?)
}

extension GroupedFeatureIndicator {
    public var inputName: String? { input }
    var featureInput: FeatureInputUse? { FeatureInputUse(input: input, whereClause: whereClause, by: by) }
    var classSource: (input: String, whereClause: String?, by: String)? { by.map { (input, whereClause, $0) } }

    func plannedColumns(_ indicator: IndicatorSpec, classes: ClassColumns?) -> [PlannedColumn] {
        PlannedColumn.grouped(indicator.id, classes: classes)
    }

    /// `type: <name>` with `input`, `where` and `by`, its input one of `inputKinds`.
    static func spelling(_ name: String, inputKinds: [InputKind]) -> IndicatorSpelling {
        IndicatorSpelling(name: name, keys: ["input", "where", "by"], inputKinds: inputKinds) {
            reader, fields, owner, _ in
            let (whereClause, by) = reader.filterAndClasses(fields)
            guard let input = reader.requiredText(fields, "input", owner: owner) else { return nil }
            return Self(input: input, whereClause: whereClause, by: by)
        }
    }
}
