import GEOS

/// Which area each point of an input falls in, by one documented rule, computed once per feature set.
///
/// The rule: a point inside an area's interior belongs to that area. A point exactly on a border (shared or
/// outer) belongs to the area with the smallest id among those whose closure holds it, so it is counted once
/// (QGIS's `contains` would count it nowhere, GeoPandas' `intersects` in every area that touches it). A point
/// in no area is counted as outside. Multi-points are placed point by point.
struct PointPlacement {
    /// For each point (multi-points expanded, in feature order), its area's index, or nil when outside.
    var areaOfPoint: [Int?] = []
    /// The feature each point came from.
    var featureOfPoint: [Int] = []
    var onBorder = 0
    var outside = 0

    init(_ features: FeatureSet, in boundaries: BoundarySet) throws {
        for (feature, geometry) in features.geometries.enumerated() {
            let points = geometry.type == .point ? [geometry] : try geometry.geometries
            for point in points where !point.isEmpty {
                areaOfPoint.append(try place(point, in: boundaries))
                featureOfPoint.append(feature)
            }
        }
    }

    private mutating func place(_ point: Geometry, in boundaries: BoundarySet) throws -> Int? {
        let candidates = try boundaries.index.query(point)
        for index in candidates where try boundaries.areas[index].prepared.contains(point) {
            return index
        }
        let covering = try candidates.filter { try boundaries.areas[$0].prepared.covers(point) }
        guard let first = covering.min(by: { boundaries.areas[$0].id < boundaries.areas[$1].id }) else {
            outside += 1
            return nil
        }
        onBorder += 1
        return first
    }
}
