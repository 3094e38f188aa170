import GEOS

/// Turns a feature's WKB into the geometry GeoJSON gets: cut at the antimeridian, rounded onto the grid without
/// breaking polygons, rings turned by the right-hand rule (RFC 7946 §3.1.6). One per thread: it holds that
/// thread's GEOS context.
struct GeoJSONGeometryPreparation {
    struct Prepared {
        var geometry: GeoJSONGeometry
        /// Cut at the antimeridian: its bbox runs across it.
        var crossesAntimeridian: Bool
        var rounding: ValidRounding.Outcome?
        /// The grid to write with; nil for full precision.
        var grid: CoordinateGrid?
        /// The polygons (positions in a multi-polygon) written at full precision, the rest on the grid.
        var fullPrecisionPolygons: Set<Int> = []
    }

    let grid: CoordinateGrid?
    let context: GEOSContext

    func prepare(wkb: [UInt8]) throws -> Prepared {
        let (cut, crosses) = try AntimeridianCut(context: context).cut(try WKBGeometryCodec.read(wkb))
        var geometry = cut
        var outcome: ValidRounding.Outcome?
        if let grid {
            (geometry, outcome) = try ValidRounding(grid: grid, context: context).round(cut)
        }
        var prepared = Prepared(
            geometry: geometry.withRightHandRings(), crossesAntimeridian: crosses,
            rounding: outcome, grid: grid)
        if case let .keptFullPrecision(polygons) = outcome {
            if case .multiPolygon = geometry {
                prepared.fullPrecisionPolygons = polygons
            } else {
                prepared.grid = nil
            }
        }
        // A multi-polygon of one polygon is written as that polygon, as GDAL does; at one precision then.
        if case let .multiPolygon(polygons) = prepared.geometry, polygons.count == 1 {
            if !prepared.fullPrecisionPolygons.isEmpty { prepared.grid = nil }
            prepared.fullPrecisionPolygons = []
            prepared.geometry = prepared.geometry.withSinglePolygonUnwrapped()
        }
        return prepared
    }
}
