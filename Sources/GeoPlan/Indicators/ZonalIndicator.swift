import Foundation
import Yams

/// `zonal`: statistics of a raster's pixels under each area (`stats: [sum, mean]`), each pixel weighted by the
/// fraction of it the area covers, plus `<id>_covered_fraction`, the share of the area with raster data.
///
/// Columns are `<id>_<stat>` (`pop_sum`, `ntl_q90`), and `<id>_<stat>_<class>` for `fraction` and `area`
/// (`lc_fraction_10`); with several bands, `<id>_b<band>_…` for each. Where an area covers no pixel with data,
/// `count` and `variety` are 0 and the other statistics null, never a silent zero.
public struct ZonalIndicator: IndicatorDefinition {
    public var request: ZonalRequest

    public var typeName: String { "zonal" }
    public var inputName: String? { request.input }

    static var spellings: [IndicatorSpelling] {
        [
            IndicatorSpelling(
                name: "zonal",
                keys: [
                    "raster", "input", "band", "stats", "classes", "coverage", "weights",
                    "weights_band",
                ], inputKinds: [.raster]
            ) { reader, fields, owner, draft in
                reader.zonal(fields, owner: owner, draft: &draft)
            }
        ]
    }

    func plannedColumns(_ indicator: IndicatorSpec, classes: ClassColumns?) -> [PlannedColumn] {
        Self.columns(indicator.id, request).map { column in
            PlannedColumn(name: column.name, role: "the statistic \(column.name)", className: nil)
        }
    }

    func checkInputs(_ indicator: IndicatorSpec, _ run: RunContext) throws {
        try run.checkRasters(of: request)
    }

    func prepare(_ indicator: IndicatorSpec, _ run: RunContext) throws {
        try run.checkRasters(of: request)
    }

    /// Only the whole run knows that a class occurs under no area.
    func finish(_ indicator: IndicatorSpec, _ result: inout IndicatorResult, _ run: RunContext) throws {
        let absent = request.classes.filter { value in
            request.bands.allSatisfy { band in
                let prefix = Self.prefix(indicator.id, band: band, of: request)
                return result.counters[Self.classCounter(prefix, value)] == 0
            }
        }
        guard !absent.isEmpty else { return }
        result.warnings.append(
            "\(indicator.id): class value(s) "
                + absent.map(SpecReader.numberText).joined(separator: ", ")
                + " occur under no area; check the classes against the raster's values (gdalinfo -hist)")
    }

    func compute(_ indicator: IndicatorSpec, _ run: RunContext) throws -> IndicatorResult {
        let spec = indicator
        let weights = try request.weights.map { try run.raster($0, band: request.weightsBand) }
        let columns = Self.columns(spec.id, request)
        var rows = [[IndicatorValue]](repeating: [], count: run.boundaries.areas.count)
        var counters: [String: Int] = [:]
        for band in request.bands {
            let prefix = Self.prefix(spec.id, band: band, of: request)
            let extractor = ZonalExtractor(
                values: try run.raster(request.input, band: band), weights: weights,
                request: request, indicator: spec.id)
            var withoutData = 0
            var areasWithClass = [Int](repeating: 0, count: request.classes.count)
            for area in run.boundaries.areas {
                guard run.isCore(area.index) else { continue }
                var summary = try extractor.summarise(area.geometry, area: area.id)
                for statistic in request.statistics {
                    if statistic.isPerClass {
                        let perClass = summary.statistics.values(
                            of: statistic, classes: request.classes,
                            unitSquareMetres: request.areaUnit.squareMetres)
                        rows[area.index] += perClass.map { IndicatorValue.finite($0) }
                    } else {
                        rows[area.index].append(.finite(summary.statistics.value(of: statistic)))
                    }
                }
                rows[area.index].append(.finite(summary.coveredFraction))
                if summary.statistics.coverage == 0 { withoutData += 1 }
                for (position, value) in request.classes.enumerated() where summary.statistics.histogram[value] != nil {
                    areasWithClass[position] += 1
                }
            }
            counters["\(prefix): areas without raster data"] = withoutData
            for (position, value) in request.classes.enumerated() {
                counters[Self.classCounter(prefix, value)] = areasWithClass[position]
            }
        }
        for area in run.boundaries.areas where !run.isCore(area.index) {
            rows[area.index] = [IndicatorValue](repeating: .null, count: columns.count)
        }
        return IndicatorResult(columns: columns, rows: rows, counters: counters)
    }

    /// `<id>`, or `<id>_b<band>` when the indicator reads several bands.
    static func prefix(_ id: String, band: Int, of request: ZonalRequest) -> String {
        request.bands.count > 1 ? "\(id)_b\(band)" : id
    }

    /// The counter that says under how many areas a class value occurs (0: a class the raster may not have).
    static func classCounter(_ prefix: String, _ value: Double) -> String {
        "\(prefix): areas where class \(SpecReader.numberText(value)) occurs"
    }

    static func columns(_ id: String, _ request: ZonalRequest) -> [IndicatorColumn] {
        var columns: [IndicatorColumn] = []
        for band in request.bands {
            let prefix = prefix(id, band: band, of: request)
            for statistic in request.statistics {
                if statistic.isPerClass {
                    let classes = request.classes.map(SpecReader.numberText)
                    for (className, name) in zip(classes, ColumnName.grouped("\(prefix)_\(statistic)", classes)) {
                        columns.append(IndicatorColumn(name: name, type: .real, indicator: id, className: className))
                    }
                } else {
                    columns.append(IndicatorColumn(name: "\(prefix)_\(statistic)", type: .real, indicator: id))
                }
            }
            columns.append(IndicatorColumn(name: "\(prefix)_covered_fraction", type: .real, indicator: id))
        }
        return columns
    }
}

extension IndicatorType where Self == ZonalIndicator {
    public static func zonal(_ request: ZonalRequest) -> ZonalIndicator { ZonalIndicator(request: request) }
}
