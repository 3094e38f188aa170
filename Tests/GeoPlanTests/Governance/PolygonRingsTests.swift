import GEOS
import Testing

@testable import GeoPlan

extension GovernanceTests {
    @Suite struct PolygonRingsTests {
        let fixture: GovernanceFixture

        init() throws {
            fixture = try GovernanceFixture()
        }

        @Test func roundTripsAMultiPolygonWithAHole() throws {
            let geometry = try fixture.geometry(
                "MULTIPOLYGON (((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 1 2, 2 2, 2 1, 1 1)), ((5 0, 6 0, 6 1, 5 0)))")
            let rings = try PolygonRings(geometry)
            #expect(rings.polygons.map(\.count) == [2, 1])
            #expect(rings.segments.count == 4 + 4 + 3)
            #expect(rings.vertices.count == 4 + 4 + 3)
            #expect(try rings.geometry(context: fixture.context).equalsExact(geometry))
        }

        @Test func insertsPointsInOrderAndDropsRepeats() throws {
            var rings = try PolygonRings(try fixture.geometry("POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0))"))
            let ring = PolygonRings.RingID(polygon: 0, ring: 0)
            rings.insert([ring: [0: [(0.75, XY(3, 0)), (0.25, XY(1, 0)), (0.5, XY(1, 0))]]])
            let built = try rings.geometry(context: fixture.context)
            #expect(try built.equalsExact(fixture.geometry("POLYGON ((0 0, 1 0, 3 0, 4 0, 4 4, 0 4, 0 0))")))
        }

        /// Moving every vertex keeps rings closed; a ring that collapses below 4 points goes.
        @Test func movesVerticesAndDropsCollapsedRings() throws {
            let withHole = "POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 1 1.1, 1.1 1.1, 1 1))"
            var rings = try PolygonRings(try fixture.geometry(withHole))
            rings.moveVertices { XY(($0.x).rounded(), ($0.y).rounded()) }
            let built = try rings.geometry(context: fixture.context)
            #expect(try built.equalsExact(fixture.geometry("POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0))")))
            #expect(try PolygonRings(fixture.geometry("LINESTRING (0 0, 1 1)")).polygons.isEmpty)
        }
    }
}
