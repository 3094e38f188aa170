import Foundation
import GeoplanTestSupport
import Testing

@Suite struct ValidateTests {
    @Test func listsEveryProblemWithReasonLocationAndKey() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write(SyntheticData.invalidPolygons, to: "defects.geojson")
        let result = try CommandRunner.run(["validate", path, "--key", "code", "--json"])
        #expect(result.status == 3, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])
        let byKey = Dictionary(uniqueKeysWithValues: findings.map { ($0["key"] as? String ?? "", $0) })
        #expect(Set(byKey.keys) == ["BOWTIE", "TOUCH", "EMPTY", "NULL"])
        // GEOS reports a bow-tie's crossing point: the diagonals meet at (100.505, 13.705).
        #expect(byKey["BOWTIE"]?["problem"] as? String == "Self-intersection")
        let location = try #require(byKey["BOWTIE"]?["location"] as? [String: Double])
        #expect(abs(location["x"]! - 100.505) < 1e-9 && abs(location["y"]! - 13.705) < 1e-9)
        #expect(byKey["TOUCH"]?["problem"] as? String == "Ring Self-intersection")
        #expect(byKey["EMPTY"]?["problem"] as? String == "empty geometry")
        #expect(byKey["NULL"]?["problem"] as? String == "no geometry")
    }

    @Test func textListsOneLinePerProblem() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write(SyntheticData.invalidPolygons, to: "defects.geojson")
        let result = try CommandRunner.run(["validate", path])
        #expect(result.status == 3)
        #expect(result.stdout.contains("feature 1 (code BOWTIE): Self-intersection at (100.505, 13.705)"))
        #expect(result.stdout.contains("4 of 5 geometries"))
    }

    @Test func unclosedAndTooShortRingsAreReportedNotCrashed() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write(
            SyntheticData.featureCollection([
                (
                    #"{"type": "Polygon", "coordinates": [[[100.5, 13.7], [100.51, 13.7], [100.51, 13.71], [100.5, 13.71]]]}"#,
                    #"{"code": "OPEN"}"#
                ),
                (
                    #"{"type": "Polygon", "coordinates": [[[100.5, 13.7], [100.51, 13.7], [100.5, 13.7]]]}"#,
                    #"{"code": "SHORT"}"#
                ),
            ]), to: "rings.geojson")
        let result = try CommandRunner.run(["validate", path, "--key", "code"])
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stdout.contains("(code OPEN): Ring not closed"))
        #expect(result.stdout.contains("(code SHORT): Too few points"))
    }

    @Test func fixWritesAValidCopyAndCountsWhatItDid() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write(SyntheticData.invalidPolygons, to: "defects.geojson")
        let fixed = folder.path("fixed.gpkg")
        let result = try CommandRunner.run(["validate", path, "--fix", fixed, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let repair = try #require(report["repair"] as? [String: Any])
        #expect(repair["featuresWritten"] as? Int == 5)
        #expect(repair["repaired"] as? Int == 2)
        #expect(repair["copiedEmpty"] as? Int == 2)
        // The copy has only the empty and missing geometries left, which a repair cannot invent.
        let again = try CommandRunner.run(["validate", fixed, "--json"])
        let recheck = try #require(try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any])
        let left = Set((recheck["findings"] as? [[String: Any]] ?? []).compactMap { $0["problem"] as? String })
        #expect(left == ["empty geometry", "no geometry"])
        // The bow-tie became its two triangles: half the area of the 0.01° square beside it (geodesic, so the
        // ratio is 0.5 up to the triangles' latitude difference, well under 1e-3).
        let measured = try CommandRunner.run(["measure", fixed, "--key", "code", "--json"])
        let rows =
            (try JSONSerialization.jsonObject(with: Data(measured.stdout.utf8)) as? [String: Any])?["features"]
            as? [[String: Any]] ?? []
        let area = { (code: String) in rows.first { $0["key"] as? String == code }?["areaSquareMetres"] as? Double }
        let square = try #require(area("OK1"))
        let bowtie = try #require(area("BOWTIE"))
        #expect(abs(bowtie / square - 0.5) < 1e-3)
        // The input is untouched.
        #expect(try String(contentsOfFile: path, encoding: .utf8) == SyntheticData.invalidPolygons)
    }

    @Test(arguments: ["phuket", "nonthaburi", "samut-songkhram", "nakhon-pathom"])
    func shippedTambonsValidate(province: String) throws {
        let result = try CommandRunner.run(["validate", Fixtures.shape("tambons/\(province)/\(province).shp")])
        #expect([0, 3].contains(result.status), "\(result.stderr)")
        #expect(result.stdout.contains("geometries of layer \"\(province)\""))
    }
}
