import GEOS

/// Which area each point of an input falls in, by one documented rule, computed once per feature set.
///
/// The rule: a point inside an area's interior belongs to that area. A point exactly on a border (shared or
/// outer) belongs to the area with the smallest id among those whose closure holds it, so it is counted once
/// (QGIS's `contains` would count it nowhere, GeoPandas' `intersects` in every area that touches it). A point
/// in no area is counted as outside. Multi-points are placed point by point.
///
/// In a worker of a parallel run, only points whose area is one of the worker's own are kept: the rule still
/// sees the neighbours, so a border point goes to the same area whichever worker meets it.
struct PointPlacement {
    /// For each point kept (multi-points expanded, in feature order), its area's index.
    var areaOfPoint: [Int] = []
    /// The feature each point came from.
    var featureOfPoint: [Int] = []
    /// Points kept that lie on a border.
    var onBorder = 0

    init(_ features: FeatureSet, in run: RunContext) throws {
        for (feature, geometry) in features.geometries.enumerated() {
            let points = geometry.type == .point ? [geometry] : try geometry.geometries
            for point in points where !point.isEmpty {
                guard let (area, border) = try Self.place(point, in: run.boundaries), run.isCore(area) else { continue }
                areaOfPoint.append(area)
                featureOfPoint.append(feature)
                if border { onBorder += 1 }
            }
        }
    }

    /// The point's area and whether the point is on its border; nil when it is in no area.
    private static func place(_ point: Geometry, in boundaries: BoundarySet) throws -> (Int, Bool)? {
        try zone(of: point, among: try boundaries.index.query(point), shape: { boundaries.areas[$0].prepared },
                 before: { boundaries.areas[$0].id < boundaries.areas[$1].id })
    }

    /// The rule for any zones: among `candidates` (those whose box holds the point), the one whose interior holds
    /// it, else the first by `before` of those whose closure holds it; with whether the point is on its border.
    /// `eligible` leaves zones out of the border step (interpolation's weights: only targets sharing ground with
    /// the point's source).
    static func zone(of point: Geometry, among candidates: [Int], shape: (Int) throws -> PreparedGeometry,
                     before: (Int, Int) -> Bool, eligible: (Int) throws -> Bool = { _ in true }) throws
        -> (Int, Bool)?
    {
        for index in candidates where try shape(index).contains(point) {
            return (index, false)
        }
        let covering = try candidates.filter { try shape($0).covers(point) && (try eligible($0)) }
        return covering.min(by: before).map { ($0, true) }
    }
}
