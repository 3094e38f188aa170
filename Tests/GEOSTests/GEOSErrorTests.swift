import Testing

@testable import GEOS

@Suite struct GEOSErrorTests {
    @Test func descriptionsNameTheFunctionAndCarryGEOSsMessage() {
        let library = GEOSError.library(
            function: "GEOSIntersection_r",
            message: "TopologyException: Input geom 0 is invalid: Self-intersection at 0.5 0.5")
        #expect(
            library.description
                == "GEOSIntersection_r failed: TopologyException: Input geom 0 is invalid: Self-intersection at 0.5 0.5"
        )

        let input = GEOSError.invalidInput(
            function: "GEOSWKBReader_read_r",
            message: "ParseException: Unexpected EOF parsing WKB")
        #expect(
            input.description
                == "cannot read geometry (GEOSWKBReader_read_r): ParseException: Unexpected EOF parsing WKB")

        let type = GEOSError.wrongGeometryType(operation: "GEOSGetExteriorRing_r", expected: [.polygon], got: .point)
        #expect(type.description == "GEOSGetExteriorRing_r needs a Polygon, not a Point")

        let range = GEOSError.indexOutOfRange(operation: "GEOSGetGeometryN_r", index: 3, count: 2)
        #expect(range.description == "GEOSGetGeometryN_r: index 3 is out of range (count 2)")

        #expect(
            GEOSError.contextMismatch(operation: "GEOSUnion_r").description.hasPrefix(
                "GEOSUnion_r: the geometries belong to different GEOS contexts"))
        #expect(
            GEOSError.emptyGeometry(operation: "GEOSDistance_r").description
                == "GEOSDistance_r is undefined for an empty geometry")
        #expect(GEOSError.treeAlreadyBuilt.description.contains("insert everything first"))
    }

    @Test func errorsAreHashableValues() {
        let errors: Set<GEOSError> = [.treeAlreadyBuilt, .treeAlreadyBuilt, .emptyGeometry(operation: "x")]
        #expect(errors.count == 2)
    }
}
