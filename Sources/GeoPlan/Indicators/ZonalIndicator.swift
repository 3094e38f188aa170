import Foundation

/// `zonal`: statistics of a raster's pixels under each area (`stats: [sum, mean]`), each pixel weighted by the
/// fraction of it the area covers, plus `<id>_covered_fraction`, the share of the area with raster data.
///
/// Columns are `<id>_<stat>` (`pop_sum`, `ntl_q90`), and `<id>_<stat>_<class>` for `fraction` and `area`
/// (`lc_fraction_10`). Where an area covers no pixel with data, `count` and `variety` are 0 and the other
/// statistics null, never a silent zero.
struct ZonalIndicator: IndicatorComputer {
    let spec: IndicatorSpec
    let request: ZonalRequest

    func compute(_ run: RunContext) throws -> IndicatorResult {
        let values = try run.raster(request.input, band: request.band)
        let weights = try request.weights.map { try run.raster($0, band: request.weightsBand) }
        let extractor = ZonalExtractor(values: values, weights: weights, request: request)
        let columns = Self.columns(spec.id, request)
        var rows: [[IndicatorValue]] = []
        var withoutData = 0
        var areasWithClass = [Int](repeating: 0, count: request.classes.count)
        for area in run.boundaries.areas {
            guard run.isCore(area.index) else {
                rows.append([IndicatorValue](repeating: .null, count: columns.count))
                continue
            }
            var summary = try extractor.summarise(area.geometry)
            var row: [IndicatorValue] = []
            for statistic in request.statistics {
                if statistic.isPerClass {
                    let perClass = summary.statistics.values(of: statistic, classes: request.classes,
                                                             unitSquareMetres: request.areaUnit.squareMetres)
                    row += perClass.map { IndicatorValue.finite($0) }
                } else {
                    row.append(.finite(summary.statistics.value(of: statistic)))
                }
            }
            row.append(.finite(summary.coveredFraction))
            rows.append(row)
            if summary.statistics.coverage == 0 { withoutData += 1 }
            for (position, value) in request.classes.enumerated() where summary.statistics.histogram[value] != nil {
                areasWithClass[position] += 1
            }
        }
        var counters = ["\(spec.id): areas without raster data": withoutData]
        for (position, value) in request.classes.enumerated() {
            counters[Self.classCounter(spec.id, value)] = areasWithClass[position]
        }
        return IndicatorResult(columns: columns, rows: rows, counters: counters)
    }

    /// The counter that says under how many areas a class value occurs (0: a class the raster may not have).
    static func classCounter(_ id: String, _ value: Double) -> String {
        "\(id): areas where class \(SpecReader.numberText(value)) occurs"
    }

    static func columns(_ id: String, _ request: ZonalRequest) -> [IndicatorColumn] {
        var columns: [IndicatorColumn] = []
        for statistic in request.statistics {
            if statistic.isPerClass {
                for value in request.classes {
                    let name = SpecReader.numberText(value)
                    columns.append(IndicatorColumn(name: ColumnName.grouped("\(id)_\(statistic)", name), type: .real,
                                                   indicator: id, className: name))
                }
            } else {
                columns.append(IndicatorColumn(name: "\(id)_\(statistic)", type: .real, indicator: id))
            }
        }
        columns.append(IndicatorColumn(name: "\(id)_covered_fraction", type: .real, indicator: id))
        return columns
    }
}
