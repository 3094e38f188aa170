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

    /// Per area, the area (m²) each class covers exclusively: polygons of a class merged, clipped to the area,
    /// minus what earlier classes already took.
    static func coverage(of features: FeatureSet, classes: [String?], in run: RunContext, method: MeasureMethod)
        throws -> [[Double]]
    {
        try run.boundaries.areas.map { area in
            guard run.isCore(area.index) else { return [Double](repeating: 0, count: classes.count) }
            let candidates = try features.index.query(area.geometry)
            var covered: Geometry?
            var areas: [Double] = []
            for className in classes {
                let polygons = candidates.filter { features.classes[$0] == className }.map { features.geometries[$0] }
                guard !polygons.isEmpty else {
                    areas.append(0)
                    continue
                }
                var piece = try Geometry.collection(polygons, context: run.context).unaryUnion()
                    .intersection(area.geometry)
                if let taken = covered { piece = try repairing(piece, taken) { try $0.difference($1) } }
                covered = try covered.map { taken in try repairing(taken, piece) { try $0.union($1) } } ?? piece
                areas.append(try method.measure(piece.polygonalPart()).areaSquareMetres ?? 0)
            }
            return areas
        }
    }

    /// Runs an overlay; when GEOS finds an operand invalid (an intersection of valid polygons can come out
    /// self-touching by a rounding), runs it again on the operands repaired with MakeValid.
    private static func repairing(_ first: Geometry, _ second: Geometry,
                                  _ overlay: (Geometry, Geometry) throws -> Geometry) throws -> Geometry {
        do {
            return try overlay(first, second)
        } catch {
            let fix = { (geometry: Geometry) throws -> Geometry in
                try geometry.makeValid(method: .structure(keepCollapsed: false)).polygonalPart()
            }
            return try overlay(try fix(first), try fix(second))
        }
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
