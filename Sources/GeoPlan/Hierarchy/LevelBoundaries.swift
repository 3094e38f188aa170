import GEOS

/// A group's boundary: the union of its members' polygons.
enum LevelBoundaries {
    /// GEOS coverage union first: members of one boundary set share their borders vertex for vertex, and
    /// merging shared edges (rather than overlaying polygons) leaves no slivers and is fast. Members that are
    /// not a clean coverage (borders that do not match exactly) can make it invalid; then a full union.
    /// - Returns: the union and whether the full union was needed.
    static func dissolve(_ members: [Geometry], context: GEOSContext) throws -> (geometry: Geometry, fullUnion: Bool) {
        if members.count == 1 { return (members[0], false) }
        let polygons = try members.flatMap { member in
            member.type == .polygon ? [member] : try member.geometries.filter { $0.type == .polygon && !$0.isEmpty }
        }
        let collection = try Geometry.multiPolygon(polygons, context: context)
        if let covered = try? collection.coverageUnion(), try covered.isValid, !covered.isEmpty {
            return (try covered.polygonalPart(), false)
        }
        return (try collection.unaryUnion().polygonalPart(), true)
    }
}
