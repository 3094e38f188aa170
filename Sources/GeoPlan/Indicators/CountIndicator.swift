/// `count`: points of an input in each area (`where` filters, `by` adds one column per class; the total column
/// always equals the sum of the class columns). Border points follow `PointPlacement`'s rule.
struct CountIndicator: IndicatorComputer {
    let spec: IndicatorSpec
    let input: String
    let whereClause: String?
    let by: String?

    func compute(_ run: RunContext) throws -> IndicatorResult {
        let features = try run.features(input, whereClause: whereClause, by: by)
        let placement = try run.placement(of: features)
        let areaCount = run.boundaries.areas.count
        var totals = [Int64](repeating: 0, count: areaCount)
        let classNames = by == nil ? [] : features.classNames
        let hasUnclassified = by != nil && features.classes.contains { $0 == nil }
        let classColumns = classNames.map(Optional.some) + (hasUnclassified ? [nil] : [])
        let columnOfClass = Dictionary(uniqueKeysWithValues: classColumns.enumerated().map { ($1 ?? "\u{0}", $0) })
        var perClass = [[Int64]](repeating: [Int64](repeating: 0, count: classColumns.count), count: areaCount)
        for (point, area) in placement.areaOfPoint.enumerated() {
            guard let area else { continue }
            totals[area] += 1
            if by != nil, let column = columnOfClass[features.classes[placement.featureOfPoint[point]] ?? "\u{0}"] {
                perClass[area][column] += 1
            }
        }
        let columns = [IndicatorColumn(name: spec.id, type: .integer64, indicator: spec.id)]
            + classColumns.map { IndicatorColumn(name: ColumnName.grouped(spec.id, $0), type: .integer64,
                                                 indicator: spec.id, className: $0) }
        let rows = (0..<areaCount).map { area in
            [IndicatorValue.integer(totals[area])] + perClass[area].map { IndicatorValue.integer($0) }
        }
        return IndicatorResult(columns: columns, rows: rows,
                               counters: ["\(spec.id): points on a border": placement.onBorder,
                                          "\(spec.id): points in no area": placement.outside])
    }
}
