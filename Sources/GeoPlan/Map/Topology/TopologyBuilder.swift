import GEOS

/// A feature to put into a ``Topology``: its id and a Polygon or MultiPolygon in WGS 84 lon/lat.
public struct TopologyInput {
    public let id: String
    public let geometry: Geometry

    public init(id: String, geometry: Geometry) {
        self.id = id
        self.geometry = geometry
    }
}

extension Topology {
    /// Builds the shared arcs of polygonal features: finds the junctions, cuts every ring there, and stores a run
    /// shared by two rings once (it is the same points forwards or backwards). Repeated consecutive points are
    /// dropped; empty parts and rings of fewer than three distinct points are skipped.
    ///
    /// See ``Junctions`` for what happens when neighbours do not share vertices.
    public init(_ inputs: [TopologyInput]) throws {
        var shapes: [[[[XY]]]] = []  // feature → polygon → ring (open: no closing point)
        for input in inputs {
            try input.geometry.requirePolygonal(id: input.id)
            let parts = input.geometry.type == .polygon ? [input.geometry] : try input.geometry.geometries
            var polygons: [[[XY]]] = []
            for part in parts where !part.isEmpty {
                let exterior = try Topology.openRing(part.exteriorRing)
                guard exterior.count >= 3 else { continue }
                let holes = try part.interiorRings.map(Topology.openRing).filter { $0.count >= 3 }
                polygons.append([exterior] + holes)
            }
            shapes.append(polygons)
        }
        var junctions = Junctions.flags(in: shapes.flatMap { $0.flatMap { $0 } })[...]
        var store = ArcStore()
        let features = zip(inputs, shapes).map { input, polygons in
            TopologyFeature(
                id: input.id,
                polygons: polygons.map { rings in
                    rings.map { ring in
                        let flags = junctions.popFirst() ?? Array(repeating: false, count: ring.count)
                        return store.references(for: ring, junctions: flags)
                    }
                })
        }
        self.init(arcs: store.arcs, features: features)
    }

    /// A ring's points without the closing one and without repeated consecutive points.
    private static func openRing(_ ring: Geometry) throws -> [XY] {
        let flat = try ring.interleavedXY()
        var points: [XY] = []
        points.reserveCapacity(flat.count / 2)
        for index in stride(from: 0, to: flat.count, by: 2) {
            let point = XY(flat[index], flat[index + 1])
            if points.last != point { points.append(point) }
        }
        while points.count > 1, points.first == points.last { points.removeLast() }
        return points
    }
}

/// Arcs found so far, each stored once: a new arc equal to a stored one (same points, either direction) is
/// referenced instead of stored again.
private struct ArcStore {
    var arcs: [[XY]] = []
    /// Stored arcs by their unordered endpoints and length, to compare only likely matches.
    private var byEnds: [ArcKey: [Int]] = [:]

    /// The arc references of an open ring cut at its junctions.
    mutating func references(for ring: [XY], junctions: [Bool]) -> [Int] {
        let cuts = ring.indices.filter { junctions[$0] }
        guard let start = cuts.first else {
            // No junction: one closed arc, started at the smallest point so that a neighbour's copy of the same
            // ring (an island in a hole) starts there too and is found.
            let first = ring.indices.min { (ring[$0].x, ring[$0].y) < (ring[$1].x, ring[$1].y) } ?? 0
            let rotated = Array(ring[first...] + ring[..<first])
            return [reference(for: rotated + [rotated[0]])]
        }
        let rotated = Array(ring[start...] + ring[..<start]) + [ring[start]]
        let isJunction = Array(junctions[start...] + junctions[..<start]) + [true]
        var result: [Int] = []
        var from = 0
        for index in 1..<rotated.count where isJunction[index] {
            result.append(reference(for: Array(rotated[from...index])))
            from = index
        }
        return result
    }

    private mutating func reference(for arc: [XY]) -> Int {
        let key = ArcKey(arc)
        for candidate in byEnds[key, default: []] {
            if arcs[candidate] == arc { return candidate }
            if arcs[candidate].elementsEqual(arc.reversed()) { return ~candidate }
        }
        arcs.append(arc)
        byEnds[key, default: []].append(arcs.count - 1)
        return arcs.count - 1
    }
}

private struct ArcKey: Hashable {
    let low: XY
    let high: XY
    let count: Int

    init(_ arc: [XY]) {
        let (a, b) = (arc[0], arc[arc.count - 1])
        (low, high) = (a.x, a.y) <= (b.x, b.y) ? (a, b) : (b, a)
        count = arc.count
    }
}

extension Geometry {
    fileprivate func requirePolygonal(id: String) throws {
        guard type == .polygon || type == .multiPolygon else {
            throw GEOSError.wrongGeometryType(
                operation: "sharing the borders of feature \(id)",
                expected: [.polygon, .multiPolygon], got: type)
        }
    }
}
