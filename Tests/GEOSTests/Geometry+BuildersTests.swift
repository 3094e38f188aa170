import Testing

@testable import GEOS

// Tolerances: none unless stated. Every input coordinate is a small dyadic rational, so GEOS's sums and
// products are exact and the hand-computed references must match to the last bit.

@Suite struct GeometryBuildersTests {
    let context: GEOSContext

    init() throws {
        context = try GEOSContext()
    }

    @Test func pointsAndLinesHoldTheirCoordinates() throws {
        #expect(try Geometry.point(x: 1.5, y: -2, context: context).wkt() == "POINT (1.5 -2)")
        #expect(try Geometry.point(XY(3, 4), context: context).coordinates == [XY(3, 4)])
        let line = try Geometry.lineString([XY(0, 0), XY(3, 4)], context: context)
        #expect(line.type == .lineString)
        #expect(try line.length == 5)  // hand: 3-4-5 triangle
        let ring = try Geometry.linearRing([XY(0, 0), XY(1, 0), XY(1, 1), XY(0, 0)], context: context)
        #expect(ring.type == .linearRing)
    }

    @Test func aPolygonWithAHoleHasTheHandComputedArea() throws {
        // 3 × 3 square minus a 1 × 1 hole: 9 − 1 = 8.
        let polygon = try Geometry.polygon(
            exterior: [XY(0, 0), XY(3, 0), XY(3, 3), XY(0, 3), XY(0, 0)],
            holes: [[XY(1, 1), XY(2, 1), XY(2, 2), XY(1, 2), XY(1, 1)]],
            context: context)
        #expect(try polygon.area == 8)
        #expect(try polygon.interiorRings.count == 1)
    }

    @Test func anOpenRingIsRefusedWithGEOSsMessage() throws {
        let open = [XY(0, 0), XY(1, 0), XY(1, 1), XY(0, 1)]
        let expected = GEOSError.library(
            function: "GEOSGeom_createLinearRing_r",
            message: "IllegalArgumentException: Points of LinearRing do not form a closed linestring")
        #expect(throws: expected) { try Geometry.polygon(exterior: open, context: context) }
        // A bad hole after a good shell: the shell is freed, the error names the ring.
        let shell = [XY(0, 0), XY(5, 0), XY(5, 5), XY(0, 0)]
        #expect(throws: expected) { try Geometry.polygon(exterior: shell, holes: [open], context: context) }
        // And the context is clean for the next call.
        #expect(try Geometry.polygon(exterior: shell, context: context).area == 12.5)
    }

    @Test func collectionsCopyTheirMembers() throws {
        let a = try Geometry(wkt: "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))", context: context)
        let b = try Geometry(wkt: "POLYGON ((5 5, 7 5, 7 7, 5 7, 5 5))", context: context)
        let multi = try Geometry.multiPolygon([a, b], context: context)
        #expect(multi.type == .multiPolygon)
        #expect(try multi.area == 5)  // hand: 1 + 4
        // Members are copies: the inputs still work on their own.
        #expect(try a.area == 1)

        let point = try Geometry.point(x: 9, y: 9, context: context)
        #expect(
            throws: GEOSError.wrongGeometryType(
                operation: "GEOSGeom_createCollection_r", expected: [.polygon], got: .point)
        ) { try Geometry.multiPolygon([a, point], context: context) }

        let mixed = try Geometry.collection([a, point], context: context)
        #expect(try mixed.wkt() == "GEOMETRYCOLLECTION (POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0)), POINT (9 9))")
        #expect(try Geometry.multiPoint([point, point], context: context).numberOfGeometries == 2)
        let line = try Geometry.lineString([XY(0, 0), XY(1, 1)], context: context)
        #expect(try Geometry.multiLineString([line], context: context).type == .multiLineString)
    }

    @Test(arguments: GeometryType.allCases)
    func emptyGeometriesOfEveryType(type: GeometryType) throws {
        let empty = try Geometry.empty(type, context: context)
        #expect(empty.type == type)
        #expect(empty.isEmpty)
        #expect(empty.bounds == nil)
        #expect(try empty.area == 0)
    }

    @Test func aRectangleIsAPolygonOrAPointWhenDegenerate() throws {
        let box = try Geometry.rectangle(Envelope(minX: 1, minY: 2, maxX: 4, maxY: 6), context: context)
        #expect(box.type == .polygon)
        #expect(try box.area == 12)
        #expect(box.bounds == Envelope(minX: 1, minY: 2, maxX: 4, maxY: 6))
        let dot = try Geometry.rectangle(Envelope(minX: 1, minY: 2, maxX: 1, maxY: 2), context: context)
        #expect(dot.type == .point)
    }
}
