import Foundation
import GeoplanTestSupport
import Testing

/// `--resume` knows when an input behind GDAL's virtual file systems or a folder changed, and `merge` takes only
/// the parts their runs wrote.
@Suite struct ResumeAndMergeTrustTests {
    func cells(west: Double) -> String {
        SyntheticData.featureCollection(
            ["A1", "A2"].enumerated().map { index, code in
                (NonFiniteCase.square(west + Double(index) * 0.01, 13.5, 0.01), #"{"code": "\#(code)"}"#)
            })
    }

    func spec(_ folder: TemporaryFolder, boundary: String) throws -> String {
        try folder.write(
            """
            boundaries:
              - name: cells
                path: \(boundary)
                id: code
            indicators:
              - id: area
                type: area
            output:
              folder: out
              formats: [csv]
            """, to: "spec.yaml")
    }

    /// A zip written by GDAL itself (no zip tool needed): `ogr2ogr` into `/vsizip/`.
    func zip(_ folder: TemporaryFolder, west: Double) throws {
        let source = try folder.write(cells(west: west), to: "source-\(west).geojson")
        try? FileManager.default.removeItem(atPath: folder.path("cells.zip"))
        let made = try Shell.run("ogr2ogr -f GeoJSON /vsizip/\(folder.path("cells.zip"))/cells.geojson \(source)")
        #expect(made.status == 0, "\(made.output)")
    }

    @Test func aReplacedArchiveIsNoLongerUpToDate() throws {
        let folder = try TemporaryFolder()
        try zip(folder, west: 100.5)
        let spec = try spec(folder, boundary: "/vsizip/\(folder.path("cells.zip"))/cells.geojson")
        let first = try CommandRunner.run(["run", spec, "--quiet"])
        #expect(first.status == 0, "\(first.stderr)")
        let meta = try String(contentsOfFile: folder.path("out/cells.meta.json"), encoding: .utf8)
        #expect(!meta.contains("\"bytes\" : 0"), "\(meta)")
        #expect(try CommandRunner.run(["run", spec, "--resume"]).stdout.contains("cells: up to date"))
        // Another province in the same archive name: the values must be computed again.
        try zip(folder, west: 99.0)
        let again = try CommandRunner.run(["run", spec, "--resume"])
        #expect(again.status == 0 && !again.stdout.contains("up to date"), "\(again.stdout) \(again.stderr)")
    }

    /// A folder of shapefiles as the boundaries (GDAL reads each shapefile in it as a layer).
    @Test func aChangedFileInAFolderInputIsNoLongerUpToDate() throws {
        let folder = try TemporaryFolder()
        let layers = folder.path("layers")
        try FileManager.default.createDirectory(atPath: layers, withIntermediateDirectories: true)
        func place(_ shapefile: String) throws {
            let stem = (shapefile as NSString).deletingPathExtension
            for ext in ["shp", "shx", "dbf", "prj", "cpg"]
            where FileManager.default.fileExists(atPath: "\(stem).\(ext)") {
                let target = "\(layers)/tambons.\(ext)"
                try? FileManager.default.removeItem(atPath: target)
                try FileManager.default.copyItem(atPath: "\(stem).\(ext)", toPath: target)
            }
        }
        try place(Fixtures.phuket)
        let spec = try folder.write(
            """
            boundaries:
              - name: cells
                path: layers
                id: ADM3_PCODE
            indicators:
              - id: area
                type: area
            output:
              folder: out
              formats: [csv]
            """, to: "spec.yaml")
        let first = try CommandRunner.run(["run", spec, "--quiet"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(try CommandRunner.run(["run", spec, "--resume"]).stdout.contains("cells: up to date"))
        // Another province's tambons under the same names: the record's fingerprint of the folder differs.
        try place(Fixtures.nonthaburi)
        let again = try CommandRunner.run(["run", spec, "--resume"])
        #expect(again.status == 0 && !again.stdout.contains("up to date"), "\(again.stdout) \(again.stderr)")
    }

    @Test func mergeRefusesAPartEditedAfterItsRun() throws {
        let folder = try TemporaryFolder()
        try folder.write(cells(west: 100.5), to: "cells.geojson")
        let spec = try spec(folder, boundary: "cells.geojson")
        for part in 1...2 {
            let result = try CommandRunner.run([
                "run", spec, "--quiet", "--partition", "\(part)/2", "--out",
                folder.path("part-\(part)"),
            ])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let parts = [folder.path("part-1/cells.csv"), folder.path("part-2/cells.csv")]
        // The untouched parts merge.
        #expect(try CommandRunner.run(["merge", folder.path("merged/cells.csv")] + parts).status == 0)
        // A code edited in part 1 (same length, same row count): refused, nothing written.
        let original = try String(contentsOfFile: parts[0], encoding: .utf8)
        let edited = original.replacingOccurrences(of: "\nA", with: "\nZ")
        #expect(edited != original)
        try edited.write(toFile: parts[0], atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["merge", folder.path("again/cells.csv")] + parts)
        #expect(result.status == 1 && result.stderr.contains("changed after geoplan wrote it"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.path("again/cells.csv")))
    }
}
