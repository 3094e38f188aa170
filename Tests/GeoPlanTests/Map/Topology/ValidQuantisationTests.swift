import Foundation
import GDAL
import GEOS
import GeoplanTestSupport
import Testing

@testable import GeoPlan

extension MapTopologyTests {
    /// TopoJSON quantisation never makes a valid polygon invalid nor collapses it, and borders stay shared arcs.
    @Suite struct ValidQuantisationTests {
        let context: GEOSContext

        init() throws {
            context = try GEOSContext()
        }

        /// A unit square with a notch 0.0004 wide cut in from its left side, and its neighbour on the right.
        static let notched = "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0.5004, 0.6 0.5001, 0 0.5, 0 0))"
        static let neighbour = "POLYGON ((1 0, 2 0, 2 1, 1 1, 1 0))"

        private func topology(_ shapes: [String]) throws -> Topology {
            try Topology(
                try shapes.enumerated().map { index, wkt in
                    TopologyInput(id: "f\(index)", geometry: try Geometry(wkt: wkt, context: context))
                })
        }

        /// The features a reader decodes from the written file, rebuilt by GEOS: valid, not empty, each rebuilt.
        private func decodedFeatures(_ topology: Topology, quantization: Int) throws -> (DecodedTopology, [Bool]) {
            let data = try TopoJSONWriter.encode(topology, options: TopoJSONOptions(quantization: quantization))
            let decoded = try DecodedTopology(data)
            let rebuilt = decoded.topology
            let whole = rebuilt.features.indices.map { index in
                guard let geometry = try? rebuilt.geometry(of: index, context: context) else { return false }
                return ((try? geometry.isValid) ?? false) && !geometry.isEmpty
            }
            return (decoded, whole)
        }

        @Test func aNotchNarrowerThanAStepIsNotFoldedIntoASpike() throws {
            let topology = try topology([Self.notched, Self.neighbour])
            #expect(try Geometry(wkt: Self.notched, context: context).isValid)
            // The flaw: every vertex rounded on its own to 1,000 steps across (the grid before: the notch's three
            // vertices all fall on row 500) makes the notch's two sides one edge, run there and back.
            let naive = try Geometry(
                wkt: "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0.5, 0.6 0.5, 0 0.5, 0 0))", context: context)
            #expect(try !naive.isValid)

            let (decoded, whole) = try decodedFeatures(topology, quantization: 1_001)
            #expect(whole == [true, true])
            // A finer grid than asked (the box is 2 × 1), on both axes; still powers of two.
            let scale = try #require(decoded.scale)
            #expect(scale.x < 2.0 / 1_000 / 2 && scale.y < 1.0 / 1_000 / 2)
            #expect(scale.x.significandBitPattern == 0 && scale.y.significandBitPattern == 0)
            // The border stays one arc, used by both squares.
            #expect(decoded.arcUse.filter { $0 == 2 }.count == 1)
        }

        @Test func anIslandSmallerThanAStepIsNotCollapsed() throws {
            let islands =
                "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 1, 0 0)), ((1.5 0.5, 1.50001 0.5, 1.50001 0.50001, 1.5 0.5)))"
            let (_, whole) = try decodedFeatures(try topology([islands]), quantization: 1_000)
            #expect(whole == [true])
        }

        @Test func writingOnAFinerGridThanAskedSaysSo() throws {
            let folder = try TemporaryFolder()
            let path = folder.path("notched.topojson")
            let target = try OutputTarget(topoJSONPath: path, overwrite: false, inputs: [])
            let warnings = try TopoJSONWriter.write(
                try topology([Self.notched, Self.neighbour]),
                options: TopoJSONOptions(quantization: 1_001), to: target)
            #expect(warnings.count == 1 && warnings[0].contains("instead of 1001"))
            let fine = try TopoJSONWriter.write(
                try topology([Self.notched, Self.neighbour]),
                options: TopoJSONOptions(quantization: 100_000),
                to: try OutputTarget(
                    topoJSONPath: folder.path("fine.topojson"),
                    overwrite: false, inputs: []))
            #expect(fine.isEmpty)
        }

        /// `geoplan simplify`'s engine at a coarse `--quantization`: GDAL's TopoJSON driver reads back 17 valid
        /// tambons, and the report says the grid is finer than asked.
        @Test func simplifyAtACoarseQuantisationWritesValidTambonsGDALReads() throws {
            let folder = try TemporaryFolder()
            let path = folder.path("phuket.topojson")
            let report = try FileSimplifier.simplify(
                SimplifyRequest(
                    input: Fixtures.phuket, output: path,
                    simplification: SimplificationOptions(amount: .tolerance(metres: 1)),
                    quantization: 1_000))
            #expect(report.warnings.contains { $0.contains("TopoJSON quantised on") && $0.contains("instead of 1000") })
            var read = 0
            try Dataset.open(path).layer(at: 0).forEachFeature { feature in
                let geometry = try #require(feature.geometry).geosGeometry(context: context)
                #expect(try geometry.isValid && !geometry.isEmpty, "feature \(read)")
                read += 1
            }
            #expect(read == 17)
        }

        @Test func aGridWhoseStepsWouldOutnumberTheDoublesIsNotUsed() throws {
            let topology = try topology([Self.notched, Self.neighbour])
            let (decoded, whole) = try decodedFeatures(topology, quantization: Int.max)
            #expect(decoded.scale == nil && whole == [true, true])
            #expect(decoded.arcs == topology.arcs)
        }

        @Test func quantisedPointsDecodeExactlyToWhatWasChecked() throws {
            let box = GEOS.Envelope(minX: 97.343358, minY: 5.613038, maxX: 105.636965, maxY: 20.465029)
            let grid = try #require(QuantisationGrid(box: box, quantization: 100_000))
            #expect(grid.quantization >= 100_000 && grid.quantization <= 200_001)
            for point in [XY(97.343358, 5.613038), XY(105.636965, 20.465029), XY(100.123456789, 13.987654321)] {
                let steps = try #require(grid.steps(point))
                let decoded = grid.point(steps)
                // The text a reader parses gives back these Doubles, and its arithmetic gives back the point.
                #expect(Double("\(grid.scale.x)") == grid.scale.x && Double("\(grid.translate.x)") == grid.translate.x)
                #expect(Double(steps.x) * grid.scale.x + grid.translate.x == decoded.x)
                #expect(abs(decoded.x - point.x) <= grid.scale.x / 2 && abs(decoded.y - point.y) <= grid.scale.y / 2)
                #expect(grid.steps(decoded) == steps)
            }
            #expect(grid.steps(XY(.nan, 10)) == nil)
        }

        /// Every shipped tambon and province, as given and simplified, written at 10³ to 10⁹ steps (the "3 to 9
        /// decimals" of GeoJSON) and decoded: every polygon that was valid is valid and not empty, and every arc
        /// shared by two neighbours is used by exactly two rings.
        @Test(arguments: [
            Fixtures.phuket, Fixtures.nonthaburi, Fixtures.nakhonPathom,
            Fixtures.shape("tambons/samut-songkhram/samut-songkhram.shp"), Fixtures.provinces,
        ])
        func everyShippedPolygonStaysValidAtEveryQuantisation(_ shapefile: String) throws {
            var inputs: [TopologyInput] = []
            try Dataset.open(shapefile).layer(at: 0).forEachFeature { feature in
                guard let geometry = feature.geometry else { return }
                inputs.append(
                    TopologyInput(id: "\(inputs.count)", geometry: try geometry.geosGeometry(context: context)))
            }
            #expect(inputs.count > 10)
            let given = try Topology(inputs)
            let simplified = try TopologySimplifier.simplify(
                given, SimplificationOptions(amount: .tolerance(metres: 50)),
                context: context
            ).topology
            for (label, topology) in [("given", given), ("simplified", simplified)] {
                let wasValid = topology.features.indices.map { index in
                    (try? topology.geometry(of: index, context: context).isValid) ?? false
                }
                for power in 3...9 {
                    let quantization = (0..<power).reduce(1) { value, _ in value * 10 }
                    let (decoded, whole) = try decodedFeatures(topology, quantization: quantization)
                    let broken = whole.indices.filter { wasValid[$0] && !whole[$0] }
                    #expect(broken.isEmpty, "\(shapefile), \(label), 10^\(power) steps: features \(broken)")
                    #expect(decoded.arcUse == topology.arcUse, "\(shapefile), \(label), 10^\(power) steps")
                }
            }
        }
    }
}
