import GEOS

/// Pairs of polygons that share area, with the shared area's size and a point inside it: for the input checks
/// (tambons, municipalities) and for the no-overlap guarantee of the units.
///
/// Candidates come from an STRtree of the polygons' boxes; pairs that only touch (a shared border, a corner) give a
/// line or a point, whose polygonal part is empty, and are not overlaps.
struct OverlapFinder {
    /// An overlap: its report (with the geodesic area, the house measure, for a planner), and its area as cut
    /// (``LocalFrame/squareMetres(of:)``), which tolerances are compared with: for the thin overlaps tolerances
    /// are about, the geodesic area measures how the edges' geodesics bow, not the overlap.
    struct Found {
        let overlap: GovernanceError.Overlap
        let cutSquareMetres: Double
    }

    let geodesicArea: (Geometry) throws -> Double

    /// Every pair (i < j, in the order given) whose intersection has a positive area, largest (as cut) first; ties
    /// keep the input order.
    func overlaps(among items: [(code: String, geometry: Geometry)], context: GEOSContext) throws -> [Found] {
        let tree = try STRtree<Int>(context: context)
        for (index, item) in items.enumerated() { try tree.insert(item.geometry, index) }
        try tree.build()
        var found: [(pair: (Int, Int), found: Found)] = []
        for (first, item) in items.enumerated() {
            let prepared = try item.geometry.prepared()
            for second in try tree.query(item.geometry) where second > first {
                let other = items[second].geometry
                guard try prepared.intersects(other) else { continue }
                let shared = try PieceGeometry.repairing(item.geometry, other) { try $0.intersection($1) }
                guard !shared.isEmpty else { continue }
                let cut = try LocalFrame.squareMetres(of: shared)
                guard cut > 0 else { continue }
                let overlap = GovernanceError.Overlap(
                    first: item.code, second: items[second].code,
                    areaSquareMetres: try geodesicArea(shared),
                    point: try PieceGeometry.point(in: shared))
                found.append(((first, second), Found(overlap: overlap, cutSquareMetres: cut)))
            }
        }
        return found.sorted {
            $0.found.cutSquareMetres != $1.found.cutSquareMetres
                ? $0.found.cutSquareMetres > $1.found.cutSquareMetres : $0.pair < $1.pair
        }.map(\.found)
    }
}
