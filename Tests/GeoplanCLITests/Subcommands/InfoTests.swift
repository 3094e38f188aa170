import Foundation
import GeoplanTestSupport
import Testing

@Suite struct InfoTests {
    func json(_ arguments: [String]) throws -> [String: Any] {
        let result = try CommandRunner.run(arguments + ["--json"])
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    @Test func describesTheShippedPhuketTambons() throws {
        let report = try json(["info", Fixtures.phuket])
        #expect(report["driver"] as? String == "ESRI Shapefile")
        let layer = try #require((report["layers"] as? [[String: Any]])?.first)
        #expect(layer["name"] as? String == "phuket")
        #expect(layer["featureCount"] as? Int == 17)
        // Reference: `ogrinfo -so`: 17 features, 8 Polygon and 9 MultiPolygon by
        // `ogrinfo -dialect sqlite -sql "select geometrytype(geometry), count(*) …"`.
        let types = try #require(layer["geometryTypes"] as? [String: Int])
        #expect(types.values.reduce(0, +) == 17)
        #expect(types["Polygon"] == 8 && types["MultiPolygon"] == 9)
        let crs = try #require(layer["crs"] as? [String: Any])
        #expect(crs["code"] as? String == "EPSG:4326")
        let box = try #require(layer["extentLonLat"] as? [String: Double])
        #expect(abs(box["minX"]! - 98.257910) < 1e-6 && abs(box["maxY"]! - 8.200333) < 1e-6)
        let encoding = try #require(layer["encoding"] as? [String: String])
        #expect(encoding["name"] == "UTF-8")
        let fields = try #require(layer["fields"] as? [[String: Any]])
        #expect(
            fields.contains {
                $0["name"] as? String == "ADM3_TH" && ($0["type"] as? String)?.hasPrefix("String") == true
            })
        // Geodesic total: the sum of GeographicLib Planimeter areas of every ring (see MeasureTests), 548.025453 km².
        let measures = try #require(layer["measures"] as? [String: Any])
        let area = try #require(measures["areaSquareKilometres"] as? Double)
        #expect(abs(area - 548.025453) < 1e-5)
    }

    @Test func textReportIsReadable() throws {
        let result = try CommandRunner.run(["info", Fixtures.nonthaburi])
        #expect(result.status == 0)
        #expect(result.stdout.contains("features: 52"))
        #expect(result.stdout.contains("WGS 84 (EPSG:4326)"))
        #expect(result.stdout.contains("encoding: "))
        #expect(result.stdout.contains("ADM3_TH"))
    }

    @Test func reportsAllLayersOfAFolder() throws {
        let folder = try TemporaryFolder()
        _ = try folder.copyShapefile(Fixtures.phuket)
        _ = try folder.copyShapefile(Fixtures.nonthaburi)
        let report = try json(["info", folder.url.path])
        let names = Set((report["layers"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String })
        #expect(names == ["phuket", "nonthaburi"])
    }

    @Test func reportsZAndMAndDoesNotCrash() throws {
        let folder = try TemporaryFolder()
        let csv = try folder.write(SyntheticData.csvWithZM, to: "zm.csv")
        let report = try json(["info", csv, "--assume-crs", "EPSG:4326"])
        let layer = try #require((report["layers"] as? [[String: Any]])?.first)
        #expect(layer["hasZ"] as? Bool == true)
        #expect(layer["hasM"] as? Bool == true)
    }

    @Test func helpHasAnExample() throws {
        for command in ["info", "validate", "measure", "convert"] {
            let result = try CommandRunner.run([command, "--help"])
            #expect(result.status == 0)
            #expect(result.stdout.contains("Example"), "\(command) --help has no example")
            #expect(result.stdout.contains("geoplan \(command) "))
        }
    }

    /// A raster: its grid, pixel, CRS, extent and bands, as text and as JSON.
    @Test func describesARaster() throws {
        let raster = Fixtures.root.appendingPathComponent("samples/nonthaburi/popgrid.asc").path
        let text = try CommandRunner.run(["info", raster])
        try #require(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("AAIGrid (raster)"))
        #expect(text.stdout.contains("157 × 181 pixels"))
        #expect(text.stdout.contains("EPSG:4326"))
        #expect(text.stdout.contains("nodata -9999.0, mask: nodata"), "\(text.stdout)")
        let json = try CommandRunner.run(["info", raster, "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let report = try #require(object["raster"] as? [String: Any])
        #expect(report["width"] as? Int == 157)
        // The middle row's pixel, 100.258–100.260° E × 13.964–13.966° N: pyproj's Geod (GeographicLib) gives
        // 47,818.3069 m² for it with its parallels densified to 1,000 points (recorded 2026-11-25).
        #expect(abs((report["pixelSquareMetres"] as? Double ?? 0) / 47_818.306_877 - 1) < 1e-8)
    }
}
