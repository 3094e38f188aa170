import Foundation
import GDAL
import GeoplanTestSupport
import Testing

@Suite struct ConvertTests {
    @Test func geoJSONIsStrictRFC7946WithThaiNamesIntact() throws {
        let folder = try TemporaryFolder()
        let out = folder.path("phuket.geojson")
        let result = try CommandRunner.run(["convert", Fixtures.phuket, out])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(RFC7946Checker(maximumDecimals: 7).violations(in: text) == [])
        #expect(text.contains("ตลาดใหญ่"))
        let features =
            (try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])?["features"]
            as? [Any]
        #expect(features?.count == 17)
        #expect(folder.contents() == ["phuket.geojson"])  // no staging leftovers
    }

    @Test func precisionIsHonoured() throws {
        let folder = try TemporaryFolder()
        let out = folder.path("coarse.geojson")
        let result = try CommandRunner.run(["convert", Fixtures.phuket, out, "--precision", "3"])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(RFC7946Checker().violations(in: text) == [])
        // One feature per line: each checked on its own.
        let features = text.components(separatedBy: "\n").filter { $0.hasPrefix("{\"type\":\"Feature\"") }
        let unrounded = features.filter { line in
            let feature = line.hasSuffix(",") ? String(line.dropLast()) : line
            return !RFC7946Checker(maximumDecimals: 3)
                .violations(in: #"{"type":"FeatureCollection","features":["# + feature + "]}").isEmpty
        }
        // Phuket's smallest islands are narrower than 3 decimals (~100 m): rounded, they would vanish, so they keep
        // full precision, and the command says how many; features without such islands have 3 decimals at most.
        #expect(features.count == 17 && unrounded.count < features.count)
        #expect(
            unrounded.isEmpty
                || (result.stdout + result.stderr)
                    .contains("of the polygons keep full precision: rounded to 3 decimals, they would have vanished")
        )
    }

    @Test func projectedInputBecomesWGS84GeoJSON() throws {
        let folder = try TemporaryFolder()
        let utm = folder.path("utm.gpkg")
        #expect(try CommandRunner.run(["convert", Fixtures.phuket, utm, "--to-crs", "EPSG:32647"]).status == 0)
        let layer = try Dataset.open(utm).layer(at: 0)
        #expect(layer.spatialReference?.code == "EPSG:32647")
        let back = folder.path("back.geojson")
        let result = try CommandRunner.run(["convert", utm, back])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("WGS 84 / UTM zone 47N"))
        let text = try String(contentsOfFile: back, encoding: .utf8)
        #expect(RFC7946Checker(maximumDecimals: 7).violations(in: text) == [])
        // Back in lon/lat, the extent matches ogrinfo's for the original within the 7-decimal rounding.
        let extent = try #require(try Dataset.open(back).layer(at: 0).extent())
        #expect(abs(extent.minX - 98.257910) < 2e-6 && abs(extent.maxY - 8.200333) < 2e-6)
    }

    @Test(arguments: ["gpkg", "fgb", "csv", "shp", "geojson"])
    func everyFormatRoundTripsNamesAndAreas(format: String) throws {
        let folder = try TemporaryFolder()
        let out = folder.path("nonthaburi.\(format)")
        let converted = try CommandRunner.run(["convert", Fixtures.nonthaburi, out])
        #expect(converted.status == 0, "\(converted.stderr)")
        // Every format keeps the CRS (GDAL writes a .prj beside a CSV and reads it back).
        let measured = try CommandRunner.run(["measure", out, "--json", "--key", "ADM3_PCODE"])
        #expect(measured.status == 0, "\(measured.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(measured.stdout.utf8)) as? [String: Any])
        let total = try #require(report["totalAreaSquareMetres"] as? Double)
        // Reference: GeographicLib Planimeter over every ring (scripts/reference/planimeter_areas.py), 636,542,903.2 m².
        // GeoJSON rounds coordinates to 7 decimals (≤ 1.1 cm), which moves the total by far less than 1e-6.
        #expect(abs(total - 636_542_903.2) / 636_542_903.2 < 1e-6)
        let names = try Set(Array(Dataset.open(out).layer(at: 0).features).map { try $0.value("ADM3_TH").text ?? "" })
        let original = try Set(
            Array(Dataset.open(Fixtures.nonthaburi).layer(at: 0).features).map {
                try $0.value("ADM3_TH").text ?? ""
            })
        #expect(names == original)
    }

    @Test func indian1975ReportsTheOperationAndCanBeOverridden() throws {
        let folder = try TemporaryFolder()
        // A point near Democracy Monument, Bangkok, given in Indian 1975 (EPSG:4240) lon/lat.
        let input = try folder.write(
            "WKT,code\n\"POINT (100.5018 13.7567)\",BKK\n", to: "indian1975.csv")
        let automatic = folder.path("auto.geojson")
        let first = try CommandRunner.run(["convert", input, automatic, "--assume-crs", "EPSG:4240", "--json"])
        #expect(first.status == 0, "\(first.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        let operation = try #require(report["operation"] as? [String: Any])
        // `projinfo -s EPSG:4240 -t EPSG:4326 --spatial-test intersects` (PROJ 9.1.1) lists EPSG:1812 (3 m),
        // EPSG:1304 (5 m) and EPSG:1537 (1 m, Bongkot field only); onshore Bangkok gets EPSG:1812.
        #expect(operation["code"] as? String == "EPSG:1812")
        #expect(operation["accuracyMetres"] as? Double == 3)
        #expect((operation["candidates"] as? [Any])?.count ?? 0 >= 3)

        let forced = folder.path("forced.geojson")
        let second = try CommandRunner.run([
            "convert", input, forced, "--assume-crs", "EPSG:4240",
            "--operation", "EPSG:1304", "--json",
        ])
        #expect(second.status == 0, "\(second.stderr)")
        // Independent references: cs2cs (PROJ 9.1.1) with each operation's published Helmert parameters,
        //   echo "100.5018 13.7567" | cs2cs -d 8 +proj=longlat +ellps=evrst30 \
        //     +towgs84=293,836,318,0.5,1.6,-2.8,2.1 +to +proj=longlat +datum=WGS84   → 100.49684930 13.75882343
        //   … +towgs84=210,814,289 …                                                 → 100.49851879 13.75836419
        // Tolerance 1e-7° (GeoJSON keeps 7 decimals, about 1 cm).
        let a = try point(automatic)
        let b = try point(forced)
        #expect(abs(a.0 - 100.49684930) < 1e-7 && abs(a.1 - 13.75882343) < 1e-7, "\(a)")
        #expect(abs(b.0 - 100.49851879) < 1e-7 && abs(b.1 - 13.75836419) < 1e-7, "\(b)")
        // The datum shift moves the point by about 0.6 km, and the two operations disagree by about 0.2 km here:
        // which one was used matters.
        let shift = metres(from: (100.5018, 13.7567), to: a)
        #expect(shift > 500 && shift < 650, "shift \(shift) m")
        #expect(second.stdout.contains("EPSG:1304"))
    }

    @Test func aForcedOperationOnProjectedDataKeepsItsProjectionSteps() throws {
        // The same Bangkok point in Indian 1975 / UTM 47N (EPSG:24047): `echo "100.5018 13.7567" | cs2cs -f "%.6f"
        // +proj=longlat +ellps=evrst30 +to +proj=utm +zone=47 +ellps=evrst30 +units=m` → 662344.151926 1521203.714188.
        // Forced through EPSG:1304 it must land where the lon/lat point did (cs2cs: 100.49851879 13.75836419),
        // which needs the inverse projection before the datum shift, not the datum shift alone.
        let folder = try TemporaryFolder()
        let input = try folder.write("WKT,code\n\"POINT (662344.151926 1521203.714188)\",BKK\n", to: "utm.csv")
        let out = folder.path("forced.geojson")
        let result = try CommandRunner.run([
            "convert", input, out, "--assume-crs", "EPSG:24047",
            "--operation", "EPSG:1304",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let b = try point(out)
        #expect(abs(b.0 - 100.49851879) < 1e-7 && abs(b.1 - 13.75836419) < 1e-7, "\(b)")
    }

    /// Not under a sanitizer (`Sanitizer`): memory is not measurable there, and 100 MB through ASan takes minutes.
    @Test(.enabled(if: Sanitizer.memoryIsMeasurable)) func convertsA100MegabyteShapefileInBoundedMemory() throws {
        let folder = try TemporaryFolder()
        // 3,200 polygons × 2,000 vertices ≈ 102 MB of .shp, and a quarter of it, from a seeded generator.
        let big = folder.path("big.shp")
        let quarter = folder.path("quarter.shp")
        let bigSize = try SyntheticShapefile.write(to: big, count: 3_200, vertices: 2_000)
        let quarterSize = try SyntheticShapefile.write(to: quarter, count: 800, vertices: 2_000)
        #expect(bigSize > 100_000_000)
        guard FileManager.default.fileExists(atPath: "/proc/self/status") else { return }  // peaks need Linux /proc
        for format in ["geojson", "gpkg"] {
            let small = try CommandRunner.run(["convert", quarter, folder.path("quarter.\(format)"), "--quiet"])
            let large = try CommandRunner.run(["convert", big, folder.path("big.\(format)"), "--quiet"])
            #expect(small.status == 0 && large.status == 0, "\(small.stderr) \(large.stderr)")
            // Streaming: four times the input costs (almost) no more memory; the peak is the runtime's floor
            // (Swift, Foundation's ICU data, GDAL, PROJ, GEOS: ~75 MB), well under the file's size.
            let growth = (large.maxResidentKilobytes - small.maxResidentKilobytes) * 1024
            #expect(
                growth < (bigSize - quarterSize) / 20,
                "\(format): +\(growth / 1_000_000) MB for +\((bigSize - quarterSize) / 1_000_000) MB of input")
            #expect(
                large.maxResidentKilobytes * 1024 < bigSize,
                "\(format): peak \(large.maxResidentKilobytes / 1000) MB for \(bigSize / 1_000_000) MB")
        }
    }

    private func point(_ path: String) throws -> (Double, Double) {
        let feature = try #require(Array(try Dataset.open(path).layer(at: 0).features).first)
        let box = try #require(feature.geometry?.envelope)
        return (box.minX, box.minY)
    }

    /// Local flat-earth distance, ample for metres-scale differences at 13.7° N.
    private func metres(from a: (Double, Double), to b: (Double, Double)) -> Double {
        let dy = (b.1 - a.1) * 110_650
        let dx = (b.0 - a.0) * 111_320 * cos(a.1 * .pi / 180)
        return (dx * dx + dy * dy).squareRoot()
    }
}
