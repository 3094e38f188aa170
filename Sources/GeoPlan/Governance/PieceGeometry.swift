import GEOS

/// The few geometry steps every part of the partition repeats: an overlay that repairs and retries, the polygons of
/// a result, and a point to name a place by.
enum PieceGeometry {
    /// Runs an overlay; when GEOS refuses an operand as invalid (an overlay result can come out self-touching by a
    /// rounding), runs it again on both operands repaired with MakeValid. The result's polygonal part.
    static func repairing(
        _ first: Geometry, _ second: Geometry,
        _ overlay: (Geometry, Geometry) throws -> Geometry
    ) throws -> Geometry {
        do {
            return try overlay(first, second).polygonalPart()
        } catch {
            let fix = { (geometry: Geometry) throws -> Geometry in
                try geometry.makeValid(method: .structure(keepCollapsed: false)).polygonalPart()
            }
            return try overlay(try fix(first), try fix(second)).polygonalPart()
        }
    }

    /// The union of polygons (none gives an empty MultiPolygon), repaired and retried like ``repairing(_:_:_:)``.
    static func union(_ polygons: [Geometry], context: GEOSContext) throws -> Geometry {
        if polygons.count == 1 { return polygons[0] }
        let collection = try Geometry.collection(polygons, context: context)
        do {
            return try collection.unaryUnion().polygonalPart()
        } catch {
            let fixed = try polygons.map { try $0.makeValid(method: .structure(keepCollapsed: false)).polygonalPart() }
            return try Geometry.collection(fixed, context: context).unaryUnion().polygonalPart()
        }
    }

    /// The connected polygons of a polygonal geometry (none for an empty one).
    static func components(of geometry: Geometry) throws -> [Geometry] {
        switch geometry.type {
        case .polygon: return geometry.isEmpty ? [] : [geometry]
        case .multiPolygon, .geometryCollection: return try geometry.polygonalPart().geometries.filter { !$0.isEmpty }
        default: return []
        }
    }

    /// A point inside the geometry (GEOS's point on surface), to say where something is.
    static func point(in geometry: Geometry) throws -> LonLatPoint {
        guard let xy = try geometry.pointOnSurface().coordinates.first else { return LonLatPoint(lon: .nan, lat: .nan) }
        return LonLatPoint(lon: xy.x, lat: xy.y)
    }
}
