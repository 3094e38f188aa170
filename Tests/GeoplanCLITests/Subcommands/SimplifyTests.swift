import Foundation
import GDAL
import GeoplanTestSupport
import Testing

@Suite struct SimplifyTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
    }

    @Test func helpShowsTheOptionsAndExamples() throws {
        let result = try CommandRunner.run(["simplify", "--help"])
        #expect(result.status == 0)
        for text in ["--tolerance", "--keep", "--method", "--topojson", "Examples:", "geoplan simplify"] {
            #expect(result.stdout.contains(text), "\(text)")
        }
        for line in result.stdout.split(separator: "\n") { #expect(line.count <= 120, "\(line)") }
    }

    @Test func writesWebGeoJSONWithEveryFieldAndTheReport() throws {
        let out = folder.path("phuket.geojson")
        let result = try CommandRunner.run(["simplify", Fixtures.phuket, out])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("method: visvalingam, tolerance 30 m"))
        #expect(result.stdout.contains("vertices: 19,660 → "))
        #expect(result.stdout.contains("shared by two rings"))
        #expect(result.stdout.contains("largest area change: TH83"))
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(RFC7946Checker(maximumDecimals: 6).violations(in: text) == [])
        #expect(text.contains("ตลาดใหญ่") && text.contains("ADM3_PCODE"))
        #expect(try Dataset.open(out).layer(at: 0).featureCount() == 17)
        #expect(folder.contents() == ["phuket.geojson"])
    }

    @Test func writesTopoJSONByExtensionOrFlag() throws {
        let byExtension = folder.path("phuket.topojson")
        #expect(try CommandRunner.run(["simplify", Fixtures.phuket, byExtension, "--keep", "10%"]).status == 0)
        let byFlag = folder.path("phuket-topo.json")
        let result = try CommandRunner.run([
            "simplify", Fixtures.phuket, byFlag, "--topojson", "--method",
            "douglas-peucker", "--tolerance", "0.05km",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("(TopoJSON,"))
        for path in [byExtension, byFlag] {
            let root =
                try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
                as? [String: Any]
            #expect(root?["type"] as? String == "Topology")
            let layer = try Dataset.open(path).layer(at: 0)  // GDAL's TopoJSON driver
            #expect(layer.featureCount() == 17)
        }
    }

    @Test func jsonReportHasTheCounts() throws {
        let result = try CommandRunner.run([
            "simplify", Fixtures.phuket, folder.path("p.geojson"), "--json",
            "--tolerance", "20m",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let root = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let report = root?["simplification"] as? [String: Any]
        #expect(report?["featureVerticesBefore"] as? Int == 19_660)
        #expect((report?["featureVerticesAfter"] as? Int ?? .max) < 19_660 / 3)
        #expect(report?["toleranceMetres"] as? Double == 20)
        #expect(report?["madeValid"] as? Int == 0)
        #expect((report?["largestAreaChange"] as? [String: Any])?["relative"] is Double)
        #expect(root?["idField"] as? String == "ADM3_PCODE")
    }

    @Test(arguments: [
        ["--tolerance", "20m", "--keep", "10%"], ["--tolerance", "twenty"], ["--keep", "150%"],
        ["--method", "wiggle"], ["--precision", "20"],
    ])
    func badAmountsAreUsageErrors(arguments: [String]) throws {
        let out = folder.path("x.geojson")
        let result = try CommandRunner.run(["simplify", Fixtures.phuket, out] + arguments)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func anExistingOutputOrALineLayerIsAnInputError() throws {
        let out = try folder.write("{}", to: "taken.geojson")
        let taken = try CommandRunner.run(["simplify", Fixtures.phuket, out])
        #expect(taken.status == 1)
        #expect(taken.stderr.contains("--overwrite"))
        let lines = try folder.write(
            SyntheticData.featureCollection([
                (#"{"type": "LineString", "coordinates": [[100, 13], [100.1, 13.1]]}"#, #"{"code": "a"}"#)
            ]), to: "roads.geojson")
        let result = try CommandRunner.run(["simplify", lines, folder.path("roads-web.geojson")])
        #expect(result.status == 1)
        #expect(result.stderr.contains("polygon"), "\(result.stderr)")
    }
}
