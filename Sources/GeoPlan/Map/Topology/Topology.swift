import Foundation
import GEOS
import PROJ

/// Polygons stored as shared arcs, as TopoJSON and mapshaper store them: each border between two neighbours is
/// one arc, referenced by both, so simplifying the arc once moves both sides together and no gap or overlap opens.
///
/// Coordinates are WGS 84 lon/lat. A ring is a list of arc references: `i` walks arc `i` forwards, `~i` (that is
/// `-i - 1`, TopoJSON's convention) walks it backwards; consecutive arcs share their end and start points.
public struct Topology: Hashable, Sendable {
    /// Each arc's points, endpoints included; a closed arc (a ring with no junction) repeats its first point.
    public var arcs: [[GEOS.XY]]
    /// The features in input order.
    public var features: [TopologyFeature]

    public init(arcs: [[GEOS.XY]], features: [TopologyFeature]) {
        self.arcs = arcs
        self.features = features
    }

    /// A ring's closed coordinate list, the arcs joined end to start.
    public func ring(_ references: [Int]) -> [GEOS.XY] {
        var points: [GEOS.XY] = []
        for reference in references {
            let arc = reference >= 0 ? arcs[reference] : arcs[~reference].reversed()
            points.append(contentsOf: points.isEmpty ? arc[...] : arc.dropFirst())
        }
        return points
    }

    /// The feature's polygon (or multi-polygon) rebuilt from the arcs, rings as stored (no repair).
    public func geometry(of index: Int, context: GEOSContext) throws -> Geometry {
        let polygons = try features[index].polygons.map { rings in
            try Geometry.polygon(
                exterior: ring(rings[0]), holes: rings.dropFirst().map { ring($0) },
                context: context)
        }
        if polygons.count == 1 { return polygons[0] }
        return try Geometry.multiPolygon(polygons, context: context)
    }

    /// How many rings use each arc: 2 for a border between neighbours (or within one feature), 1 for a coast.
    public var arcUse: [Int] {
        var use = Array(repeating: 0, count: arcs.count)
        for feature in features {
            for polygon in feature.polygons {
                for ring in polygon {
                    for reference in ring { use[reference >= 0 ? reference : ~reference] += 1 }
                }
            }
        }
        return use
    }

    /// Points stored in the arcs: each shared border counted once.
    public var arcVertexCount: Int { arcs.reduce(0) { $0 + $1.count } }

    /// Coordinates the features hold when written out one by one (closing points included), as in GeoJSON.
    public var featureVertexCount: Int {
        var count = 0
        for feature in features {
            for polygon in feature.polygons {
                for references in polygon {
                    count += 1 + references.reduce(0) { $0 + arcs[$1 >= 0 ? $1 : ~$1].count - 1 }
                }
            }
        }
        return count
    }

    /// Each feature's geodesic area on the WGS 84 ellipsoid (m²): holes subtract, parts add.
    public func geodesicAreas() -> [Double] {
        // About half a microsecond a vertex (GeographicLib): all cores for a national layer.
        features.indices.concurrentMap { geodesicArea(of: $0) }
    }

    /// One feature's geodesic area on the WGS 84 ellipsoid (m²).
    public func geodesicArea(of index: Int) -> Double {
        Geodesic.wgs84.multiPolygonMeasure(
            features[index].polygons.map { rings in
                (exterior: interleaved(ring(rings[0])), holes: rings.dropFirst().map { interleaved(ring($0)) })
            }
        ).area
    }

    /// Each feature's area in square degrees of a frame local to it (longitudes scaled by the cosine of its first
    /// point's latitude): not metres, but a change of shape changes it by the same share as the geodesic area, to a
    /// few parts in 10⁴ of that share, at a hundredth of the cost.
    public func localPlanarAreas() -> [Double] {
        features.map { feature in
            guard let first = feature.polygons.first?.first?.first else { return 0 }
            let origin = arcs[first >= 0 ? first : ~first][0]
            let scale = cos(origin.y * .pi / 180)
            var total = 0.0
            for polygon in feature.polygons {
                for (index, references) in polygon.enumerated() {
                    let area = abs(shoelace(references, origin: origin)) * scale
                    total += index == 0 ? area : -area
                }
            }
            return total
        }
    }

    /// Twice the signed area of a ring (degrees², relative to `origin` to keep precision).
    private func shoelace(_ references: [Int], origin: GEOS.XY) -> Double {
        var sum = 0.0
        for reference in references {
            let arc = arcs[reference >= 0 ? reference : ~reference]
            for index in 1..<arc.count {
                let (a, b) = (arc[index - 1], arc[index])
                let term = (a.x - origin.x) * (b.y - origin.y) - (b.x - origin.x) * (a.y - origin.y)
                sum += reference >= 0 ? term : -term
            }
        }
        return sum / 2
    }

    /// The box around every arc, or nil when there are none.
    public var bounds: Envelope? {
        var box: Envelope?
        for arc in arcs {
            for point in arc {
                let here = Envelope(minX: point.x, minY: point.y, maxX: point.x, maxY: point.y)
                box = box.map { $0.union(here) } ?? here
            }
        }
        return box
    }

    private func interleaved(_ points: [GEOS.XY]) -> [Double] {
        var flat: [Double] = []
        flat.reserveCapacity(points.count * 2)
        for point in points {
            flat.append(point.x)
            flat.append(point.y)
        }
        return flat
    }
}

/// One feature of a ``Topology``: its id and, per polygon, the rings (exterior first, then holes) as arc references.
public struct TopologyFeature: Hashable, Sendable {
    public var id: String
    public var polygons: [[[Int]]]

    public init(id: String, polygons: [[[Int]]]) {
        self.id = id
        self.polygons = polygons
    }

    /// Every ring of every polygon, for walking the feature's arcs.
    public var rings: [[Int]] { polygons.flatMap { $0 } }
}
