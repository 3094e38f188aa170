import Testing

@testable import GEOS

// Tolerances: none unless stated. Every input coordinate is a small dyadic rational, so GEOS's sums and
// products are exact and the hand-computed references must match to the last bit.

@Suite struct OverlayTests {
    let context: GEOSContext
    /// [0, 2] × [0, 2]
    let a: Geometry
    /// [1, 3] × [1, 3]
    let b: Geometry

    init() throws {
        context = try GEOSContext()
        a = try Geometry(wkt: "POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))", context: context)
        b = try Geometry(wkt: "POLYGON ((1 1, 3 1, 3 3, 1 3, 1 1))", context: context)
    }

    private func geometry(_ wkt: String) throws -> Geometry {
        try Geometry(wkt: wkt, context: context)
    }

    @Test func overlappingSquaresAgainstHandResults() throws {
        // Hand: the overlap is [1, 2]², area 1; union 4 + 4 − 1 = 7; each difference 3; symmetric 6.
        let intersection = try a.intersection(b)
        #expect(try intersection.normalized().equalsExact(geometry("POLYGON ((1 1, 1 2, 2 2, 2 1, 1 1))").normalized()))
        #expect(try intersection.area == 1)

        let union = try a.union(b)
        #expect(try union.area == 7)
        #expect(try union.equals(geometry("POLYGON ((0 0, 2 0, 2 1, 3 1, 3 3, 1 3, 1 2, 0 2, 0 0))")))

        let difference = try a.difference(b)
        #expect(try difference.area == 3)
        #expect(try difference.equals(geometry("POLYGON ((0 0, 2 0, 2 1, 1 1, 1 2, 0 2, 0 0))")))

        let symmetric = try a.symmetricDifference(b)
        #expect(symmetric.type == .multiPolygon)
        #expect(try symmetric.area == 6)
    }

    @Test func disjointShapesIntersectInAnEmptyGeometry() throws {
        let far = try geometry("POLYGON ((10 10, 11 10, 11 11, 10 10))")
        let nothing = try a.intersection(far)
        #expect(nothing.isEmpty)
        #expect(try a.difference(far).equals(a))
    }

    @Test func unaryUnionDissolvesOverlappingParts() throws {
        let overlapping = try Geometry.multiPolygon([a, b], context: context)
        #expect(try !overlapping.isValid)
        let dissolved = try overlapping.unaryUnion()
        #expect(dissolved.type == .polygon)
        #expect(try dissolved.area == 7)
    }

    /// Three unit squares in an L, sharing edges vertex for vertex: one polygon of area 3 with 8 corners (the
    /// shared edges gone, their end vertices kept where they are corners of the outline).
    @Test func coverageUnionDissolvesSharedEdges() throws {
        let squares = try [
            "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))", "POLYGON ((1 0, 2 0, 2 1, 1 1, 1 0))",
            "POLYGON ((0 1, 1 1, 1 2, 0 2, 0 1))",
        ].map(geometry)
        let dissolved = try Geometry.collection(squares, context: context).coverageUnion()
        #expect(dissolved.type == .polygon)
        #expect(try dissolved.area == 3)
        #expect(try dissolved.isValid)
        #expect(try dissolved.equals(try geometry("POLYGON ((0 0, 2 0, 2 1, 1 1, 1 2, 0 2, 0 0))")))
    }

    @Test func anInvalidInputFailsWithGEOSsTopologyMessageAndTheNextCallSucceeds() throws {
        let bowTie = try geometry("POLYGON ((0 0, 1 1, 1 0, 0 1, 0 0))")
        let expected = GEOSError.library(
            function: "GEOSIntersection_r",
            message: "TopologyException: Input geom 0 is invalid: Self-intersection at 0.5 0.5")
        #expect(throws: expected) { try bowTie.intersection(a) }
        #expect(
            expected.description
                == "GEOSIntersection_r failed: TopologyException: Input geom 0 is invalid: Self-intersection at 0.5 0.5"
        )
        #expect(try bowTie.makeValid().intersection(a).area == 0.5)
        #expect(context.lastError == nil)
    }
}
