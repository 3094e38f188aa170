import Foundation
import GEOS
import Yams

/// `share`: the fraction of each area covered by an input's polygons, per class of `by`; `mix`: the normalised
/// Shannon entropy of those shares.
///
/// Overlaps are never counted twice: polygons of one class are merged first, and where classes overlap each
/// other the overlap goes to the class that comes first in alphabetical order (so the shares of an area add up
/// to at most 1; the `<id>` column is the total covered). Mix is −Σ pᵢ ln pᵢ / ln K over the covered part,
/// with K the number of classes in the input: 0 when one class covers it all, 1 when all K are equal; null
/// where nothing is covered.
public struct ShareIndicator: IndicatorDefinition {
    public var input: String
    public var by: String
    public var whereClause: String?
    /// Writes the entropy of the shares (`mix`) instead of the shares.
    public var mix: Bool

    public var typeName: String { mix ? "mix" : "share" }
    public var inputName: String? { input }
    var defaultUnit: String? { "fraction (0–1)" }
    func defaultRollUp(weight: String?) -> RollUpRule? { mix ? .recompute : .weightedMean(weight: weight) }
    var featureInput: FeatureInputUse? { FeatureInputUse(input: input, whereClause: whereClause, by: by) }
    var classSource: (input: String, whereClause: String?, by: String)? { mix ? nil : (input, whereClause, by) }

    static var spellings: [IndicatorSpelling] {
        [false, true].map { mix in
            IndicatorSpelling(
                name: mix ? "mix" : "share", keys: ["input", "by", "where"],
                inputKinds: [.polygons]
            ) { reader, fields, owner, _ in
                let whereClause = fields["where"].flatMap { reader.text($0, key: "where") }
                let input = reader.requiredText(fields, "input", owner: owner)
                guard let by = reader.requiredText(fields, "by", owner: owner), let input else { return nil }
                return ShareIndicator(input: input, by: by, whereClause: whereClause, mix: mix)
            }
        }
    }

    func plannedColumns(_ indicator: IndicatorSpec, classes: ClassColumns?) -> [PlannedColumn] {
        mix
            ? [PlannedColumn(name: indicator.id, role: nil, className: nil)]
            : PlannedColumn.grouped(indicator.id, classes: classes)
    }

    func compute(_ indicator: IndicatorSpec, _ run: RunContext) throws -> IndicatorResult {
        let spec = indicator
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
        let columns =
            mix
            ? [IndicatorColumn(name: spec.id, type: .real, indicator: spec.id)]
            : [IndicatorColumn(name: spec.id, type: .real, indicator: spec.id)]
                + grouping.columns(for: spec.id, type: .real)
        return IndicatorResult(
            columns: columns, rows: rows,
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

extension IndicatorType where Self == ShareIndicator {
    public static func share(input: String, by: String, whereClause: String? = nil) -> ShareIndicator {
        ShareIndicator(input: input, by: by, whereClause: whereClause, mix: false)
    }

    public static func mix(input: String, by: String, whereClause: String? = nil) -> ShareIndicator {
        ShareIndicator(input: input, by: by, whereClause: whereClause, mix: true)
    }
}
