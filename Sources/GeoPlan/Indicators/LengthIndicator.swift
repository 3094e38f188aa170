import GEOS

/// `length`: km of an input's lines inside each area, clipped at its border (`where` filters, `by` adds one
/// column per class; the total equals the sum of the classes).
///
/// Lines wholly inside an area are measured without clipping. A stretch running exactly along a border shared
/// by two areas is counted once, in the area with the smaller id (the other area subtracts it), so lengths add up
/// to the length of the lines within the boundary set.
struct LengthIndicator: IndicatorComputer {
    let spec: IndicatorSpec
    let input: String
    let whereClause: String?
    let by: String?

    func compute(_ run: RunContext) throws -> IndicatorResult {
        let features = try run.features(input, whereClause: whereClause, by: by)
        let method = try run.method(spec.measure)
        let areas = run.boundaries.areas
        let borders = try run.bordersWithSmallerNeighbours()
        let classes = ClassColumns(features, by: by)
        var totals = [Double](repeating: 0, count: areas.count)
        var perClass = [[Double]](repeating: [Double](repeating: 0, count: classes.classes.count), count: areas.count)
        var clipped = 0
        for (feature, line) in features.geometries.enumerated() where !line.isEmpty {
            var pieces: [(area: Int, metres: Double)] = []
            for index in try run.boundaries.index.query(line) where run.isCore(index) {
                let area = areas[index]
                if try area.prepared.containsProperly(line) {
                    pieces = [(index, try method.measure(line).lengthMetres ?? 0)]
                    break
                }
                guard try area.prepared.intersects(line) else { continue }
                clipped += 1
                let inside = try line.intersection(area.geometry)
                var metres = try method.measure(inside).lengthMetres ?? 0
                if let border = borders[index], try border.intersects(inside) {
                    metres -= try method.measure(try inside.intersection(border.base)).lengthMetres ?? 0
                }
                pieces.append((index, max(metres, 0)))
            }
            let column = by == nil ? nil : classes.position(of: features.classes[feature])
            for piece in pieces {
                totals[piece.area] += piece.metres
                if let column { perClass[piece.area][column] += piece.metres }
            }
        }
        let columns = [IndicatorColumn(name: spec.id, type: .real, indicator: spec.id)]
            + classes.columns(for: spec.id, type: .real)
        let rows = areas.indices.map { area in
            [IndicatorValue.finite(totals[area] / 1000)] + perClass[area].map { IndicatorValue.finite($0 / 1000) }
        }
        return IndicatorResult(columns: columns, rows: rows, counters: ["\(spec.id): line-area pairs clipped": clipped])
    }
}
