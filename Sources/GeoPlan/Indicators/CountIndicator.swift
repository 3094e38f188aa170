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
        let classes = ClassColumns(features, by: by)
        var perClass = [[Int64]](repeating: [Int64](repeating: 0, count: classes.classes.count), count: areaCount)
        for (point, area) in placement.areaOfPoint.enumerated() {
            totals[area] += 1
            if by != nil, let column = classes.position(of: features.classes[placement.featureOfPoint[point]]) {
                perClass[area][column] += 1
            }
        }
        let columns = [IndicatorColumn(name: spec.id, type: .integer64, indicator: spec.id)]
            + classes.columns(for: spec.id, type: .integer64)
        let rows = (0..<areaCount).map { area in
            [IndicatorValue.integer(totals[area])] + perClass[area].map { IndicatorValue.integer($0) }
        }
        // In a worker, the points in no area are known only once every worker is done (`outsideCounter`).
        return IndicatorResult(columns: columns, rows: rows,
                               counters: ["\(spec.id): points on a border": placement.onBorder,
                                          Self.outsideKey(spec.id): features.store.pointCount - placement.areaOfPoint.count])
    }

    static func outsideKey(_ id: String) -> String { "\(id): points in no area" }
}
