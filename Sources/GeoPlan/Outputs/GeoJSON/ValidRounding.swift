import GEOS

/// Rounds a geometry's coordinates onto a decimal grid without making a valid polygon invalid or collapsing it.
///
/// Rounding each vertex alone can fold a ring: three vertices 3e-8° apart become two, or a vertex lands across a
/// nearby edge (issue 13: 1 of 5,677 real tambons at 7 decimals). So the rounded polygon is checked with GEOS, as a
/// reader will see it (the grid values are the Doubles the written decimals parse to); when rounding broke a valid
/// polygon, GEOS snap-rounds it onto the same grid instead (`GEOSGeom_setPrecision_r`), which nodes what would
/// cross; and when even that would lose a polygon (one narrower than a grid step), the feature keeps its full
/// precision. A polygon that was invalid before rounding is written as rounded: geoplan does not repair what it was
/// given.
///
/// Points and lines are rounded vertex by vertex: they have no validity that rounding can break.
struct ValidRounding {
    enum Outcome: Equatable {
        /// Every vertex rounded on its own, and the result is as valid as the input.
        case rounded
        /// Rounding alone broke the polygon; GEOS's snap rounding on the same grid kept it valid.
        case snapRounded
        /// Any rounding would have collapsed a polygon or part of one: written with full precision.
        case keptFullPrecision
    }

    let grid: CoordinateGrid
    let context: GEOSContext

    /// The geometry to write (with grid coordinates unless `keptFullPrecision`), and how it was obtained.
    func round(_ geometry: GeoJSONGeometry) throws -> (GeoJSONGeometry, Outcome) {
        let rounded = geometry.mapParts { $0.mapValues(grid.rounded) }
        guard geometry.isPolygonal, rounded != geometry else { return (rounded, .rounded) }
        let roundedShape = try Geometry(wkb: WKBGeometryCodec.write(rounded), context: context)
        if try roundedShape.isValid, polygonCount(rounded) == polygonCount(geometry) {
            return (rounded, .rounded)
        }
        let original = try Geometry(wkb: WKBGeometryCodec.write(geometry), context: context)
        guard try original.isValid else { return (rounded, .rounded) }  // invalid already: not ours to repair
        let snapped = try original.withPrecision(gridSize: grid.stepSize, collapsed: .drop)
        let snappedGeometry = try WKBGeometryCodec.read(try snapped.wkb(includeZ: true))
        guard snappedGeometry.isPolygonal, try snapped.isValid,
              polygonCount(snappedGeometry) == polygonCount(geometry) else {
            return (geometry, .keptFullPrecision)
        }
        // GEOS put every vertex on its grid (steps × 10^-N, where ours are steps / 10^N: an ulp apart at most), so
        // rounding again only makes the Doubles exactly what the text reads back as; checked all the same.
        let onGrid = snappedGeometry.mapParts { $0.mapValues(grid.rounded) }
        guard try Geometry(wkb: WKBGeometryCodec.write(onGrid), context: context).isValid else {
            return (geometry, .keptFullPrecision)
        }
        return (onGrid, .snapRounded)
    }

    /// Polygons with a non-empty exterior ring, so that a collapsed part counts as lost.
    private func polygonCount(_ geometry: GeoJSONGeometry) -> Int {
        switch geometry {
        case let .polygon(rings): (rings.first?.count ?? 0) >= 4 ? 1 : 0
        case let .multiPolygon(polygons): polygons.filter { ($0.first?.count ?? 0) >= 4 }.count
        default: 0
        }
    }
}
