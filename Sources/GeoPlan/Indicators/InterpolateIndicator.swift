import Foundation
import GDAL
import GEOS
import Yams

/// `interpolate`: values given per source zone (a table by tambon code) carried to each area, which need not
/// nest in the sources (tambons → local governments), conservatively (see `ArealInterpolation`): extensive
/// values split by shared ground area, by a raster's sum (people of a population grid) or by points (villages,
/// counted or their households summed), intensive values averaged. An area no source overlaps is null. What
/// falls outside every area is reported by the run.
public struct InterpolateIndicator: IndicatorDefinition {
    public var request: InterpolationRequest

    public var typeName: String { "interpolate" }
    public var inputName: String? { request.from }
    var featureInput: FeatureInputUse? { FeatureInputUse(input: request.from, whereClause: nil, by: request.code) }
    /// Its own `kind:` says both how values are carried and how they roll up.
    var impliedValueKind: ValueKind? { request.kind == .extensive ? .extensive : .intensive }
    /// Intensive values carried by area are carried again onto the level's boundaries, unless weighted.
    func intensiveRollUp(weight: String?) -> RollUpRule { weight == nil ? .recompute : .weightedMean(weight: weight) }

    static var spellings: [IndicatorSpelling] {
        [
            IndicatorSpelling(
                name: "interpolate",
                keys: [
                    "from", "code", "table", "column", "kind", "weights",
                    "weight_field", "normalize",
                ],
                inputKinds: [.polygons]
            ) { reader, fields, owner, draft in
                reader.interpolation(fields, owner: owner, draft: &draft)
            }
        ]
    }

    func checkInputs(_ indicator: IndicatorSpec, _ run: RunContext) throws {
        _ = try run.features(request.from, whereClause: nil, by: request.code)
        _ = try Self.values(request, run: run)
        try Self.checkWeights(request, run: run)
    }

    func compute(_ indicator: IndicatorSpec, _ run: RunContext) throws -> IndicatorResult {
        let spec = indicator
        let sources = try run.features(request.from, whereClause: nil, by: request.code)
        let values = Self.sourceValues(sources.classes, try Self.values(request, run: run), request)
        let core = run.boundaries.areas.filter { run.isCore($0.index) }
        let overlaps = try ZoneOverlaps(
            sources: sources.geometries, targets: core.map(\.geometry),
            method: try run.method(.geodesic),
            weighting: try Self.weighting(request, sources: sources, core: core, run: run))
        let result = ArealInterpolation(overlaps: overlaps).interpolate(values, kind: request.kind)
        var rows = [[IndicatorValue]](repeating: [.null], count: run.boundaries.areas.count)
        for (position, area) in core.enumerated() { rows[area.index] = [.finite(result.values[position])] }
        var counters: [String: Int] = [:]
        for source in result.fellBackToArea {
            counters[Self.fallBackCounter(spec.id, sources.classes[source] ?? "?")] = 1
        }
        return IndicatorResult(
            columns: [IndicatorColumn(name: spec.id, type: .real, indicator: spec.id)],
            rows: rows, counters: counters)
    }

    static let fallBackPrefix = ": split by area, no weight: "

    /// The run's counter of the sources split by area for want of weight.
    static func splitByAreaCounter(_ id: String) -> String { "\(id): sources split by area (no weight)" }

    static func fallBackCounter(_ id: String, _ code: String) -> String { "\(id)\(fallBackPrefix)\(code)" }

    /// Each source zone's value, by its code (nil: no code, or no value in the table).
    static func sourceValues(_ codes: [String?], _ valueOfCode: [String: Double], _ request: InterpolationRequest)
        -> [Double?]
    {
        let thai = request.normalization == .thai
        return codes.map { code in code.flatMap { AreaCode.normalize($0, thai: thai) }.flatMap { valueOfCode[$0] } }
    }

    /// The table's values by normalised code; a code on two rows is an error, as for `join`.
    static func values(_ request: InterpolationRequest, run: RunContext) throws -> [String: Double] {
        try values(request, table: try run.table(request.table))
    }

    /// How the table's cells were read (thousands separators), for the run's warnings.
    static func tableNotes(_ request: InterpolationRequest, run: RunContext) throws -> [String] {
        let table = try run.table(request.table)
        guard let column = table.column(request.column) else { return [] }
        return try valueColumn(request, table: table, column: column).notes
    }

    static func values(_ request: InterpolationRequest, table: CodeTable) throws -> [String: Double] {
        guard let column = table.column(request.column) else {
            throw GDALError.noSuchField(layer: request.table, name: request.column, available: table.columns)
        }
        let rows = try table.rowsByCode(
            thai: request.normalization == .thai,
            purpose: "interpolating needs one value per source zone")
        guard case let .numbers(numbers) = try valueColumn(request, table: table, column: column).values else {
            return [:]
        }
        return rows.compactMapValues { numbers[$0.row] }
    }

    private static func valueColumn(_ request: InterpolationRequest, table: CodeTable, column: Int) throws
        -> TableColumn
    {
        try TableColumn(
            table, column: column, reading: ColumnReading(),
            owner: "interpolation of \"\(request.column)\"", needsNumbers: true)
    }
}

extension IndicatorType where Self == InterpolateIndicator {
    public static func interpolate(_ request: InterpolationRequest) -> InterpolateIndicator {
        InterpolateIndicator(request: request)
    }
}
