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
///
/// Points are read from the store one feature at a time and dropped once placed, so placing a million points
/// holds one GEOS point at a time, not a geometry per point.
struct PointPlacement {
    /// For each point kept (multi-points expanded, in feature order), its area's index.
    var areaOfPoint: [Int] = []
    /// The store's feature each point came from.
    var featureOfPoint: [Int] = []
    /// Points kept that lie on a border.
    var onBorder = 0

    /// Places the store's features whose box meets `window` (all when nil).
    init(_ store: FeatureStore, window: Envelope?, in run: RunContext) throws {
        for feature in store.features(meeting: window) {
            if let xy = store.point(feature) {
                try add(Geometry.point(xy, context: run.context), of: feature, in: run)
                continue
            }
            let geometry = try Geometry(wkb: store.wkb(feature), context: run.context)
            for point in geometry.type == .point ? [geometry] : try geometry.geometries {
                try add(point, of: feature, in: run)
            }
        }
    }

    private mutating func add(_ point: Geometry, of feature: Int, in run: RunContext) throws {
        guard !point.isEmpty, let (area, border) = try Self.place(point, in: run.boundaries), run.isCore(area) else {
            return
        }
        areaOfPoint.append(area)
        featureOfPoint.append(feature)
        if border { onBorder += 1 }
    }

    /// The point's area and whether the point is on its border; nil when it is in no area.
    private static func place(_ point: Geometry, in boundaries: BoundarySet) throws -> (Int, Bool)? {
        try BorderRule.zone(
            of: point, among: try boundaries.index.query(point), shape: { boundaries.areas[$0].prepared },
            before: { boundaries.areas[$0].id < boundaries.areas[$1].id })
    }
}
