import Foundation
import GEOS

/// The account a planner checks after an interpolation: what the source zones hold, what reached the areas,
/// what fell outside every area (reported, never re-allocated), and how many sources had to be split by area
/// for want of weight. For extensive values, `carried + outside == sourcesTotal` to rounding.
public struct InterpolationSummary: Codable, Hashable, Sendable {
    /// `extensive` or `intensive`.
    public var kind: String
    /// Source zones read, and those without a value in the table (left out).
    public var sources: Int
    public var sourcesWithoutValue: Int
    /// Extensive values only: the sources' total, the part carried to the areas and the part outside them.
    public var sourcesTotal: Double?
    public var carried: Double?
    public var outside: Double?
    /// Sources whose weight was zero (no people on the grid, no village), split by area instead.
    public var splitByArea: Int
    /// Areas, and those no source with a value overlaps (null).
    public var areas: Int
    public var areasWithoutValue: Int

    /// The account of `spec`'s first `interpolate` indicator over its first boundary set, from the run's
    /// report (made with `includeRows`) and the sources and table read again.
    public static func make(spec: Spec, report: RunReport) throws -> InterpolationSummary {
        guard let indicator = spec.indicators.first(where: { $0.kind is InterpolateIndicator }),
            let request = (indicator.kind as? InterpolateIndicator)?.request,
            let set = report.boundarySets.first, let rows = set.rows,
            let column = set.columns.firstIndex(where: { $0.name == indicator.id }),
            let sourceInput = spec.input(named: request.from), let tableInput = spec.input(named: request.table)
        else {
            throw GeoPlanError.input(path: spec.path ?? "spec", reason: "no interpolation with its rows to account for")
        }
        let folder = spec.path.map { URL(fileURLWithPath: $0).deletingLastPathComponent().path }
        let store = try FeatureStore.load(
            sourceInput, whereClause: nil, by: request.code, folder: folder,
            context: try GEOSContext())
        let table = try CodeTable.load(tableInput, folder: folder)
        let values = InterpolateIndicator.sourceValues(
            store.classes,
            try InterpolateIndicator.values(request, table: table), request)
        let carried = rows.compactMap { row in row.values[column].flatMap(Double.init) }
        var summary = InterpolationSummary(
            kind: request.kind.rawValue, sources: values.count, sourcesWithoutValue: values.filter { $0 == nil }.count,
            splitByArea: set.counters[InterpolateIndicator.splitByAreaCounter(indicator.id)] ?? 0,
            areas: rows.count, areasWithoutValue: rows.count - carried.count)
        if request.kind == .extensive {
            let total = values.compactMap { $0 }.reduce(0, +)
            summary.sourcesTotal = total
            summary.carried = carried.reduce(0, +)
            summary.outside = total - carried.reduce(0, +)
        }
        return summary
    }
}
