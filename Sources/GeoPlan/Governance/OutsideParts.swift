import GEOS

/// What of each municipality lies outside every tambon: left out of the units (they cover the tambons, no more),
/// and reported when any of it is not thinner than the snapping tolerance.
struct OutsideParts {
    let options: GovernanceOptions

    /// The report line for one (snapped) municipality, or nil when nothing worth a line lies outside.
    func find(_ municipality: MunicipalShape, tambons: [Geometry], index: STRtree<Int>) throws
        -> GovernanceReport.OutsidePart?
    {
        let prepared = try municipality.geometry.prepared()
        let near = try index.query(municipality.geometry).map { tambons[$0] }.filter { try prepared.intersects($0) }
        var outside = municipality.geometry
        if !near.isEmpty {
            let covered = try PieceGeometry.union(near, context: municipality.geometry.context)
            if try covered.prepared().covers(municipality.geometry) { return nil }
            outside = try PieceGeometry.repairing(municipality.geometry, covered) { try $0.difference($1) }
        }
        let parts = try PieceGeometry.components(of: outside)
        let beyond = try parts.contains { try !SliverMerger.isThin($0, toleranceMetres: options.snapToleranceMetres) }
        guard beyond else { return nil }
        let areas = try parts.map { try LocalFrame.squareMetres(of: $0) }
        guard let largest = areas.indices.max(by: { areas[$0] < areas[$1] }) else { return nil }
        return GovernanceReport.OutsidePart(
            municipalityCode: municipality.code, areaSquareMetres: areas.reduce(0, +),
            parts: parts.count, point: try PieceGeometry.point(in: parts[largest]))
    }
}
