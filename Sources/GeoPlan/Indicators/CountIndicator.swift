import Yams

/// `count`: points of an input in each area (`where` filters, `by` adds one column per class; the total column
/// always equals the sum of the class columns). Border points follow `PointPlacement`'s rule.
public struct CountIndicator: GroupedFeatureIndicator {
    public var input: String
    public var whereClause: String?
    public var by: String?

    public var typeName: String { "count" }
    var defaultUnit: String? { "count" }
    func defaultRollUp(weight: String?) -> RollUpRule? { .sum }

    static var spellings: [IndicatorSpelling] { [spelling("count", inputKinds: [.points])] }

    func compute(_ indicator: IndicatorSpec, _ run: RunContext) throws -> IndicatorResult {
        let spec = indicator
        let store = try run.store(input, whereClause: whereClause, by: by)
        let placement = try run.placement(input, whereClause: whereClause, by: by)
        let areaCount = run.boundaries.areas.count
        var totals = [Int64](repeating: 0, count: areaCount)
        let classes = ClassColumns(store, by: by)
        var perClass = [[Int64]](repeating: [Int64](repeating: 0, count: classes.classes.count), count: areaCount)
        for (point, area) in placement.areaOfPoint.enumerated() {
            totals[area] += 1
            if by != nil, let column = classes.position(of: store.classes[placement.featureOfPoint[point]]) {
                perClass[area][column] += 1
            }
        }
        let columns =
            [IndicatorColumn(name: spec.id, type: .integer64, indicator: spec.id)]
            + classes.columns(for: spec.id, type: .integer64)
        let rows = (0..<areaCount).map { area in
            [IndicatorValue.integer(totals[area])] + perClass[area].map { IndicatorValue.integer($0) }
        }
        // In a worker, the points in no area are known only once every worker is done (`outsideCounter`).
        return IndicatorResult(
            columns: columns, rows: rows,
            counters: [
                "\(spec.id): points on a border": placement.onBorder,
                Self.outsideKey(spec.id): store.pointCount - placement.areaOfPoint.count,
            ])
    }

    /// Points in no area: every point of the input minus those some area took, known once every chunk is done.
    func finish(_ indicator: IndicatorSpec, _ result: inout IndicatorResult, _ run: RunContext) throws {
        let key = RunContext.inputKey(input, whereClause: whereClause, by: by)
        let placed = result.rows.reduce(Int64(0)) { total, row in
            if case let .integer(count)? = row.first { return total + count }
            return total
        }
        if let store = run.stores[key] {
            result.counters[Self.outsideKey(indicator.id)] = store.pointCount - Int(placed)
        }
    }

    static func outsideKey(_ id: String) -> String { "\(id): points in no area" }
}

extension IndicatorType where Self == CountIndicator {
    public static func count(input: String, whereClause: String? = nil, by: String? = nil) -> CountIndicator {
        CountIndicator(input: input, whereClause: whereClause, by: by)
    }
}
