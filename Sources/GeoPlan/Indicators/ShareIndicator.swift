import Foundation
import GEOS

/// `share`: the fraction of each area covered by an input's polygons, per class of `by`; `mix`: the normalised
/// Shannon entropy of those shares.
///
/// Overlaps are never counted twice: polygons of one class are merged first, and where classes overlap each
/// other the overlap goes to the class that comes first in alphabetical order (so the shares of an area add up
/// to at most 1; the `<id>` column is the total covered). Mix is −Σ pᵢ ln pᵢ / ln K over the covered part,
/// with K the number of classes in the input: 0 when one class covers it all, 1 when all K are equal; null
/// where nothing is covered.
struct ShareIndicator: IndicatorComputer {
    let spec: IndicatorSpec
    let input: String
    let by: String
    let whereClause: String?
    let mix: Bool

    func compute(_ run: RunContext) throws -> IndicatorResult {
        let features = try run.features(input, whereClause: whereClause, by: by)
        let grouping = ClassColumns(features, by: by)
        let coverage = try run.classCoverage(of: features, classes: grouping.classes, measure: spec.measure)
        let areaSizes = try run.areaMeasures(spec.measure)
        let rows: [[IndicatorValue]] = coverage.indices.map { index in
            let shares = coverage[index]
            guard let size = areaSizes[index].areaSquareMetres, size > 0 else {
                return [IndicatorValue](repeating: .null, count: mix ? 1 : grouping.classes.count + 1)
            }
            if mix { return [Self.entropy(shares, classes: grouping.classes.count)] }
            return [.finite(min(shares.reduce(0, +) / size, 1))] + shares.map { .finite(min($0 / size, 1)) }
        }
        let columns = mix ? [IndicatorColumn(name: spec.id, type: .real, indicator: spec.id)]
            : [IndicatorColumn(name: spec.id, type: .real, indicator: spec.id)] + grouping.columns(for: spec.id, type: .real)
        return IndicatorResult(columns: columns, rows: rows,
                               inputCounters: ["\(spec.id): input polygons repaired": features.store.repaired])
    }

    /// Normalised Shannon entropy of areas by class; null when nothing is covered, 0 with a single class.
    static func entropy(_ areas: [Double], classes: Int) -> IndicatorValue {
        let total = areas.reduce(0, +)
        guard total > 0 else { return .null }
        guard classes > 1 else { return .number(0) }
        let h = areas.filter { $0 > 0 }.map { $0 / total }.reduce(0) { $0 - $1 * log($1) }
        return .finite(h / log(Double(classes)))
    }
}
