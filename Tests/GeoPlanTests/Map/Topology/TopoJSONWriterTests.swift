import Foundation
import GDAL
import GEOS
import GeoplanTestSupport
import Testing

@testable import GeoPlan

extension MapTopologyTests {
    /// TopoJSON written for simplified tambons decodes back to the same topology, by a small decoder written here
    /// from the specification and by GDAL's TopoJSON driver.
    @Suite struct TopoJSONWriterTests {
        let context: GEOSContext
        let folder: TemporaryFolder

        init() throws {
            context = try GEOSContext()
            folder = try TemporaryFolder()
        }

        private func simplified(_ province: String) throws -> (BoundarySet, SimplifiedTopology) {
            let (set, topology) = try MapTopologyTests.tambons(province, context: context)
            return (
                set,
                try TopologySimplifier.simplify(
                    topology, SimplificationOptions(amount: .tolerance(metres: 20)),
                    context: context)
            )
        }

        private func properties(_ set: BoundarySet) -> [[String: JSONValue]] {
            set.areas.map { ["code": .string($0.id), "rank": .integer(Int64($0.index)), "share": .number(0.5)] }
        }

        @Test(arguments: ["phuket", "nakhon-pathom"])
        func decodesBackToTheSameTopology(province: String) throws {
            let (set, result) = try simplified(province)
            let data = try TopoJSONWriter.encode(result.topology, properties: properties(set))
            let decoded = try DecodedTopology(data)
            let topology = result.topology
            #expect(decoded.objectType == "GeometryCollection")
            #expect(decoded.ids == topology.features.map(\.id))
            #expect(decoded.polygons == topology.features.map(\.polygons))
            #expect(decoded.codes == set.areas.map(\.id))
            // Every point within half a grid step of where it was (points merged on one grid cell aside).
            #expect(decoded.arcs.count == topology.arcs.count)
            let scale = try #require(decoded.scale)
            let tolerance = max(scale.x, scale.y) / 2 * 1.000001
            for (arc, original) in zip(decoded.arcs, topology.arcs) {
                #expect(arc.first.map { near($0, original[0], tolerance) } == true)
                #expect(arc.last.map { near($0, original[original.count - 1], tolerance) } == true)
                var cursor = 0
                for point in arc {
                    while cursor < original.count, !near(point, original[cursor], tolerance) { cursor += 1 }
                    #expect(cursor < original.count, "a decoded point matches no original point in order")
                }
            }
            // Shared exactly once: no arc stored twice, a shared one used by exactly two rings.
            var uses = Array(repeating: 0, count: decoded.arcs.count)
            for reference in decoded.polygons.flatMap({ $0.flatMap { $0.flatMap { $0 } } }) {
                uses[reference >= 0 ? reference : ~reference] += 1
            }
            #expect(uses.allSatisfy { $0 == 1 || $0 == 2 })
            #expect(uses.filter { $0 == 2 }.count == result.report.sharedArcs)
            var stored: Set<[Int]> = []
            for arc in decoded.gridArcs {
                #expect(stored.insert(arc.flatMap { [$0.0, $0.1] }).inserted)
                #expect(
                    !stored.contains(arc.reversed().flatMap { [$0.0, $0.1] }) || arc.count < 2
                        || arc.first! == arc.last!)
            }
        }

        @Test func gdalReadsValidPolygonsWithTheirPropertiesAndAreas() throws {
            let (set, result) = try simplified("phuket")
            let path = folder.path("phuket.topojson")
            try TopoJSONWriter.write(
                result.topology, properties: properties(set),
                to: try OutputTarget(topoJSONPath: path, overwrite: false, inputs: []))
            #expect(folder.contents() == ["phuket.topojson"])  // staged and renamed in
            let layer = try Dataset.open(path).layer(at: 0)
            var read: [Geometry] = []
            var codes: [String] = []
            try layer.forEachFeature { feature in
                codes.append(try feature.value("code").text ?? "")
                read.append(try #require(feature.geometry).geosGeometry(context: context))
            }
            #expect(codes == set.areas.map(\.id))
            let box = try #require(result.topology.bounds)
            let step = XY((box.maxX - box.minX) / 99_999, (box.maxY - box.minY) / 99_999)
            var total = 0.0
            for (index, geometry) in read.enumerated() {
                #expect(try geometry.isValid, "\(codes[index])")
                // Each point moves by at most half a grid step, so the area by at most perimeter × half a step.
                let simplified = try result.geometry(of: index, context: context)
                let bound = try simplified.length * max(step.x, step.y) / 2
                #expect(abs(try geometry.area - simplified.area) <= bound, "\(codes[index])")
                total += try geometry.area
            }
            // Borders still shared after quantisation: the parts add up to their union (no overlaps).
            let union = try Geometry.collection(read, context: context).unaryUnion().area
            #expect(abs(total - union) <= 1e-9 * total)
        }

        @Test func propertiesMustMatchTheFeatures() throws {
            let (_, result) = try simplified("phuket")
            #expect(throws: GeoPlanError.self) {
                try TopoJSONWriter.encode(result.topology, properties: [["code": .string("one")]])
            }
        }

        private func near(_ a: XY, _ b: XY, _ tolerance: Double) -> Bool {
            abs(a.x - b.x) <= tolerance && abs(a.y - b.y) <= tolerance
        }
    }
}

/// A TopoJSON decoder after the specification (github.com/topojson/topojson-specification): arcs un-delta-encoded
/// and transformed back (as topojson-client does: steps × scale + translate), or read as they are when the file has
/// no `transform`; one GeometryCollection of Polygons and MultiPolygons.
struct DecodedTopology {
    var objectType = ""
    var ids: [String] = []
    var codes: [String] = []
    var polygons: [[[[Int]]]] = []
    var gridArcs: [[(Int, Int)]] = []
    var arcs: [[XY]] = []
    /// The grid step on each axis; nil when the arcs are not quantised.
    var scale: XY?

    init(_ data: Data) throws {
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(root["type"] as? String == "Topology")
        #expect((root["bbox"] as? [Double])?.count == 4)
        let transform = root["transform"] as? [String: [Double]]
        let objects = try #require(root["objects"] as? [String: [String: Any]])
        let collection = try #require(objects.values.first)
        objectType = collection["type"] as? String ?? ""
        for geometry in try #require(collection["geometries"] as? [[String: Any]]) {
            ids.append(geometry["id"] as? String ?? "")
            codes.append((geometry["properties"] as? [String: Any])?["code"] as? String ?? "")
            switch geometry["type"] as? String {
            case "Polygon": polygons.append([try #require(geometry["arcs"] as? [[Int]])])
            case "MultiPolygon": polygons.append(try #require(geometry["arcs"] as? [[[Int]]]))
            default: polygons.append([])
            }
        }
        guard let transform else {
            arcs = try #require(root["arcs"] as? [[[Double]]]).map { $0.map { XY($0[0], $0[1]) } }
            return
        }
        let (scaleValues, translate) = (try #require(transform["scale"]), try #require(transform["translate"]))
        scale = XY(scaleValues[0], scaleValues[1])
        for encoded in try #require(root["arcs"] as? [[[Int]]]) {
            var (x, y) = (0, 0)
            var grid: [(Int, Int)] = []
            for delta in encoded {
                x += delta[0]
                y += delta[1]
                grid.append((x, y))
            }
            gridArcs.append(grid)
            arcs.append(
                grid.map {
                    XY(
                        Double($0.0) * scaleValues[0] + translate[0],
                        Double($0.1) * scaleValues[1] + translate[1])
                })
        }
    }

    /// The decoded features as a topology, to rebuild their polygons with GEOS.
    var topology: Topology {
        Topology(arcs: arcs, features: zip(ids, polygons).map { TopologyFeature(id: $0, polygons: $1) })
    }

    /// How many rings use each arc.
    var arcUse: [Int] { topology.arcUse }
}
