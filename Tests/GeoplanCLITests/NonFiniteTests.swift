import Foundation
import GDAL
import GeoplanTestSupport
import Testing

/// Three cells: A and B of about 10.8 km², C of about 120 km². `big = area_km2 * 1e307` is about 1.08e308 for A
/// and B (finite, but their sum overflows, so a naive column mean is infinity) and overflows for C.
enum NonFiniteCase {
    static func spec(in folder: TemporaryFolder, indicators: String = defaultIndicators) throws -> String {
        try folder.write(
            SyntheticData.featureCollection([
                (square(100.0, 13.0, 0.03), #"{"code": "A"}"#),
                (square(100.03, 13.0, 0.03), #"{"code": "B"}"#),
                (square(100.06, 13.0, 0.1), #"{"code": "C"}"#),
            ]), to: "cells.geojson")
        return try folder.write(
            """
            boundaries:
              - name: cells
                path: cells.geojson
                id: code
            \(indicators)
            output:
              folder: results
            """, to: "spec.yaml")
    }

    static let defaultIndicators = """
        indicators:
          - id: area_km2
            type: area
          - id: big
            type: expression
            expression: area_km2 * 1e307
        """

    static func square(_ west: Double, _ south: Double, _ size: Double) -> String {
        let (e, n) = (west + size, south + size)
        return #"{"type": "Polygon", "coordinates": [[[\#(west), \#(south)], [\#(e), \#(south)], [\#(e), \#(n)], "#
            + #"[\#(west), \#(n)], [\#(west), \#(south)]]]}"#
    }

    /// Every output of the run is there and whole: GeoJSON and meta.json parse, the CSV has every row, the
    /// GeoPackage reads back.
    static func expectCompleteOutputs(in folder: TemporaryFolder) throws {
        let out = folder.path("results")
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: out))
        #expect(names.isSuperset(of: ["cells.geojson", "cells.csv", "cells.gpkg", "cells.meta.json"]), "\(names)")
        let geojson = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: "\(out)/cells.geojson")))
        #expect(((geojson as? [String: Any])?["features"] as? [Any])?.count == 3)
        _ = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(out)/cells.meta.json")))
        let csv = try String(contentsOfFile: "\(out)/cells.csv", encoding: .utf8)
        #expect(csv.split(whereSeparator: \.isNewline).count == 4, "\(csv)")
        #expect(try Dataset.open("\(out)/cells.gpkg").layer(at: 0).featureCount() == 3)
    }
}

/// Infinity and NaN never reach an output or a JSON encoder: they are written as null, with a warning naming the
/// indicator and how many values.
@Suite struct NonFiniteTests {
    @Test func anOverflowingExpressionIsNullWithAWarningAndTheRunSucceeds() throws {
        let folder = try TemporaryFolder()
        let spec = try NonFiniteCase.spec(in: folder)
        let check = try CommandRunner.run(["run", spec, "--check"])
        #expect(check.status == 0, "\(check.stderr)")
        let result = try CommandRunner.run(["run", spec, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stderr.contains(
                "big: 1 value was not a finite number (overflow or NaN) and is written as null"), "\(result.stderr)")
        try NonFiniteCase.expectCompleteOutputs(in: folder)

        // CSV: C's value empty (null); A's and B's written in full.
        let csv = try String(contentsOfFile: folder.path("results/cells.csv"), encoding: .utf8)
        let rows = csv.split(whereSeparator: \.isNewline).map {
            $0.split(separator: ",", omittingEmptySubsequences: false)
        }
        let big = try #require(rows[0].firstIndex(of: "big"))
        let values = Dictionary(uniqueKeysWithValues: rows.dropFirst().map { (String($0[0]), String($0[big])) })
        #expect(values["C"] == "")
        #expect(Double(values["A"] ?? "").map { $0 > 1e308 && $0.isFinite } == true, "\(csv)")

        // GeoJSON: null for C.
        let geojson = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: folder.path("results/cells.geojson")))) as? [String: Any])
        let features = try #require(geojson["features"] as? [[String: Any]])
        let c = try #require(features.first { $0["id"] as? String == "C" }?["properties"] as? [String: Any])
        #expect(c["big"] is NSNull, "\(c)")

        // The --json summary is valid JSON, its mean finite and between the values (the naive sum overflows).
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let columns = try #require((report["boundarySets"] as? [[String: Any]])?.first?["columns"] as? [[String: Any]])
        let summary = try #require(columns.first { $0["name"] as? String == "big" })
        let mean = try #require(summary["mean"] as? Double)
        let (low, high) = (try #require(summary["minimum"] as? Double), try #require(summary["maximum"] as? Double))
        #expect(mean.isFinite && low <= mean && mean <= high, "\(summary)")
        #expect(summary["nulls"] as? Int == 1)
    }

    @Test func aRasterOfHugeValuesSummarisesWithoutInfinity() throws {
        let folder = try TemporaryFolder()
        let spec = try NonFiniteCase.spec(
            in: folder,
            indicators: """
                inputs:
                  - name: huge
                    type: raster
                    path: huge.tif
                indicators:
                  - id: huge
                    type: zonal
                    raster: huge
                    stats: [sum, max]
                """)
        try SyntheticRaster.write(
            to: folder.path("huge.tif"), columns: 20, rows: 12, west: 99.99, north: 13.11,
            size: 0.01
        ) { _, _ in 1.7e308 }
        let result = try CommandRunner.run(["run", spec, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        // Every cell's sum overflows; the maxima are finite, their mean is not allowed to overflow.
        #expect(
            result.stderr.contains(
                "huge: 3 values were not finite numbers (overflow or NaN) and are written "
                    + "as null"), "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let columns = try #require((report["boundarySets"] as? [[String: Any]])?.first?["columns"] as? [[String: Any]])
        let maximum = try #require(columns.first { $0["name"] as? String == "huge_max" })
        #expect(maximum["mean"] as? Double == 1.7e308, "\(maximum)")
        let sum = try #require(columns.first { $0["name"] as? String == "huge_sum" })
        #expect(sum["mean"] == nil && sum["nulls"] as? Int == 3, "\(sum)")  // no mean: left out, as nil is
        try NonFiniteCase.expectCompleteOutputs(in: folder)
    }

    @Test func infoLeavesOutANaNAreaAndSaysSo() throws {
        let folder = try TemporaryFolder()
        // Latitude 95 is off the ellipsoid: the geodesic area is NaN.
        let path = try folder.write(
            SyntheticData.featureCollection([
                (NonFiniteCase.square(100, 94, 1), #"{"code": "X"}"#),
                (NonFiniteCase.square(100, 13, 1), #"{"code": "Y"}"#),
            ]), to: "beyond.geojson")
        let result = try CommandRunner.run(["info", path, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let measures = try #require((report["layers"] as? [[String: Any]])?.first?["measures"] as? [String: Any])
        #expect(measures["areaSquareKilometres"] == nil, "\(measures)")  // not given, as nil is
        // Said with the feature and the coordinate (the reader's domain check, see CoordinateDomainCommandTests).
        #expect(
            result.stderr.contains("no area, length or lon/lat extent is given; first: ")
                && result.stderr.contains("feature 0: latitude 94.0"), "\(result.stderr)")
        let text = try CommandRunner.run(["info", path])
        #expect(text.status == 0 && !text.stdout.contains("NaN"), "\(text.stdout)")
    }
}
