/// What a GeoJSON output changed on the way out, for the warnings its caller gives.
public struct GeoJSONWriteCounts: Hashable, Sendable {
    /// Per property (in the writer's property order): reals that were NaN or infinite, written as null.
    public internal(set) var nonFiniteByProperty: [Int]
    /// Polygons that rounding each vertex would have made invalid, snap-rounded by GEOS instead.
    public internal(set) var snapRounded = 0
    /// Polygons kept at full precision because rounding would have collapsed them (islands narrower than a step).
    public internal(set) var keptFullPrecision = 0
    /// Geometries cut in two at the antimeridian.
    public internal(set) var cutAtAntimeridian = 0

    init(properties: Int) {
        nonFiniteByProperty = Array(repeating: 0, count: properties)
    }

    mutating func add(_ other: GeoJSONWriteCounts) {
        for index in nonFiniteByProperty.indices where index < other.nonFiniteByProperty.count {
            nonFiniteByProperty[index] += other.nonFiniteByProperty[index]
        }
        snapRounded += other.snapRounded
        keptFullPrecision += other.keptFullPrecision
        cutAtAntimeridian += other.cutAtAntimeridian
    }
}
