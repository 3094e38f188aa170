import GEOS

/// A polygonal geometry as plain coordinate arrays, to move and insert vertices and build it again: what
/// snapping edits. Rings are closed (first point repeated last), exterior first in each polygon.
struct PolygonRings {
    /// Where a ring sits: polygon number, ring number (0 the exterior).
    struct RingID: Hashable {
        let polygon: Int
        let ring: Int
    }

    var polygons: [[[XY]]]

    /// The rings of a Polygon or MultiPolygon (empty parts left out); anything else has none.
    init(_ geometry: Geometry) throws {
        polygons = []
        switch geometry.type {
        case .polygon:
            if !geometry.isEmpty { polygons.append(try Self.rings(of: geometry)) }
        case .multiPolygon:
            for part in try geometry.geometries where !part.isEmpty { polygons.append(try Self.rings(of: part)) }
        default:
            break
        }
    }

    private static func rings(of polygon: Geometry) throws -> [[XY]] {
        try [polygon.exteriorRing.coordinates] + polygon.interiorRings.map { try $0.coordinates }
    }

    /// Every ring with its place.
    var rings: [(id: RingID, points: [XY])] {
        polygons.enumerated().flatMap { polygon, rings in
            rings.enumerated().map { (RingID(polygon: polygon, ring: $0.offset), $0.element) }
        }
    }

    /// Every segment, tagged with its ring and the index of its first point.
    var segments: [SegmentGrid.Segment<(RingID, Int)>] {
        rings.flatMap { id, points in
            points.indices.dropLast().map { SegmentGrid.Segment(a: points[$0], b: points[$0 + 1], tag: (id, $0)) }
        }
    }

    /// Every distinct vertex.
    var vertices: Set<XY> {
        Set(polygons.flatMap { $0.flatMap { $0 } })
    }

    /// Replaces every vertex by `move(vertex)` (the closing point follows the first).
    mutating func moveVertices(_ move: (XY) -> XY) {
        for p in polygons.indices {
            for r in polygons[p].indices where !polygons[p][r].isEmpty {
                var ring = polygons[p][r]
                for index in ring.indices.dropLast() { ring[index] = move(ring[index]) }
                ring[ring.count - 1] = ring[0]
                polygons[p][r] = ring
            }
        }
    }

    /// Inserts points into segments: `insertions[ring][segment]` are (position along the segment, point) pairs,
    /// inserted in order of position after the segment's first point. Points equal to a neighbour are skipped.
    mutating func insert(_ insertions: [RingID: [Int: [(t: Double, point: XY)]]]) {
        for (id, bySegment) in insertions {
            let ring = polygons[id.polygon][id.ring]
            var result: [XY] = []
            result.reserveCapacity(ring.count + bySegment.values.reduce(0) { $0 + $1.count })
            for index in ring.indices {
                result.append(ring[index])
                for (_, point) in (bySegment[index] ?? []).sorted(by: { $0.t < $1.t }) { result.append(point) }
            }
            polygons[id.polygon][id.ring] = result
        }
    }

    /// The geometry again: a Polygon, a MultiPolygon, or an empty MultiPolygon. Repeated consecutive points are
    /// dropped, rings left with fewer than 4 points go (a polygon whose exterior goes, goes whole); the result is
    /// not checked for validity, since moving vertices can fold a ring.
    func geometry(context: GEOSContext) throws -> Geometry {
        var built: [Geometry] = []
        for rings in polygons {
            let cleaned = rings.map(Self.withoutRepeats)
            guard let exterior = cleaned.first, exterior.count >= 4 else { continue }
            let holes = cleaned.dropFirst().filter { $0.count >= 4 }
            built.append(try Geometry.polygon(exterior: exterior, holes: Array(holes), context: context))
        }
        if built.count == 1 { return built[0] }
        return try Geometry.multiPolygon(built, context: context)
    }

    private static func withoutRepeats(_ ring: [XY]) -> [XY] {
        var result: [XY] = []
        result.reserveCapacity(ring.count)
        for point in ring where result.last != point { result.append(point) }
        return result
    }
}
