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
        /// The grid to write with; nil when the geometry keeps full precision.
        var grid: CoordinateGrid?
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
        return Prepared(geometry: geometry.withRightHandRings().withSinglePolygonUnwrapped(),
                        crossesAntimeridian: crosses, rounding: outcome,
                        grid: outcome == .keptFullPrecision ? nil : grid)
    }
}
