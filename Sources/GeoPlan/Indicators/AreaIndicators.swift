import Foundation

/// `area`: each area's size in km², ha, m² or rai (geodesic unless `measure: planar`). In rai, a second column
/// `<id>_thai` writes it the way Thai land offices do, rai-ngan-square wa (`4-2-25`).
struct AreaIndicator: IndicatorComputer {
    let spec: IndicatorSpec
    let unit: AreaUnit

    func compute(_ run: RunContext) throws -> IndicatorResult {
        let areas = try run.areaMeasures(spec.measure)
        var columns = [IndicatorColumn(name: spec.id, type: .real, indicator: spec.id)]
        if unit == .rai { columns.append(IndicatorColumn(name: ColumnName.thai(spec.id), type: .string, indicator: spec.id)) }
        let rows: [[IndicatorValue]] = areas.map { measure in
            let value = IndicatorValue.finite(measure.areaSquareMetres.map(unit.value(ofSquareMetres:)))
            guard unit == .rai else { return [value] }
            return [value, measure.areaSquareMetres.flatMap { RaiNganWa(squareMetres: $0) }.map { .text($0.description) } ?? .null]
        }
        return IndicatorResult(columns: columns, rows: rows)
    }
}

/// `perimeter`: the length of every ring, holes and islands included, in km.
struct PerimeterIndicator: IndicatorComputer {
    let spec: IndicatorSpec

    func compute(_ run: RunContext) throws -> IndicatorResult {
        let areas = try run.areaMeasures(spec.measure)
        return IndicatorResult(columns: [IndicatorColumn(name: spec.id, type: .real, indicator: spec.id)],
                               rows: areas.map { [.finite($0.perimeterMetres.map { $0 / 1000 })] })
    }
}

/// `compactness`: Polsby–Popper, 4πA / P² — 1 for a disc, near 0 for a long thin strip.
struct CompactnessIndicator: IndicatorComputer {
    let spec: IndicatorSpec

    func compute(_ run: RunContext) throws -> IndicatorResult {
        let areas = try run.areaMeasures(spec.measure)
        let rows: [[IndicatorValue]] = areas.map { measure in
            guard let area = measure.areaSquareMetres, let perimeter = measure.perimeterMetres, perimeter > 0 else {
                return [.null]
            }
            return [.finite(4 * Double.pi * area / (perimeter * perimeter))]
        }
        return IndicatorResult(columns: [IndicatorColumn(name: spec.id, type: .real, indicator: spec.id)], rows: rows)
    }
}
