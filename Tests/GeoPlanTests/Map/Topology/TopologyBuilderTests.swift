import GEOS
import GeoplanTestSupport
import Testing

@testable import GeoPlan

extension MapTopologyTests {
    @Suite struct TopologyBuilderTests {
        let context: GEOSContext

        init() throws {
            context = try GEOSContext()
        }

        private func input(_ id: String, _ wkt: String) throws -> TopologyInput {
            TopologyInput(id: id, geometry: try Geometry(wkt: wkt, context: context))
        }

        @Test func twoSquaresShareTheirCommonEdgeAsOneArc() throws {
            let topology = try Topology([
                try input("a", "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))"),
                try input("b", "POLYGON ((1 0, 2 0, 2 1, 1 1, 1 0))"),
            ])
            #expect(topology.arcs.count == 3)
            #expect(topology.arcUse.sorted() == [1, 1, 2])
            let shared = try #require(topology.arcUse.firstIndex(of: 2))
            #expect(Set(topology.arcs[shared]) == [XY(1, 0), XY(1, 1)])
            // One ring walks the shared arc forwards, the other backwards (~i).
            let references = topology.features.flatMap { $0.rings.flatMap { $0 } }
            #expect(references.contains(shared) && references.contains(~shared))
            for index in topology.features.indices {
                let original = try Geometry(
                    wkt: index == 0
                        ? "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))"
                        : "POLYGON ((1 0, 2 0, 2 1, 1 1, 1 0))", context: context)
                #expect(try topology.geometry(of: index, context: context).equals(original))
            }
        }

        @Test func anIslandInAHoleSharesOneClosedArcWithIt() throws {
            let topology = try Topology([
                try input("land", "POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 1 2, 2 2, 2 1, 1 1))"),
                try input("lake island", "POLYGON ((1 1, 2 1, 2 2, 1 2, 1 1))"),
            ])
            #expect(topology.arcs.count == 2)
            #expect(topology.arcUse.sorted() == [1, 2])
            let closed = try #require(topology.arcUse.firstIndex(of: 2))
            #expect(topology.arcs[closed].first == topology.arcs[closed].last)
        }

        @Test func threeTambonsMeetingAtAPointCutTheirBordersThere() throws {
            let topology = try Topology([
                try input("west", "POLYGON ((0 0, 1 0, 1 1, 1 2, 0 2, 0 0))"),
                try input("south-east", "POLYGON ((1 0, 2 0, 2 1, 1 1, 1 0))"),
                try input("north-east", "POLYGON ((1 1, 2 1, 2 2, 1 2, 1 1))"),
            ])
            #expect(
                Junctions.find(in: topology.features.flatMap(\.rings).map { Array(topology.ring($0).dropLast()) })
                    .contains(XY(1, 1)))
            // Three shared borders (west/south-east, west/north-east, south-east/north-east), three outer ones.
            #expect(topology.arcUse.filter { $0 == 2 }.count == 3)
            #expect(topology.arcUse.count == 6)
        }

        /// Exact matching: a neighbour with an extra vertex on the border shares nothing; each side is its own arc.
        @Test func neighboursThatDoNotShareVerticesShareNoArc() throws {
            let topology = try Topology([
                try input("a", "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))"),
                try input("b", "POLYGON ((1 0, 2 0, 2 1, 1 1, 1 0.5, 1 0))"),
            ])
            #expect(topology.arcUse.allSatisfy { $0 == 1 })
        }

        @Test func aLineIsRefusedWithTheFeatureNamed() throws {
            #expect(throws: GEOSError.self) {
                try Topology([try input("road", "LINESTRING (0 0, 1 1)")])
            }
        }

        /// Every border of the shipped tambons is stored once, and the features rebuild exactly.
        @Test(arguments: ["phuket", "nonthaburi", "nakhon-pathom", "samut-songkhram"])
        func shippedTambonsStoreEachBorderOnce(province: String) throws {
            let (set, topology) = try MapTopologyTests.tambons(province, context: context)
            #expect(topology.arcUse.allSatisfy { $0 == 1 || $0 == 2 })
            var seen: Set<[XY]> = []
            for arc in topology.arcs {
                #expect(seen.insert(arc).inserted && !seen.contains(arc.reversed()))
            }
            // Most borders are shared: tambons are a coverage whose neighbours share vertices.
            #expect(topology.arcUse.filter { $0 == 2 }.count * 3 > topology.arcs.count)
            for (index, area) in set.areas.enumerated() {
                let rebuilt = try topology.geometry(of: index, context: context)
                #expect(try rebuilt.equals(area.geometry), "\(area.id)")
                #expect(rebuilt.numberOfCoordinates == area.geometry.numberOfCoordinates, "\(area.id)")
            }
        }
    }
}
