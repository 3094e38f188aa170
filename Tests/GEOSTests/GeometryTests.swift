import Testing

@testable import GEOS

@Suite struct GeometryTests {
    /// A polygon whose only strong reference is inside this function.
    private func ringOfATemporaryPolygon(_ context: GEOSContext) throws -> Geometry {
        let polygon = try Geometry(
            wkt: "POLYGON ((0 0, 4 0, 4 3, 0 3, 0 0), (1 1, 2 1, 2 2, 1 2, 1 1))",
            context: context)
        return try polygon.interiorRings[0]
    }

    @Test func aBorrowedRingOutlivesItsParentVariable() throws {
        let context = try GEOSContext()
        let ring = try ringOfATemporaryPolygon(context)
        // The polygon variable is gone; the ring keeps it alive and still reads its memory.
        #expect(ring.isBorrowed)
        #expect(ring.type == .linearRing)
        #expect(try ring.coordinates == [XY(1, 1), XY(2, 1), XY(2, 2), XY(1, 2), XY(1, 1)])
        #expect(try ring.length == 4)  // hand: unit square perimeter
    }

    @Test func aBorrowedMemberOfAMemberOutlivesTheWholeChain() throws {
        let context = try GEOSContext()
        var shell: Geometry?
        do {
            let collection = try Geometry(
                wkt: "GEOMETRYCOLLECTION (POINT (9 9), MULTIPOLYGON (((0 0, 2 0, 2 2, 0 2, 0 0))))", context: context)
            shell = try collection.geometry(at: 1).geometry(at: 0).exteriorRing
        }
        let ring = try #require(shell)
        #expect(try ring.interleavedXY() == [0, 0, 2, 0, 2, 2, 0, 2, 0, 0])
    }

    @Test func aCloneIsOwnedAndIndependent() throws {
        let context = try GEOSContext()
        let ring = try ringOfATemporaryPolygon(context)
        let copy = try ring.clone()
        #expect(!copy.isBorrowed)
        #expect(try copy.equalsExact(ring))
    }

    @Test func geometriesFromTwoContextsAreRefused() throws {
        let first = try GEOSContext()
        let second = try GEOSContext()
        let a = try Geometry(wkt: "POLYGON ((0 0, 1 0, 1 1, 0 0))", context: first)
        let b = try Geometry(wkt: "POLYGON ((0 0, 1 0, 1 1, 0 0))", context: second)
        #expect(throws: GEOSError.contextMismatch(operation: "GEOSIntersection_r")) { try a.intersection(b) }
        #expect(throws: GEOSError.contextMismatch(operation: "GEOSIntersects_r")) { try a.intersects(b) }
        #expect(throws: GEOSError.contextMismatch(operation: "GEOSDistance_r")) { try a.distance(to: b) }
        #expect(throws: GEOSError.contextMismatch(operation: "GEOSPreparedContains_r")) {
            try a.prepared().contains(b)
        }
        #expect(throws: GEOSError.contextMismatch(operation: "GEOSGeom_createCollection_r")) {
            try Geometry.multiPolygon([a, b], context: first)
        }
    }

    @Test func descriptionIsShortWKT() throws {
        let context = try GEOSContext()
        let point = try Geometry.point(x: 1.0 / 3.0, y: 2, context: context)
        #expect(point.description == "POINT (0.333333 2)")

        let many = (0..<100).map { XY(Double($0), 0) }
        let line = try Geometry.lineString(many, context: context)
        #expect(line.description.hasPrefix("LINESTRING (0 0, 1 0, 2 0"))
        #expect(line.description.hasSuffix("… (100 coordinates)"))
        #expect(line.description.count < 230)
    }
}
