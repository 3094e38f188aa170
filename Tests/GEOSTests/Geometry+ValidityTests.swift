import Testing

@testable import GEOS

// Tolerances: none unless stated. Every input coordinate is a small dyadic rational, so GEOS's sums and
// products are exact and the hand-computed references must match to the last bit.

@Suite struct GeometryValidityTests {
    let context: GEOSContext

    init() throws {
        context = try GEOSContext()
    }

    private func geometry(_ wkt: String) throws -> Geometry {
        try Geometry(wkt: wkt, context: context)
    }

    // MARK: - Reasons and locations

    @Test func aBowTieSelfIntersectsAtItsCrossing() throws {
        // The edges (0 0)-(1 1) and (1 0)-(0 1) cross at (0.5, 0.5), by hand.
        let bowTie = try geometry("POLYGON ((0 0, 1 1, 1 0, 0 1, 0 0))")
        #expect(try !bowTie.isValid)
        let report = try bowTie.validity()
        #expect(report == ValidityReport(isValid: false, reason: "Self-intersection", location: XY(0.5, 0.5)))
        #expect(report.description == "Self-intersection at 0.5 0.5")
        // Not a self-touching ring: the option does not excuse it.
        #expect(try !bowTie.validity(allowSelfTouchingRingFormingHole: true).isValid)
    }

    @Test func aShellTouchingItselfToFormAHoleIsValidOnlyWithTheOption() throws {
        // The shell visits (5 10) twice; the loop (5 10, 7 5, 3 5) runs clockwise inside a counter-clockwise
        // shell, so it encloses a hole: area = 100 − ½·4·5 = 90, by hand.
        let inverted = try geometry("POLYGON ((0 0, 10 0, 10 10, 5 10, 7 5, 3 5, 5 10, 0 10, 0 0))")
        #expect(try inverted.area == 90)
        #expect(
            try inverted.validity()
                == ValidityReport(isValid: false, reason: "Ring Self-intersection", location: XY(5, 10)))
        #expect(
            try inverted.validity(allowSelfTouchingRingFormingHole: true)
                == ValidityReport(isValid: true, reason: nil, location: nil))
    }

    @Test func aRingWithTooFewDistinctPointsIsInvalid() throws {
        // Four points but only two distinct: GEOS 3.11 builds it, then IsValidOp refuses it.
        let sliver = try geometry("POLYGON ((0 0, 1 1, 1 1, 0 0))")
        #expect(
            try sliver.validity()
                == ValidityReport(isValid: false, reason: "Too few points in geometry component", location: XY(0, 0)))
    }

    @Test func aValidPolygonHasNoReason() throws {
        let square = try geometry("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))")
        #expect(try square.isValid)
        #expect(try square.validity().description == "valid")
    }

    // MARK: - Repair

    @Test(arguments: [MakeValidMethod.structure(keepCollapsed: false), .linework])
    func makeValidSplitsABowTieIntoTwoTriangles(method: MakeValidMethod) throws {
        // Each triangle: base 1, height 0.5 → 0.25; together 0.5 (the bow-tie's own signed area is 0).
        let repaired = try geometry("POLYGON ((0 0, 1 1, 1 0, 0 1, 0 0))").makeValid(method: method)
        #expect(repaired.type == .multiPolygon)
        #expect(repaired.numberOfGeometries == 2)
        #expect(try repaired.isValid)
        #expect(try repaired.area == 0.5)
        for triangle in try repaired.geometries { #expect(try triangle.area == 0.25) }
    }

    @Test func lineworkKeepsACollapsedSpikeAsALineAndPolygonalPartDropsIt() throws {
        // A 2 × 2 square with a spike to (-1 -1) and back.
        let spiked = try geometry("POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0, -1 -1, 0 0))")
        let linework = try spiked.makeValid(method: .linework)
        #expect(linework.type == .geometryCollection)
        #expect(try linework.geometries.map(\.type) == [.polygon, .lineString])

        let polygonal = try linework.polygonalPart()
        #expect(polygonal.type == .polygon)
        #expect(try polygonal.area == 4)
        #expect(try polygonal.isValid)

        // The structure method drops the spike itself.
        let structure = try spiked.makeValid()
        #expect(structure.type == .polygon)
        #expect(try structure.area == 4)
    }

    @Test func structureWithoutCollapsedPartsTurnsAFlatPolygonIntoAnEmptyOne() throws {
        let flat = try geometry("POLYGON ((0 0, 1 0, 2 0, 0 0))")
        #expect(try flat.makeValid().wkt() == "POLYGON EMPTY")
        #expect(try flat.makeValid(method: .structure(keepCollapsed: true)).type == .lineString)
    }

    @Test func polygonalPartGathersNestedPolygonsAndElseIsAnEmptyMultiPolygon() throws {
        let nested = try geometry(
            """
            GEOMETRYCOLLECTION (POINT (9 9), MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 7 5, 7 7, 5 5))), \
            POLYGON EMPTY, LINESTRING (0 0, 5 5), POLYGON ((10 10, 13 10, 13 13, 10 10)))
            """)
        let part = try nested.polygonalPart()
        #expect(part.type == .multiPolygon)
        #expect(part.numberOfGeometries == 3)
        #expect(try part.area == 0.5 + 2 + 4.5)  // hand: three right triangles

        let lines = try geometry("MULTILINESTRING ((0 0, 1 1))").polygonalPart()
        #expect(lines.type == .multiPolygon)
        #expect(lines.isEmpty)
        let square = try geometry("POLYGON ((0 0, 1 0, 1 1, 0 0))")
        #expect(try square.polygonalPart() === square)
    }
}
