import Testing

@testable import GEOS

@Suite struct GeometryTypeTests {
    @Test(arguments: [
        ("POINT (1 2)", GeometryType.point, 0),
        ("LINESTRING (0 0, 1 1)", .lineString, 1),
        ("LINEARRING (0 0, 1 0, 1 1, 0 0)", .linearRing, 1),
        ("POLYGON ((0 0, 1 0, 1 1, 0 0))", .polygon, 2),
        ("MULTIPOINT ((0 0), (1 1))", .multiPoint, 0),
        ("MULTILINESTRING ((0 0, 1 1))", .multiLineString, 1),
        ("MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)))", .multiPolygon, 2),
        ("GEOMETRYCOLLECTION (POINT (0 0), LINESTRING (0 0, 1 1))", .geometryCollection, 1),
    ])
    func typeAndDimensionMatchWhatGEOSReports(wkt: String, type: GeometryType, dimension: Int) throws {
        let geometry = try Geometry(wkt: wkt, context: GEOSContext())
        #expect(geometry.type == type)
        #expect(geometry.dimension == dimension)
        if let fixed = type.dimension { #expect(fixed == dimension) }
        #expect(type.isPolygonal == (type == .polygon || type == .multiPolygon))
        #expect(wkt.lowercased().hasPrefix(type.description.lowercased()))
    }

    @Test func onlyMultiKindsAndCollectionsAreCollections() {
        #expect(
            GeometryType.allCases.filter(\.isCollection)
                == [.multiPoint, .multiLineString, .multiPolygon, .geometryCollection])
        #expect(GeometryType.geometryCollection.dimension == nil)
    }
}
