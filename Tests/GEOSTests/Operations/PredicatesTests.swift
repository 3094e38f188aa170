import Testing

@testable import GEOS

@Suite struct PredicatesTests {
    let context: GEOSContext
    let square: Geometry

    init() throws {
        context = try GEOSContext()
        square = try Geometry(wkt: "POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))", context: context)
    }

    private func geometry(_ wkt: String) throws -> Geometry {
        try Geometry(wkt: wkt, context: context)
    }

    @Test func aBoundaryPointIsCoveredButNotContained() throws {
        let inside = try geometry("POINT (1 1)")
        let onEdge = try geometry("POINT (2 1)")
        let outside = try geometry("POINT (3 1)")
        #expect(try square.contains(inside) && square.covers(inside) && square.intersects(inside))
        #expect(try !square.contains(onEdge) && square.covers(onEdge) && square.intersects(onEdge))
        #expect(try !square.contains(outside) && !square.covers(outside) && !square.intersects(outside))
        #expect(try inside.within(square))
        #expect(try !onEdge.within(square))
    }

    @Test func equalsIgnoresVertexOrderButEqualsExactDoesNot() throws {
        let rotated = try geometry("POLYGON ((2 2, 0 2, 0 0, 2 0, 2 2))")
        #expect(try square.equals(rotated))
        #expect(try !square.equalsExact(rotated))
        #expect(try square.normalized().equalsExact(rotated.normalized()))

        let nudged = try geometry("POLYGON ((0 0, 2 0, 2 2.001, 0 2, 0 0))")
        #expect(try !square.equalsExact(nudged))
        #expect(try square.equalsExact(nudged, tolerance: 0.01))
    }
}
