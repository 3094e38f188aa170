import Testing

@testable import GEOS

// Every coordinate is a small dyadic rational, so GEOS moves vertices to exactly the reference's values.
@Suite struct SnapTests {
    let context: GEOSContext

    init() throws {
        context = try GEOSContext()
    }

    private func geometry(_ wkt: String) throws -> Geometry {
        try Geometry(wkt: wkt, context: context)
    }

    @Test func movesVerticesWithinToleranceOntoTheReferenceVertices() throws {
        let reference = try geometry("POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0))")
        // The west corners lie 0.125 inside the reference's; the east ones are far from every vertex.
        let square = try geometry("POLYGON ((0.125 0, 2 0, 2 4, 0.125 4, 0.125 0))")
        let snapped = try square.snapped(to: reference, tolerance: 0.25)
        #expect(try snapped.equals(geometry("POLYGON ((0 0, 2 0, 2 4, 0 4, 0 0))")))
        #expect(try snapped.area == 8)
    }

    @Test func leavesVerticesBeyondToleranceAlone() throws {
        let reference = try geometry("POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0))")
        let square = try geometry("POLYGON ((0.5 0, 2 0, 2 4, 0.5 4, 0.5 0))")
        let snapped = try square.snapped(to: reference, tolerance: 0.25)
        #expect(try snapped.equalsExact(square))
        #expect(try square.snapped(to: reference, tolerance: 0).equalsExact(square))
    }

    @Test func insertsReferenceVerticesNearItsSegments() throws {
        // The reference vertex (1, 0.125) lies 0.125 from the segment (0 0)-(2 0): it becomes a vertex there.
        let reference = try geometry("LINESTRING (1 0.125, 1 3)")
        let line = try geometry("LINESTRING (0 0, 2 0)")
        let snapped = try line.snapped(to: reference, tolerance: 0.25)
        #expect(try snapped.equalsExact(geometry("LINESTRING (0 0, 1 0.125, 2 0)")))
    }

    @Test func refusesAReferenceFromAnotherContext() throws {
        let other = try GEOSContext()
        let reference = try Geometry(wkt: "POINT (0 0)", context: other)
        #expect(throws: GEOSError.contextMismatch(operation: "GEOSSnap_r")) {
            try geometry("POINT (0.1 0)").snapped(to: reference, tolerance: 1)
        }
    }
}
