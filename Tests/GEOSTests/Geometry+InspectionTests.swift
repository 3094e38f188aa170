import Testing

@testable import GEOS

@Suite struct GeometryInspectionTests {
    let context: GEOSContext

    init() throws {
        context = try GEOSContext()
    }

    @Test func emptinessAndZ() throws {
        #expect(try Geometry(wkt: "POLYGON EMPTY", context: context).isEmpty)
        #expect(try !Geometry(wkt: "POINT (1 2)", context: context).isEmpty)
        #expect(try Geometry(wkt: "POINT Z (1 2 3)", context: context).hasZ)
        #expect(try !Geometry(wkt: "POINT (1 2)", context: context).hasZ)
    }

    @Test func anEmptyCollectionHasDimensionMinusOne() throws {
        // GEOS's Dimension::False; an empty MultiPolygon keeps its type's dimension.
        #expect(try Geometry(wkt: "GEOMETRYCOLLECTION EMPTY", context: context).dimension == -1)
        #expect(try Geometry(wkt: "MULTIPOLYGON EMPTY", context: context).dimension == 2)
    }

    @Test func membersAreCountedAndIndexed() throws {
        let multi = try Geometry(wkt: "MULTIPOINT ((0 0), (1 1), (2 2))", context: context)
        #expect(multi.numberOfGeometries == 3)
        #expect(try multi.geometry(at: 2).coordinates == [XY(2, 2)])
        #expect(try multi.geometries.map { try $0.coordinates[0].x } == [0, 1, 2])
        #expect(throws: GEOSError.indexOutOfRange(operation: "GEOSGetGeometryN_r", index: 3, count: 3)) {
            try multi.geometry(at: 3)
        }
        #expect(throws: GEOSError.indexOutOfRange(operation: "GEOSGetGeometryN_r", index: -1, count: 3)) {
            try multi.geometry(at: -1)
        }
        // A single geometry is its own only member.
        let point = try Geometry(wkt: "POINT (5 6)", context: context)
        #expect(point.numberOfGeometries == 1)
        #expect(try point.geometry(at: 0).coordinates == [XY(5, 6)])
    }

    @Test func ringsOfAPolygon() throws {
        let polygon = try Geometry(
            wkt: "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (1 1, 2 1, 2 2, 1 1), (5 5, 6 5, 6 6, 5 5))",
            context: context)
        #expect(try polygon.exteriorRing.numberOfCoordinates == 5)
        #expect(try polygon.interiorRings.count == 2)
        #expect(try polygon.interiorRings[1].coordinates.first == XY(5, 5))
        let line = try Geometry(wkt: "LINESTRING (0 0, 1 1)", context: context)
        #expect(
            throws: GEOSError.wrongGeometryType(
                operation: "GEOSGetExteriorRing_r", expected: [.polygon], got: .lineString)
        ) { try line.exteriorRing }
    }

    @Test func coordinatesWalkShellThenHolesThenMembers() throws {
        let collection = try Geometry(
            wkt: "GEOMETRYCOLLECTION (POLYGON ((0 0, 3 0, 0 3, 0 0), (1 1, 1.5 1, 1 1.5, 1 1)), POINT Z (7 8 9))",
            context: context)
        let expected = [XY(0, 0), XY(3, 0), XY(0, 3), XY(0, 0), XY(1, 1), XY(1.5, 1), XY(1, 1.5), XY(1, 1), XY(7, 8)]
        #expect(try collection.coordinates == expected)
        #expect(collection.numberOfCoordinates == 9)
    }

    @Test func interleavedXYLeavesOutZ() throws {
        let line = try Geometry(wkt: "LINESTRING Z (0 1 100, 2 3 200, 4 5 300)", context: context)
        #expect(try line.interleavedXY() == [0, 1, 2, 3, 4, 5])
        #expect(try Geometry(wkt: "LINESTRING EMPTY", context: context).interleavedXY() == [])
        let polygon = try Geometry(wkt: "POLYGON ((0 0, 1 0, 1 1, 0 0))", context: context)
        #expect(throws: GEOSError.self) { try polygon.interleavedXY() }
    }

    @Test func boundsAreNilWhenEmpty() throws {
        let line = try Geometry(wkt: "LINESTRING (3 -1, -2 4, 0 0)", context: context)
        #expect(line.bounds == Envelope(minX: -2, minY: -1, maxX: 3, maxY: 4))
        #expect(try Geometry(wkt: "MULTIPOLYGON EMPTY", context: context).bounds == nil)
    }
}
