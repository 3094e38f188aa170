import Testing

@testable import GEOS

// Tolerances: none unless stated. Every input coordinate is a small dyadic rational, so GEOS's sums and
// products are exact and the hand-computed references must match to the last bit.

@Suite struct MeasuresTests {
    let context: GEOSContext

    init() throws {
        context = try GEOSContext()
    }

    @Test func areaAndPerimeterOfTheUnitSquareWithAHole() throws {
        // Unit square minus a 0.5 × 0.5 hole: area 1 − 0.25 = 0.75; perimeter 4 + 2 = 6 (holes count).
        let polygon = try Geometry(
            wkt: "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0), (0.25 0.25, 0.75 0.25, 0.75 0.75, 0.25 0.75, 0.25 0.25))",
            context: context)
        #expect(try polygon.area == 0.75)
        #expect(try polygon.length == 6)
    }

    @Test func areaDoesNotDependOnRingOrientation() throws {
        let counterClockwise = try Geometry(wkt: "POLYGON ((0 0, 4 0, 4 3, 0 0))", context: context)
        let clockwise = try Geometry(wkt: "POLYGON ((0 0, 4 3, 4 0, 0 0))", context: context)
        #expect(try counterClockwise.area == 6)  // hand: ½ · 4 · 3
        #expect(try clockwise.area == 6)
        #expect(try counterClockwise.length == 12)  // 4 + 3 + 5
    }

    @Test func linesAndPointsHaveNoArea() throws {
        #expect(try Geometry(wkt: "LINESTRING (0 0, 3 4, 3 0)", context: context).area == 0)
        #expect(try Geometry(wkt: "LINESTRING (0 0, 3 4, 3 0)", context: context).length == 9)
        #expect(try Geometry(wkt: "POINT (1 1)", context: context).length == 0)
    }

    @Test func distanceIsZeroWhenTouchingAndUndefinedForEmpties() throws {
        let square = try Geometry(wkt: "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))", context: context)
        let point = try Geometry(wkt: "POINT (4 5)", context: context)
        #expect(try square.distance(to: point) == 5)  // hand: from (1 1), a 3-4-5 triangle
        #expect(try point.distance(to: square) == 5)
        let inside = try Geometry(wkt: "POINT (0.5 0.5)", context: context)
        #expect(try square.distance(to: inside) == 0)
        let empty = try Geometry(wkt: "POINT EMPTY", context: context)
        #expect(throws: GEOSError.emptyGeometry(operation: "GEOSDistance_r")) { try square.distance(to: empty) }
    }
}

@Suite struct NearestPointsTests {
    @Test func closestPointsOfAPointAndASquare() throws {
        // The point (3, 1) is closest to the square [0,2]×[0,2] at (2, 1), by hand.
        let context = try GEOSContext()
        let square = try Geometry(wkt: "POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))", context: context)
        let point = try Geometry(wkt: "POINT (3 1)", context: context)
        let (a, b) = try point.nearestPoints(to: square)
        #expect(a == XY(3, 1) && b == XY(2, 1))
    }
}
