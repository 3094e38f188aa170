import Foundation
import GeoplanTestSupport
import Testing

@testable import GDAL

@Suite struct SpatialReferenceTests {
    @Test(arguments: ["EPSG:32647", "32647", "+proj=utm +zone=47 +datum=WGS84 +units=m +no_defs"])
    func understandsTheWaysUsersWriteUTM47N(definition: String) throws {
        let srs = try SpatialReference(definition: definition)
        #expect(srs.isProjected)
        #expect(srs.code == "EPSG:32647")
    }

    @Test func identifiesEPSG4326FromTheESRIPrjShippedWithTheTambons() throws {
        let prj = try String(contentsOfFile: Fixtures.shape("tambons/phuket/phuket.prj"), encoding: .utf8)
        let srs = try SpatialReference(definition: prj)
        #expect(srs.isGeographic)
        #expect(srs.code == "EPSG:4326")
    }

    @Test func nonsenseIsRefusedWithGDALsWords() {
        #expect {
            try SpatialReference(definition: "EPSG:99999999")
        } throws: { error in
            "\(error)".contains("EPSG:99999999")
        }
        // A failure leaves no stale error behind: the next call succeeds.
        #expect((try? SpatialReference(definition: "EPSG:4326")) != nil)
    }

    @Test func transformationKeepsLongitudeFirst() throws {
        // Reference: GeographicLib 2.1.2, `echo 13.7567 100.5018 | GeoConvert -u -p 3` → 47n 662366.322 1521324.906
        // (Democracy Monument, Bangkok). Tolerance 1 mm.
        let wgs84 = try SpatialReference.wgs84()
        let utm = try SpatialReference(definition: "EPSG:32647")
        let transformation = try CoordinateTransformation(from: wgs84, to: utm)
        let (x, y) = try transformation.transform(x: 100.5018, y: 13.7567)
        #expect(abs(x - 662366.322) < 0.001)
        #expect(abs(y - 1521324.906) < 0.001)
    }
}
