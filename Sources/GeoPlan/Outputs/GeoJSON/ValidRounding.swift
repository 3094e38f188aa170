import GEOS

/// Rounds a geometry's coordinates onto a decimal grid without making a valid polygon invalid or collapsing it.
///
/// Rounding each vertex alone can fold a ring: three vertices 3e-8° apart become two, or a vertex lands across a
/// nearby edge (issue 13: 1 of 5,677 real tambons at 7 decimals). So the rounded polygon is checked with GEOS, as a
/// reader will see it (the grid values are the Doubles the written decimals parse to); when rounding broke a valid
/// polygon, GEOS snap-rounds it onto the same grid instead (`GEOSGeom_setPrecision_r`), which nodes what would
/// cross; and a polygon that even that would lose (an island narrower than a grid step) keeps its full precision,
/// the multi-polygon's other polygons rounded. A polygon that was invalid before rounding is written as rounded:
/// geoplan does not repair what it was given.
///
/// Points and lines are rounded vertex by vertex: they have no validity that rounding can break.
struct ValidRounding {
    enum Outcome: Equatable {
        /// Every vertex rounded on its own, and the result is as valid as the input.
        case rounded
        /// Rounding alone broke a polygon; GEOS's snap rounding on the same grid kept it valid.
        case snapRounded
        /// Rounding would have collapsed the polygons at these positions (of a multi-polygon; 0 for a polygon):
        /// they keep full precision. All of them when the others could not be rounded without them.
        case keptFullPrecision(polygons: Set<Int>)
    }

    let grid: CoordinateGrid
    let context: GEOSContext

    /// The geometry to write (on the grid except for the polygons kept at full precision), and how it was obtained.
    func round(_ geometry: GeoJSONGeometry) throws -> (GeoJSONGeometry, Outcome) {
        let (rounded, outcome) = try roundWhole(geometry)
        guard case .keptFullPrecision = outcome, case let .multiPolygon(polygons) = geometry, polygons.count > 1 else {
            return (rounded, outcome)
        }
        // Polygon by polygon: only those that would vanish keep full precision, if the whole stays valid.
        var parts: [[Positions]] = []
        var kept: Set<Int> = []
        var snapped = false
        for (index, polygon) in polygons.enumerated() {
            let (part, partOutcome) = try roundWhole(.polygon(polygon))
            switch (partOutcome, part) {
            case (.rounded, let .polygon(rings)), (.snapRounded, let .polygon(rings)):
                parts.append(rings)
                snapped = snapped || partOutcome == .snapRounded
            default:
                parts.append(polygon)
                kept.insert(index)
            }
        }
        let mixed = GeoJSONGeometry.multiPolygon(parts)
        guard kept.count < polygons.count, isValid(mixed) else {
            return (geometry, .keptFullPrecision(polygons: allPolygons(of: geometry)))
        }
        return (mixed, kept.isEmpty ? (snapped ? .snapRounded : .rounded) : .keptFullPrecision(polygons: kept))
    }

    /// Every vertex rounded, or the whole snap-rounded by GEOS, or the whole kept at full precision.
    private func roundWhole(_ geometry: GeoJSONGeometry) throws -> (GeoJSONGeometry, Outcome) {
        let rounded = geometry.mapParts { $0.mapValues(grid.rounded) }
        guard geometry.isPolygonal, rounded != geometry else { return (rounded, .rounded) }
        if isValid(rounded), polygonCount(rounded) == polygonCount(geometry) { return (rounded, .rounded) }
        // Invalid already (or not even readable by GEOS, such as a ring of three positions): not ours to repair.
        guard let original = shape(geometry), try original.isValid else { return (rounded, .rounded) }
        // GEOS put every vertex on its grid (steps × 10^-N, where ours are steps / 10^N: an ulp apart at most), so
        // rounding again only makes the Doubles exactly what the text reads back as; checked all the same. A GEOS
        // failure (a topology exception) keeps full precision, as a collapse does.
        guard let snapped = try? original.withPrecision(gridSize: grid.stepSize, collapsed: .drop),
            let snappedGeometry = try? WKBGeometryCodec.read(try snapped.wkb(includeZ: true)),
            case let onGrid = snappedGeometry.mapParts({ $0.mapValues(grid.rounded) }),
            onGrid.isPolygonal, polygonCount(onGrid) == polygonCount(geometry), isValid(onGrid)
        else {
            return (geometry, .keptFullPrecision(polygons: allPolygons(of: geometry)))
        }
        // GEOS writes a polygon that stays one polygon as a Polygon; keep the input's type.
        if case .polygon = geometry, case let .multiPolygon(polygons) = onGrid, let only = polygons.first {
            return (.polygon(only), .snapRounded)
        }
        return (onGrid, .snapRounded)
    }

    /// The geometry in GEOS, or nil when GEOS cannot hold it (a ring of fewer than four positions).
    private func shape(_ geometry: GeoJSONGeometry) -> Geometry? {
        try? Geometry(wkb: WKBGeometryCodec.write(geometry), context: context)
    }

    private func isValid(_ geometry: GeoJSONGeometry) -> Bool {
        guard let shape = shape(geometry) else { return false }
        return (try? shape.isValid) ?? false
    }

    private func allPolygons(of geometry: GeoJSONGeometry) -> Set<Int> {
        if case let .multiPolygon(polygons) = geometry { return Set(polygons.indices) }
        return [0]
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
