import Foundation
import GDAL
import GeoplanTestSupport
import Testing

@Suite struct RunTests {
    /// Two adjacent cells and four points (see GeoPlanTests' RunnerTests for the hand-computed values).
    func makeSpec(in folder: TemporaryFolder, extra: String = "") throws -> String {
        try folder.write(
            SyntheticData.featureCollection([
                (
                    #"{"type": "Polygon", "coordinates": [[[100.0, 13.0], [100.1, 13.0], [100.1, 13.1], [100.0, 13.1], [100.0, 13.0]]]}"#,
                    #"{"code": "A", "name_th": "ก"}"#
                ),
                (
                    #"{"type": "Polygon", "coordinates": [[[100.1, 13.0], [100.2, 13.0], [100.2, 13.1], [100.1, 13.1], [100.1, 13.0]]]}"#,
                    #"{"code": "B", "name_th": "ข"}"#
                ),
            ]), to: "cells.geojson")
        try folder.write(
            SyntheticData.featureCollection([
                (#"{"type": "Point", "coordinates": [100.05, 13.05]}"#, #"{"kind": "school"}"#),
                (#"{"type": "Point", "coordinates": [100.1, 13.05]}"#, #"{"kind": "temple"}"#),
            ]), to: "points.geojson")
        return try folder.write(
            """
            boundaries:
              - name: cells
                path: cells.geojson
                id: code
                names: [name_th]
            inputs:
              - name: points
                type: points
                path: points.geojson
            indicators:
              - id: area_km2
                type: area
                label: {th: พื้นที่, en: Area}
              - id: places
                type: count
                input: points
                by: kind
              - id: per_km2
                type: expression
                expression: places / area_km2
            \(extra)
            output:
              folder: results
            """, to: "spec.yaml")
    }

    @Test func runWritesAllOutputsTogetherAndSummarises() throws {
        let folder = try TemporaryFolder()
        let spec = try makeSpec(in: folder)
        let result = try CommandRunner.run(["run", spec])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("cells: 2 areas"))
        #expect(result.stdout.contains("places"))
        #expect(result.stdout.contains("points on a border: 1"))
        let out = folder.url.appendingPathComponent("results").path
        #expect(
            Set(try FileManager.default.contentsOfDirectory(atPath: out))
                == ["cells.geojson", "cells.csv", "cells.gpkg", "cells.meta.json"])
        let geojson = try String(contentsOfFile: "\(out)/cells.geojson", encoding: .utf8)
        #expect(RFC7946Checker(maximumDecimals: 7).violations(in: geojson) == [])
        #expect(geojson.contains(#""places_temple":1"#))
        // The GeoPackage reads back with the same values.
        let layer = try Dataset.open("\(out)/cells.gpkg").layer(at: 0)
        #expect(try layer.feature(id: 1)?.value("places") == .integer(2))
        // A second run without --overwrite fails and changes nothing; with it, it replaces everything.
        let again = try CommandRunner.run(["run", spec])
        #expect(again.status == 1 && again.stderr.contains("--overwrite"))
        #expect(try CommandRunner.run(["run", spec, "--overwrite", "--quiet", "--no-geometry"]).status == 0)
        let bare = try String(contentsOfFile: "\(out)/cells.geojson", encoding: .utf8)
        #expect(bare.contains(#""geometry":null"#) && RFC7946Checker().violations(in: bare) == [])
    }

    @Test func resumeSkipsWhatIsUpToDateAndRedoesWhatChanged() throws {
        let folder = try TemporaryFolder()
        let spec = try makeSpec(in: folder)
        #expect(try CommandRunner.run(["run", spec, "--quiet"]).status == 0)
        let geojson = folder.path("results/cells.geojson")
        let before = try FileManager.default.attributesOfItem(atPath: geojson)[.modificationDate] as? Date
        let again = try CommandRunner.run(["run", spec, "--resume"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("cells: up to date"))
        #expect(try FileManager.default.attributesOfItem(atPath: geojson)[.modificationDate] as? Date == before)
        // A changed input makes the set stale: it is computed and written again.
        try folder.write(
            SyntheticData.featureCollection([
                (#"{"type": "Point", "coordinates": [100.05, 13.05]}"#, #"{"kind": "school"}"#)
            ]), to: "points.geojson")
        let changed = try CommandRunner.run(["run", spec, "--resume"])
        #expect(changed.status == 0, "\(changed.stderr)")
        #expect(changed.stdout.contains("cells: 2 areas"))
        #expect(try String(contentsOfFile: geojson, encoding: .utf8).contains(#""places":1"#))
    }

    @Test func aFolderOfSpecsRunsInTurnAndAFailureDoesNotStopTheOthers() throws {
        let folder = try TemporaryFolder()
        let good = try makeSpec(in: folder)
        let specs = folder.url.appendingPathComponent("specs")
        try FileManager.default.createDirectory(at: specs, withIntermediateDirectories: true)
        let text = try String(contentsOfFile: good, encoding: .utf8).replacingOccurrences(
            of: "path: ", with: "path: ../")
        try text.replacingOccurrences(of: "folder: results", with: "folder: ../results-a")
            .write(to: specs.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        try "boundaries: 3\n".write(to: specs.appendingPathComponent("b.yaml"), atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["run", specs.path, "--progress", "json"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("batch: 2 specs (1 failed)"), "\(result.stdout)")
        #expect(FileManager.default.fileExists(atPath: folder.path("results-a/cells.geojson")))
        // Progress as JSON lines on stderr, for apps that call geoplan.
        let steps = result.stderr.split(separator: "\n").filter { $0.hasPrefix("{") }
        #expect(steps.contains { $0.contains(#""command":"run""#) && $0.contains(#""step":"cells: reading "#) })
        #expect(steps.contains { $0.contains(#""step":"cells: 2/2 areas computed""#) }, "\(steps)")
        // Typed fields beside the text: programs read numbers, not prose.
        #expect(
            steps.contains {
                $0.contains(#""event":"computing_areas""#) && $0.contains(#""done":2"#) && $0.contains(#""total":2"#)
                    && $0.contains(#""boundary_set":"cells""#)
            }, "\(steps)")
    }

    @Test func outIsRelativeToTheCurrentFolder() throws {
        let folder = try TemporaryFolder()
        let spec = try makeSpec(in: folder)
        let elsewhere = try TemporaryFolder()
        let result = try CommandRunner.run(["run", spec, "--out", "mine", "--quiet"], in: elsewhere.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: elsewhere.path("mine/cells.geojson")))
    }

    @Test func checkValidatesWithoutWriting() throws {
        let folder = try TemporaryFolder()
        let spec = try makeSpec(in: folder)
        let result = try CommandRunner.run(["run", "--check", spec])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("nothing was computed or written"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("results")))
        // A field that does not exist is caught by --check, with a suggestion.
        let broken = try String(contentsOfFile: spec, encoding: .utf8).replacingOccurrences(
            of: "by: kind", with: "by: knd")
        try broken.write(toFile: spec, atomically: true, encoding: .utf8)
        let failed = try CommandRunner.run(["run", "--check", spec])
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("did you mean \"kind\""))
        #expect(failed.stderr.contains("spec.yaml:14:5:"), "\(failed.stderr)")
    }

    @Test func specErrorsNameLineAndColumn() throws {
        let folder = try TemporaryFolder()
        let spec = try makeSpec(in: folder, extra: "  - id: oops\n    type: cuont\n    input: points")
        let result = try CommandRunner.run(["run", spec])
        #expect(result.status == 1)
        #expect(result.stderr.contains("spec.yaml:22:11"), "\(result.stderr)")
        #expect(result.stderr.contains("did you mean \"count\""))
        #expect(!FileManager.default.fileExists(atPath: folder.path("results")))
    }

    @Test func oneOffCommandsUseTheSameEngine() throws {
        let folder = try TemporaryFolder()
        _ = try makeSpec(in: folder)
        let count = try CommandRunner.run([
            "count", folder.path("cells.geojson"), folder.path("points.geojson"),
            "--id", "code", "--names", "name_th", "--by", "kind",
        ])
        #expect(count.status == 0, "\(count.stderr)")
        #expect(count.stdout.contains("count_temple"))
        try folder.write(
            SyntheticData.featureCollection([
                (
                    #"{"type": "LineString", "coordinates": [[100.05, 13.05], [100.15, 13.05]]}"#,
                    #"{"class": "primary"}"#
                )
            ]), to: "roads.geojson")
        let length = try CommandRunner.run([
            "length", folder.path("cells.geojson"), folder.path("roads.geojson"),
            "--id", "code", "--by", "class", "--json",
        ])
        #expect(length.status == 0, "\(length.stderr)")
        #expect(length.stdout.contains("length_km_primary"))
        let share = try CommandRunner.run([
            "share", folder.path("cells.geojson"), folder.path("cells.geojson"),
            "--id", "code", "--by", "name_th", "--where", "code = 'A'",
        ])
        #expect(share.status == 0, "\(share.stderr)")
        // Cell A covers itself entirely and B not at all.
        #expect(share.stdout.split(separator: "\n").dropFirst().first?.hasPrefix("A  ") == true)
        #expect(share.stdout.contains("share_ก"))
        let csv = folder.path("areas.csv")
        let area = try CommandRunner.run([
            "area", folder.path("cells.geojson"), "--id", "code", "--names", "name_th", "--unit", "rai",
            "--out", csv,
        ])
        #expect(area.status == 0, "\(area.stderr)")
        let text = try String(contentsOfFile: csv, encoding: .utf8)
        // Planimeter: 119993614.2 m² per cell = 74996.01 rai.
        #expect(text.hasPrefix("code,name_th,area_rai"))
        #expect(text.contains("A,ก,74996.0"))
    }
}
