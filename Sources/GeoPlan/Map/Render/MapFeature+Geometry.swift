import GEOS

extension MapFeature {
    /// The rings of a lon/lat Polygon or MultiPolygon (an `Area`'s geometry, say) as `MapFeature.rings` wants them;
    /// empty parts are left out and other geometry types have none.
    public static func rings(of geometry: Geometry) throws -> [[[XY]]] {
        func polygon(_ part: Geometry) throws -> [[XY]] {
            try [part.exteriorRing.coordinates] + part.interiorRings.map { try $0.coordinates }
        }
        switch geometry.type {
        case .polygon:
            return geometry.isEmpty ? [] : [try polygon(geometry)]
        case .multiPolygon:
            return try geometry.geometries.filter { !$0.isEmpty }.map(polygon)
        default:
            return []
        }
    }
}
