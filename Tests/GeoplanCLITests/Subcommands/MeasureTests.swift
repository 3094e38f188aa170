import Foundation
import GeoplanTestSupport
import Testing

@Suite struct MeasureTests {
    /// Reference areas (m²) and perimeters (m) from GeographicLib's own `Planimeter` (geographiclib-tools 2.1.2),
    /// independent of PROJ, summed over every ring of each feature by `scripts/reference/planimeter_areas.py`
    /// after `ogr2ogr -f GeoJSON /tmp/phuket.geojson shapes/tambons/phuket/phuket.shp -lco COORDINATE_PRECISION=15`.
    /// Planimeter prints areas to 0.1 m²; tolerance 1 m² and 1 mm.
    static let phuket: [String: (area: Double, perimeter: Double)] = [
        "TH830101": (8_104_208.4, 18_909.7107), "TH830102": (4_845_061.4, 10_354.8765),
        "TH830103": (24_811_319.0, 37_656.5469), "TH830104": (31_334_914.4, 47_851.9655),
        "TH830105": (33_040_297.1, 54_081.2135), "TH830106": (25_920_748.3, 24_784.5114),
        "TH830107": (36_017_185.9, 82_908.6613), "TH830108": (22_944_788.9, 35_578.5122),
        "TH830201": (34_965_842.8, 28_105.8135), "TH830202": (23_683_297.7, 31_123.5384),
        "TH830203": (20_232_559.1, 24_240.4538), "TH830301": (69_863_068.5, 44_842.7490),
        "TH830302": (50_535_496.1, 41_685.8794), "TH830303": (29_001_530.8, 36_652.9023),
        "TH830304": (63_739_735.2, 66_960.1316), "TH830305": (50_066_193.6, 37_874.9884),
        "TH830306": (18_919_205.8, 20_683.4511),
    ]

    func report(_ arguments: [String]) throws -> [String: Any] {
        let result = try CommandRunner.run(["measure"] + arguments + ["--json"])
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    @Test func phuketTambonsMatchGeographicLibPlanimeter() throws {
        let rows = try report([Fixtures.phuket])["features"] as? [[String: Any]] ?? []
        #expect(rows.count == 17)
        for row in rows {
            let code = try #require(row["key"] as? String)
            let reference = try #require(Self.phuket[code])
            let area = try #require(row["areaSquareMetres"] as? Double)
            let perimeter = try #require(row["perimeterMetres"] as? Double)
            #expect(abs(area - reference.area) < 1, "\(code): \(area) vs \(reference.area)")
            #expect(abs(perimeter - reference.perimeter) < 1e-3, "\(code): \(perimeter) vs \(reference.perimeter)")
        }
    }

    @Test func theSameTambonsInUTMMeasureTheSame() throws {
        let folder = try TemporaryFolder()
        let utm = folder.path("phuket-utm.gpkg")
        #expect(try CommandRunner.run(["convert", Fixtures.phuket, utm, "--to-crs", "EPSG:32647"]).status == 0)
        let measured = try report([utm])
        let total = try #require(measured["totalAreaSquareMetres"] as? Double)
        // UTM round trip (exact conversions, sub-millimetre): the geodesic total is unchanged to 1e-8.
        #expect(abs(total - 548_025_453.0) / 548_025_453.0 < 1e-8)
        #expect((measured["method"] as? String)?.contains("UTM zone 47N") == true)
    }

    @Test func raiAndThaiNotation() throws {
        let result = try CommandRunner.run(["measure", Fixtures.phuket, "--unit", "rai"])
        #expect(result.status == 0)
        // TH830101: 8,104,208.4 m² / 1,600 = 5,065.13 rai = 5065-0-52 (rai-ngan-wa).
        #expect(result.stdout.contains("5065.13"))
        #expect(result.stdout.contains("5065-0-52"))
    }

    @Test func invalidPolygonsAreMeasuredAsRepairedAndSaidSo() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write(SyntheticData.invalidPolygons, to: "defects.geojson")
        let result = try CommandRunner.run(["measure", path, "--key", "code", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("2 invalid geometries were measured after repair with GEOS MakeValid"))
        let rows =
            (try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])?["features"]
            as? [[String: Any]] ?? []
        let area = { (code: String) in rows.first { $0["key"] as? String == code }?["areaSquareMetres"] as? Double }
        // A bow-tie's signed ring area cancels to ~0; repaired, it is two triangles: half the 0.01° square.
        #expect(abs(try #require(area("BOWTIE")) / (try #require(area("OK1"))) - 0.5) < 1e-3)
        #expect(area("EMPTY") == nil && area("NULL") == nil)
    }

    @Test func linesHaveLengths() throws {
        let folder = try TemporaryFolder()
        // Two segments along the equator, 1° of longitude each: GeodSolve -i gives 111,319.490793 m per degree.
        let path = try folder.write(
            SyntheticData.featureCollection([
                (#"{"type": "LineString", "coordinates": [[0, 0], [1, 0], [2, 0]]}"#, #"{"code": "EQ"}"#)
            ]), to: "line.geojson")
        let rows = try report([path])["features"] as? [[String: Any]] ?? []
        let length = try #require(rows.first?["lengthMetres"] as? Double)
        #expect(abs(length - 2 * 111_319.490793) < 1e-3)
    }
}
