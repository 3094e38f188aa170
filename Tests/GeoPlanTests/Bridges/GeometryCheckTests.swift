import GDAL
import GEOS
import Testing

@testable import GeoPlan

@Suite struct GeometryCheckTests {
    func status(_ wkt: String) throws -> GeometryStatus {
        try GeometryCheck.status(of: OGRGeometry(wkt: wkt), context: GEOSContext()).0
    }

    @Test func classifiesTheUsualDefects() throws {
        #expect(try status("POLYGON ((0 0, 1 0, 1 1, 0 0))") == .valid)
        #expect(try status("POLYGON EMPTY") == .empty)
        #expect(try GeometryCheck.status(of: nil, context: GEOSContext()).0 == .missing)
        #expect(
            try status("POLYGON ((0 0, 1 1, 1 0, 0 1, 0 0))")
                == .invalid(reason: "Self-intersection", location: Coordinate(x: 0.5, y: 0.5)))
        #expect(try status("POLYGON ((0 0, 1 0, 1 1, 0 1))").reason == "Ring not closed")
        #expect(try status("POLYGON ((0 0, 1 0, 0 0))").reason?.hasPrefix("Too few points") == true)
    }

    @Test func zAndMAndCurvesAreReadAsPlanarXY() throws {
        #expect(try status("POLYGON ZM ((0 0 1 2, 1 0 1 2, 1 1 1 2, 0 0 1 2))") == .valid)
        #expect(try status("CURVEPOLYGON (CIRCULARSTRING (0 0, 1 1, 2 0, 1 -1, 0 0))") == .valid)
    }
}
