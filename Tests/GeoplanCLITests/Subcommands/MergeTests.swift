import Foundation
import GeoplanTestSupport
import Testing

/// `geoplan merge` end to end: a real `geoplan run`'s CSV and provenance record, cut into the two partitions
/// `PartitionPlan` makes of three ungrouped areas (A and B before the target 1.5, C after), merged back.
@Suite struct MergeTests {
    /// Runs a spec over three cells; returns the single run's CSV path.
    func singleRun(in folder: TemporaryFolder) throws -> String {
        // A's name (JSON-escaped here) has a comma, quotes and a line break: a quoted CSV field over two lines.
        let properties = [
            #"{"code": "A", "name": "ก, \"หนึ่ง\"\nสอง"}"#, #"{"code": "B", "name": "ข"}"#,
            #"{"code": "C", "name": "ค"}"#,
        ]
        let cells = properties.enumerated().map { index, properties in
            let (west, east) = (100.0 + Double(index) * 0.1, 100.1 + Double(index) * 0.1)
            return (
                #"{"type": "Polygon", "coordinates": [[[\#(west), 13.0], [\#(east), 13.0], "#
                    + #"[\#(east), 13.1], [\#(west), 13.1], [\#(west), 13.0]]]}"#, properties
            )
        }
        try folder.write(SyntheticData.featureCollection(cells), to: "cells.geojson")
        let spec = try folder.write(
            """
            boundaries:
              - name: cells
                path: cells.geojson
                id: code
                names: [name]
            indicators:
              - id: area_km2
                type: area
            output:
              folder: results
              formats: [csv]
            """, to: "spec.yaml")
        let result = try CommandRunner.run(["run", spec, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        return folder.path("results/cells.csv")
    }

    /// Writes partition `index` of 2: the header and the rows at `positions`, and the run's record with a
    /// `partition` member.
    func writePart(_ index: Int, positions: [Int], from single: String, in folder: TemporaryFolder) throws -> String {
        let text = try String(contentsOfFile: single, encoding: .utf8)
        // The records: the name of A holds a quoted line break, so split after each CRLF outside quotes.
        var records: [String] = []
        var current = ""
        var quoted = false
        for character in text {
            current.append(character)
            if character == "\"" { quoted.toggle() }
            if character == "\r\n", !quoted {
                records.append(current)
                current = ""
            }
        }
        #expect(records.count == 4)
        let part = folder.path("part-\(index)/cells.csv")
        try FileManager.default.createDirectory(
            atPath: folder.path("part-\(index)"),
            withIntermediateDirectories: true)
        let rows = records[0] + positions.map { records[$0 + 1] }.joined()
        try rows.write(toFile: part, atomically: true, encoding: .utf8)
        let sidecar = URL(fileURLWithPath: (single as NSString).deletingPathExtension + ".meta.json")
        var record = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: sidecar)) as? [String: Any])
        record["partition"] = [
            "index": index, "count": 2, "areas": 3, "groupedBy": "none: ids have no hierarchy",
            "positions": positions,
        ]
        // Made by hand, not by geoplan: the single run's checksum of its whole CSV does not describe this part.
        record["outputs"] = nil
        try JSONSerialization.data(withJSONObject: record, options: [.prettyPrinted, .sortedKeys])
            .write(to: URL(fileURLWithPath: folder.path("part-\(index)/cells.meta.json")))
        return part
    }

    @Test func mergedPartsAreTheSingleRunsCSV() throws {
        let folder = try TemporaryFolder()
        let single = try singleRun(in: folder)
        let first = try writePart(1, positions: [0, 1], from: single, in: folder)
        let second = try writePart(2, positions: [2], from: single, in: folder)
        let result = try CommandRunner.run(["merge", "merged/cells.csv", second, first, "--json"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(report["rows"] as? Int == 3 && report["format"] as? String == "CSV")
        #expect(report["output"] as? String == "merged/cells.csv")
        #expect((report["parts"] as? [[String: Any]])?.compactMap { $0["index"] as? Int } == [1, 2])
        #expect(
            try Data(contentsOf: folder.url.appendingPathComponent("merged/cells.csv"))
                == Data(contentsOf: URL(fileURLWithPath: single)))
        let record = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: folder.url.appendingPathComponent("merged/cells.meta.json"))) as? [String: Any])
        #expect(record["partition"] == nil && (record["mergedFrom"] as? [Any])?.count == 2)
        let specText = try String(contentsOfFile: folder.path("spec.yaml"), encoding: .utf8)
        #expect(record["specText"] as? String == specText)

        let text = try CommandRunner.run(["merge", "merged/cells.csv", first, second], in: folder.url)
        #expect(text.status == 1 && text.stderr.contains("--overwrite"), "\(text.stderr)")
        let again = try CommandRunner.run(["merge", "merged/cells.csv", first, second, "--overwrite"], in: folder.url)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("wrote merged/cells.csv (CSV): 3 rows from 2 parts"))
    }

    @Test func aMissingPartitionFailsWithExitOneAndWritesNothing() throws {
        let folder = try TemporaryFolder()
        let single = try singleRun(in: folder)
        let first = try writePart(1, positions: [0, 1], from: single, in: folder)
        let result = try CommandRunner.run(["merge", "merged/cells.csv", first], in: folder.url)
        #expect(result.status == 1)
        #expect(
            result.stderr == "error: cannot write \"merged/cells.csv\": partition 2 of 2 is missing; pass the "
                + "outputs of all 2 partitions (geoplan run --partition K/2 writes partition K)\n")
        #expect(!FileManager.default.fileExists(atPath: folder.path("merged")))
        let usage = try CommandRunner.run(["merge", "merged/cells.csv"], in: folder.url)
        #expect(usage.status == 2 && usage.stderr.contains("<part>"))
    }
}
