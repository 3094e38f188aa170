import Foundation
import GDAL
import GeoplanTestSupport
import Testing

/// Errors speak the language of the front-end that received the input: `--assume-crs` on the command line,
/// `assume_crs:` in a spec; and the messages the hostile-input review found unclear say what is wrong.
@Suite struct ClearMessageTests {
    /// A CSV of polygons as WKT: GDAL reads it with no CRS.
    func boundariesWithoutCRS(_ folder: TemporaryFolder) throws -> String {
        try folder.write(
            """
            code,WKT
            A1,"POLYGON ((100.5 13.5,100.51 13.5,100.51 13.51,100.5 13.51,100.5 13.5))"
            A2,"POLYGON ((100.51 13.5,100.52 13.5,100.52 13.51,100.51 13.51,100.51 13.5))"

            """, to: "nocrs.csv")
    }

    func spec(_ folder: TemporaryFolder, boundary: String, extra: String = "") throws -> String {
        try folder.write(
            """
            boundaries:
              - name: cells
                path: \(boundary)
                id: code\(extra)
            indicators:
              - id: area
                type: area
            output:
              folder: out
              formats: [csv]
            """, to: "spec.yaml")
    }

    @Test func aMissingCRSIsAssumedInTheFrontEndsWords() throws {
        let folder = try TemporaryFolder()
        let csv = try boundariesWithoutCRS(folder)
        let run = try CommandRunner.run(["run", try spec(folder, boundary: "nocrs.csv")])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(
            run.stderr.contains("`assume_crs: EPSG:4326`") && !run.stderr.contains("--assume-crs"),
            "\(run.stderr)")
        #expect(run.stderr.contains("spec.yaml"), "\(run.stderr)")
        let measure = try CommandRunner.run(["measure", csv])
        #expect(
            measure.status == 1 && measure.stderr.contains("--assume-crs EPSG:4326")
                && !measure.stderr.contains("assume_crs") && !measure.stderr.contains("⟦"), "\(measure.stderr)")
        // And the remedy works, in each language.
        let fixed = try CommandRunner.run([
            "run",
            try spec(
                folder, boundary: "nocrs.csv",
                extra: "\n    assume_crs: EPSG:4326"), "--quiet",
        ])
        #expect(fixed.status == 0, "\(fixed.stderr)")
        #expect(try CommandRunner.run(["measure", csv, "--assume-crs", "EPSG:4326"]).status == 0)
    }

    @Test func aFilterThatSelectsNothingSaysSoInTheSpecsWords() throws {
        let folder = try TemporaryFolder()
        let shp = try folder.copyShapefile(Fixtures.phuket)
        let run = try CommandRunner.run([
            "run",
            try spec(
                folder, boundary: (shp as NSString).lastPathComponent,
                extra: "\n    where: \"ADM3_PCODE = 'none'\""),
        ])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(
            run.stderr.contains("no feature matches the filter \"ADM3_PCODE = 'none'\"")
                && run.stderr.contains("`where: …`") && !run.stderr.contains("has no features"), "\(run.stderr)")
    }

    @Test func aBadFilterIsWordedForEachFrontEnd() throws {
        let folder = try TemporaryFolder()
        let shp = try folder.copyShapefile(Fixtures.phuket)
        let cli = try CommandRunner.run(["measure", shp, "--where", "nonsense((("])
        #expect(cli.status == 1 && cli.stderr.contains("(--where)") && !cli.stderr.contains("⟦"), "\(cli.stderr)")
        let run = try CommandRunner.run([
            "run",
            try spec(
                folder, boundary: (shp as NSString).lastPathComponent,
                extra: "\n    where: \"nonsense(((\""),
        ])
        #expect(
            run.status == 1 && run.stderr.contains("`where: …`") && !run.stderr.contains("--where"),
            "\(run.stderr)")
    }

    @Test func aShapefileWithoutItsTableNamesTheMissingFile() throws {
        let folder = try TemporaryFolder()
        let shp = try folder.copyShapefile(Fixtures.phuket)
        try FileManager.default.removeItem(atPath: folder.path("phuket.dbf"))
        for command in [["info", shp], ["measure", shp], ["run", try spec(folder, boundary: "phuket.shp")]] {
            let result = try CommandRunner.run(command)
            #expect(
                result.status == 1 && result.stderr.contains("\"phuket.dbf\" is missing")
                    && !result.stderr.contains("its fields are"), "\(command[0]): \(result.stderr)")
        }
    }

    @Test func twoCRSCodesAreNotReadAsTheFirst() throws {
        let folder = try TemporaryFolder()
        let csv = try boundariesWithoutCRS(folder)
        for given in ["EPSG:4326 EPSG:3857", "4326x", "EPSG:4326,3857"] {
            let result = try CommandRunner.run(["measure", csv, "--assume-crs", given])
            #expect(result.status != 0 && result.stderr.contains("expected one code"), "\(given): \(result.stderr)")
        }
        #expect(try CommandRunner.run(["measure", csv, "--assume-crs", "4326"]).status == 0)
        #expect(try CommandRunner.run(["measure", csv, "--assume-crs", "EPSG:32647"]).status == 0)
    }

    @Test func aOneOffWritesOnlyIntoAFolderThatExists() throws {
        let folder = try TemporaryFolder()
        let out = folder.path("new/deeper/area.csv")
        let result = try CommandRunner.run(["area", Fixtures.phuket, "--out", out])
        #expect(result.status == 1 && result.stderr.contains("does not exist"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.path("new")))
    }

    @Test func geometryIsNeverSaidToBeNoGeometry() throws {
        let folder = try TemporaryFolder()
        try folder.write(
            SyntheticData.featureCollection([
                (NonFiniteCase.square(100.5, 13.5, 0.01), #"{"code": "A1"}"#),
                ("null", #"{"code": "A2"}"#),
            ]), to: "cells.geojson")
        let run = try CommandRunner.run(["run", try spec(folder, boundary: "cells.geojson")])
        #expect(
            run.status == 1 && run.stderr.contains("has no geometry")
                && !run.stderr.contains("is no geometry"), "\(run.stderr)")
    }

    @Test func longitudesBeyond180AreWrappedOnlyWhenTheSpecSays() throws {
        let folder = try TemporaryFolder()
        try folder.write(
            SyntheticData.featureCollection([
                (NonFiniteCase.square(500.5, 13.5, 0.01), #"{"code": "A1"}"#)
            ]), to: "east.geojson")
        let refused = try CommandRunner.run(["run", try spec(folder, boundary: "east.geojson")])
        #expect(
            refused.status == 1 && refused.stderr.contains("`wrap_longitudes: true`")
                && !refused.stderr.contains("--wrap-longitudes"), "\(refused.stderr)")
        let wrapped = try CommandRunner.run([
            "run",
            try spec(
                folder, boundary: "east.geojson",
                extra: "\n    wrap_longitudes: true"),
        ])
        #expect(
            wrapped.status == 0 && wrapped.stderr.contains("shifted by 360°")
                && wrapped.stderr.contains("`wrap_longitudes: true`"), "\(wrapped.stderr)")
    }

    @Test func aFeatureErrorNamesItsFileOnce() throws {
        let folder = try TemporaryFolder()
        try folder.write(
            SyntheticData.featureCollection([
                (NonFiniteCase.square(100.5, 13.5, 0.01), #"{"code": "A1"}"#),
                (NonFiniteCase.square(100.6, 13.5, 0.01), #"{"code": "A1"}"#),
            ]), to: "cells.geojson")
        let run = try CommandRunner.run(["run", try spec(folder, boundary: "cells.geojson")])
        #expect(run.status == 1 && run.stderr.contains("ids must be unique"), "\(run.stderr)")
        #expect(run.stderr.components(separatedBy: "cells.geojson").count == 2, "\(run.stderr)")
    }

    /// A file geoplan may not read is not called truncated or corrupt, and its path is said once. Root reads
    /// everything, so as root the command runs as `nobody` (runuser, from util-linux).
    @Test func anUnreadableFileIsNotCalledCorrupt() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write(
            SyntheticData.featureCollection([
                (NonFiniteCase.square(100.5, 13.5, 0.01), #"{"code": "A1"}"#)
            ]), to: "locked.geojson")
        chmod(path, 0)
        defer { chmod(path, 0o644) }
        let said: String
        if geteuid() == 0 {
            chmod(folder.url.path, 0o755)
            // A copy that `nobody` can reach whatever the checkout's folders allow.
            let binary = folder.path("geoplan")
            try FileManager.default.copyItem(atPath: CommandRunner.executable.path, toPath: binary)
            chmod(binary, 0o755)
            // The copy may be "busy" for a moment: a process another test spawns meanwhile inherits the copy's
            // write descriptor until its own exec (ETXTBSY); try again, as Go's os/exec does.
            var run = try Shell.run("runuser -u nobody -- '\(binary)' info '\(path)' 2>&1")
            for _ in 0..<20 where run.output.contains("Text file busy") {
                usleep(250_000)
                run = try Shell.run("runuser -u nobody -- '\(binary)' info '\(path)' 2>&1")
            }
            #expect(run.status == 1, "\(run.output)")
            said = run.output
        } else {
            let result = try CommandRunner.run(["info", path])
            #expect(result.status == 1, "\(result.stderr)")
            said = result.stderr
        }
        #expect(
            said.contains("Permission denied") && !said.contains("truncated or corrupt")
                && said.components(separatedBy: "locked.geojson").count == 2, "\(said)")
    }
}
