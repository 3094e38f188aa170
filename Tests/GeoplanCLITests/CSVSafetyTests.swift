import Foundation
import GDAL
import GeoplanTestSupport
import Testing

/// CSV cells a spreadsheet would run as formulas (text beginning with `=`, `+`, `-`, `@`, a tab or a carriage
/// return) are written with a leading `'` and quoted; numbers never change; `--csv-raw` and `csv_raw: true`
/// write them as they are.
@Suite struct CSVSafetyTests {
    /// Codes beginning with each dangerous character, a plain code and a code that is a plain negative number
    /// (ids are trimmed of tabs, so a tab and a carriage return come first in names).
    static let codes = ["=A1", "+B2", "-C3", "@D4", "G7", "-8"]
    static let safeCodes = ["'=A1", "'+B2", "'-C3", "'@D4", "G7", "-8"]
    static let names = ["=HYPERLINK(\"http://x\")", "\t=1+1", "\r=1+1", "ตำบล", "-x", "+1"]
    static let safeNames = ["'=HYPERLINK(\"http://x\")", "'\t=1+1", "'\r=1+1", "ตำบล", "'-x", "+1"]

    func boundaries(in folder: TemporaryFolder) throws -> String {
        func json(_ text: String) -> String {
            text.replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\t", with: "\\t")
                .replacingOccurrences(of: "\r", with: "\\r")
        }
        return try folder.write(
            SyntheticData.featureCollection(
                Self.codes.indices.map { index in
                    (
                        NonFiniteCase.square(100 + 0.01 * Double(index), 13, 0.01),
                        #"{"code": "\#(json(Self.codes[index]))", "name": "\#(json(Self.names[index]))", "pop": -5}"#
                    )
                }), to: "cells.geojson")
    }

    /// The start of each record as geoplan's CSV writer puts it: code and name, quoted when they need it.
    static func recordStarts(codes: [String], names: [String]) -> [String] {
        func cell(_ text: String) -> String {
            guard text.hasPrefix("'") || text.contains("\"") || text.contains("\r") else { return text }
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return zip(codes, names).map { "\r\n" + cell($0) + "," + cell($1) + "," }
    }

    func spec(in folder: TemporaryFolder, output: String = "") throws -> String {
        _ = try boundaries(in: folder)
        return try folder.write(
            """
            boundaries:
              - name: cells
                path: cells.geojson
                id: code
                names: [name]
            indicators:
              - id: area_km2
                type: area
              - id: negative
                type: expression
                expression: 0 - area_km2
            output:
              folder: results
              formats: [csv, geojson]
            \(output)
            """, to: "spec.yaml")
    }

    /// Each record's fields, read by GDAL's CSV driver (every field as text).
    func records(_ path: String) throws -> [[String: String]] {
        let layer = try Dataset.open(path).layer(at: 0)
        let names = layer.schema.names
        var records: [[String: String]] = []
        try layer.forEachFeature { feature in
            let values = try feature.values()
            records.append(Dictionary(uniqueKeysWithValues: zip(names, values.map { $0.text ?? "" })))
        }
        return records
    }

    @Test func runNeutralisesTextButNotNumbers() throws {
        let folder = try TemporaryFolder()
        let result = try CommandRunner.run(["run", try spec(in: folder)])
        #expect(result.status == 0, "\(result.stderr)")
        let csv = try String(contentsOfFile: folder.path("results/cells.csv"), encoding: .utf8)
        for start in Self.recordStarts(codes: Self.safeCodes, names: Self.safeNames) {
            #expect(csv.contains(start), "\(start.debugDescription) in \(csv.debugDescription)")
        }
        let rows = try records(folder.path("results/cells.csv"))
        #expect(rows.map { $0["code"] ?? "" } == Self.safeCodes)
        // Numbers untouched: a real negative column stays a plain negative number.
        #expect(rows.allSatisfy { Double($0["negative"] ?? "").map { $0 < 0 } == true }, "\(rows)")
        // Only the CSV is neutralised: GeoJSON holds the text as it is.
        let geojson = try String(contentsOfFile: folder.path("results/cells.geojson"), encoding: .utf8)
        #expect(geojson.contains(#""=A1""#) && !geojson.contains("'"), "\(geojson.prefix(400))")
    }

    @Test func csvRawWritesTextAsItIs() throws {
        for (options, output) in [(["--csv-raw"], ""), ([], "  csv_raw: true")] {
            let folder = try TemporaryFolder()
            let result = try CommandRunner.run(["run", try spec(in: folder, output: output)] + options)
            #expect(result.status == 0, "\(result.stderr)")
            let csv = try String(contentsOfFile: folder.path("results/cells.csv"), encoding: .utf8)
            for start in Self.recordStarts(codes: Self.codes, names: Self.names) {
                #expect(csv.contains(start), "\(options): \(start.debugDescription) in \(csv.debugDescription)")
            }
            #expect(!csv.contains("'"), "\(options)")
        }
    }

    @Test func convertNeutralisesTextCellsThroughGDAL() throws {
        let folder = try TemporaryFolder()
        let input = try boundaries(in: folder)
        let out = folder.path("cells.csv")
        let result = try CommandRunner.run(["convert", input, out])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try records(out)
        #expect(rows.map { $0["code"] ?? "" } == Self.safeCodes, "\(rows.map { $0["code"] ?? "" })")
        #expect(rows.first?["name"] == Self.safeNames[0] && rows.last?["name"] == "+1")
        #expect(rows.allSatisfy { $0["pop"] == "-5" })  // a number field: never touched
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(
            text.contains("'\t=1+1") && text.contains("'\r=1+1") && text.contains("'-x"), "\(text.debugDescription)")

        let raw = folder.path("raw.csv")
        #expect(try CommandRunner.run(["convert", input, raw, "--csv-raw"]).status == 0)
        #expect(try records(raw).map { $0["code"] ?? "" } == Self.codes)
        // Other formats are never neutralised.
        let gpkg = folder.path("cells.gpkg")
        #expect(try CommandRunner.run(["convert", input, gpkg]).status == 0)
        #expect(try records(gpkg).map { $0["code"] ?? "" } == Self.codes)
    }

    @Test func oneOffCommandsNeutraliseUnlessRaw() throws {
        let folder = try TemporaryFolder()
        let input = try boundaries(in: folder)
        let safe = try CommandRunner.run(["area", input, "--id", "code", "--out", folder.path("area.csv")])
        #expect(safe.status == 0, "\(safe.stderr)")
        #expect(try records(folder.path("area.csv")).map { $0["code"] ?? "" } == Self.safeCodes)
        let raw = try CommandRunner.run(["area", input, "--id", "code", "--out", folder.path("raw.csv"), "--csv-raw"])
        #expect(raw.status == 0, "\(raw.stderr)")
        #expect(try records(folder.path("raw.csv")).map { $0["code"] ?? "" } == Self.codes)
    }

    @Test func partitionCrosswalkNeutralisesUnlessRaw() throws {
        let folder = try TemporaryFolder()
        try folder.write(
            SyntheticData.featureCollection([
                (NonFiniteCase.square(100, 13, 0.1), #"{"ADM3_PCODE": "TH100101"}"#)
            ]), to: "tambons.geojson")
        try folder.write(
            SyntheticData.featureCollection([
                (NonFiniteCase.square(100.01, 13.01, 0.04), #"{"LG_CODE": "=M1", "LG_TYPE": "town"}"#)
            ]), to: "municipalities.geojson")
        for raw in [false, true] {
            let out = folder.path(raw ? "raw-units.gpkg" : "units.gpkg")
            let result = try CommandRunner.run(
                [
                    "partition", folder.path("tambons.geojson"),
                    folder.path("municipalities.geojson"), "--out", out,
                ]
                    + (raw ? ["--csv-raw"] : []))
            #expect(result.status == 0, "\(result.stderr)")
            let codes = try records(out.replacingOccurrences(of: ".gpkg", with: "-crosswalk.csv")).map {
                $0["lg_code"] ?? ""
            }
            #expect(codes.contains(raw ? "=M1" : "'=M1") && !codes.contains(raw ? "'=M1" : "=M1"), "\(codes)")
        }
    }

    /// A CSV geoplan wrote, read back as a table input, still matches its codes: `'-C3` is read as `-C3`.
    @Test func aNeutralisedCodeMatchesOnTheWayBack() throws {
        let folder = try TemporaryFolder()
        #expect(try CommandRunner.run(["run", try spec(in: folder), "--quiet"]).status == 0)
        let again = try folder.write(
            """
            boundaries:
              - name: again
                path: cells.geojson
                id: code
            inputs:
              - name: earlier
                type: table
                path: results/cells.csv
                code: code
            indicators:
              - id: area_again
                type: join
                input: earlier
                column: area_km2
            output:
              folder: again
              formats: [csv]
              csv_raw: true
            """, to: "again.yaml")
        let result = try CommandRunner.run(["run", again])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("warning"), "\(result.stderr)")
        let first = try records(folder.path("results/cells.csv"))
        let joined = try records(folder.path("again/again.csv"))
        #expect(joined.map { $0["code"] ?? "" } == Self.codes)
        #expect(joined.map { $0["area_again"] ?? "" } == first.map { $0["area_km2"] ?? "" })
    }

    /// Merging partitions copies their cells as written: neutralised once, never twice.
    @Test func mergeKeepsPartsAsWritten() throws {
        let folder = try TemporaryFolder()
        let spec = try spec(in: folder)
        #expect(try CommandRunner.run(["run", spec, "--quiet"]).status == 0)
        for part in 1...2 {
            let result = try CommandRunner.run([
                "run", spec, "--quiet", "--partition", "\(part)/2", "--out",
                folder.path("part-\(part)"),
            ])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let merged = folder.path("merged/cells.csv")
        let result = try CommandRunner.run([
            "merge", merged, folder.path("part-1/cells.csv"),
            folder.path("part-2/cells.csv"),
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: merged))
                == Data(contentsOf: URL(fileURLWithPath: folder.path("results/cells.csv"))))
    }
}
