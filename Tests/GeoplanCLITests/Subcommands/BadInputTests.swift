import Foundation
import GDAL
import GeoplanTestSupport
import Testing

/// Every bad input gives one clear line on stderr, exit status 1 (2 for usage), no crash, and no output left.
@Suite struct BadInputTests {
    /// Runs geoplan and checks a one-line error that mentions every `needle`.
    func expectError(
        _ arguments: [String], mentions needles: [String], status: Int32 = 1,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let result = try CommandRunner.run(arguments)
        #expect(
            result.status == status, "stdout: \(result.stdout) stderr: \(result.stderr)",
            sourceLocation: sourceLocation)
        let errorLines = result.stderr.split(separator: "\n").filter { $0.hasPrefix("error:") }
        #expect(errorLines.count == 1, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
        for needle in needles {
            #expect(
                result.stderr.contains(needle), "\"\(needle)\" not in: \(result.stderr)",
                sourceLocation: sourceLocation)
        }
    }

    @Test func missingPath() throws {
        try expectError(["info", "/nonexistent/tambons.shp"], mentions: ["/nonexistent/tambons.shp", "no such file"])
    }

    @Test func folderWithoutData() throws {
        let folder = try TemporaryFolder()
        try folder.write("hello", to: "readme.txt")
        try expectError(["info", folder.url.path], mentions: [folder.url.path, "folder"])
    }

    @Test func fileNoDriverCanOpen() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write([0x89, 0x50, 0x00, 0x01, 0xFE], to: "mystery.dat")
        try expectError(["info", path], mentions: ["mystery.dat", "no GDAL driver"])
    }

    @Test func truncatedShapefile() throws {
        let folder = try TemporaryFolder()
        let shp = try folder.copyShapefile(Fixtures.phuket)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: shp))
        try bytes.prefix(bytes.count / 3).write(to: URL(fileURLWithPath: shp))
        try expectError(["info", shp], mentions: ["phuket.shp"])
        try expectError(["convert", shp, folder.path("out.geojson")], mentions: ["phuket.shp"])
        #expect(!folder.contents().contains { $0.hasPrefix("out") || $0.hasPrefix(".geoplan") })
    }

    @Test func truncatedGeoJSON() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write(String(SyntheticData.points.prefix(60)), to: "cut.geojson")
        try expectError(["validate", path], mentions: ["cut.geojson"])
    }

    @Test func unknownLayerListsTheLayers() throws {
        try expectError(
            ["info", Fixtures.phuket, "--layer", "tambons"], mentions: ["no layer \"tambons\"", "\"phuket\""])
    }

    @Test func layerWithoutCRSIsNotMeasuredOrTransformed() throws {
        let folder = try TemporaryFolder()
        let csv = try folder.write(SyntheticData.csvWithoutCRS, to: "nocrs.csv")
        try expectError(["measure", csv], mentions: ["no coordinate reference system", "--assume-crs"])
        try expectError(["convert", csv, folder.path("out.geojson")], mentions: ["--assume-crs"])
        #expect(folder.contents() == ["nocrs.csv"])
        // Told the CRS, both work.
        let measured = try CommandRunner.run(["measure", csv, "--assume-crs", "EPSG:4326", "--json"])
        #expect(measured.status == 0, "\(measured.stderr)")
    }

    @Test func emptyLayer() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write(SyntheticData.featureCollection([]), to: "empty.geojson")
        try expectError(["measure", path], mentions: ["empty.geojson", "no features"])
        let info = try CommandRunner.run(["info", path])
        #expect(info.status == 0)
        #expect(info.stderr.contains("no features"))
    }

    @Test func pointsWhereAreasAreNeeded() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write(SyntheticData.points, to: "points.geojson")
        try expectError(["measure", path], mentions: ["points.geojson", "feature 0", "Point", "polygon or a line"])
    }

    @Test func mixedGeometryTypes() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write(SyntheticData.mixedTypes, to: "mixed.geojson")
        try expectError(["convert", path, folder.path("mixed.shp")], mentions: ["mixed.geojson"])
        try expectError(["measure", path], mentions: ["mixed.geojson"])
        #expect(folder.contents() == ["mixed.geojson"])
    }

    @Test func zAndMCoordinatesAreKeptWhereTheFormatCanAndMeasuredIn2D() throws {
        let folder = try TemporaryFolder()
        let csv = try folder.write(SyntheticData.csvWithZM, to: "zm.csv")
        // GeoJSON (RFC 7946) keeps Z as a third position value but has no M: dropped, with a warning.
        let geojson = try CommandRunner.run(["convert", csv, folder.path("zm.geojson"), "--assume-crs", "EPSG:4326"])
        #expect(geojson.status == 0, "\(geojson.stderr)")
        #expect(geojson.stderr.contains("no M values; they were dropped"))
        let text = try String(contentsOfFile: folder.path("zm.geojson"), encoding: .utf8)
        #expect(RFC7946Checker().violations(in: text) == [])
        #expect(text.contains("13.7,5.0]"))
        // GeoPackage keeps both.
        #expect(
            try CommandRunner.run(["convert", csv, folder.path("zm.gpkg"), "--assume-crs", "EPSG:4326"]).status == 0)
        let kept = try #require(try Dataset.open(folder.path("zm.gpkg")).layer(at: 0).feature(id: 1)?.geometry?.type)
        #expect(kept.hasZ && kept.hasM)
        // Measures use x/y only: the triangle's geodesic area, whatever its Z and M.
        let flat = try folder.write(
            "WKT,code\n\"POLYGON ((100.5 13.7,100.51 13.7,100.51 13.71,100.5 13.7))\",A\n",
            to: "flat.csv")
        let a = try CommandRunner.run(["measure", csv, "--assume-crs", "EPSG:4326", "--csv"])
        let b = try CommandRunner.run(["measure", flat, "--assume-crs", "EPSG:4326", "--csv"])
        #expect(a.status == 0 && b.status == 0)
        #expect(
            a.stdout.split(separator: "\n").last?.split(separator: ",").dropFirst(2)
                == b.stdout.split(separator: "\n").last?.split(separator: ",").dropFirst(2))
    }

    @Test func textThatIsNotUTF8WithoutDeclaredEncoding() throws {
        let folder = try TemporaryFolder()
        // "นนทบุรี" in TIS-620 (iconv -f UTF-8 -t TIS-620), in a CSV, which declares no encoding.
        let name: [UInt8] = [0xB9, 0xB9, 0xB7, 0xBA, 0xD8, 0xC3, 0xD5]
        let csv = try folder.write(Array("id,name\n1,".utf8) + name + Array("\n".utf8), to: "names.csv")
        try expectError(
            ["convert", csv, folder.path("out.gpkg")],
            mentions: ["names.csv", "feature 1", "\"name\"", "--encoding"])
        #expect(folder.contents() == ["names.csv"])
        let fixed = try CommandRunner.run(["convert", csv, folder.path("out.gpkg"), "--encoding", "CP874"])
        #expect(fixed.status == 0, "\(fixed.stderr)")
    }

    @Test func outputFolderMissing() throws {
        try expectError(
            ["convert", Fixtures.phuket, "/nonexistent/folder/out.geojson"],
            mentions: ["/nonexistent/folder/out.geojson", "does not exist"])
    }

    @Test func outputExistsIsKeptUnlessOverwrite() throws {
        let folder = try TemporaryFolder()
        let out = try folder.write("earlier output", to: "out.geojson")
        try expectError(["convert", Fixtures.phuket, out], mentions: ["out.geojson", "--overwrite"])
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "earlier output")
        let replaced = try CommandRunner.run(["convert", Fixtures.phuket, out, "--overwrite"])
        #expect(replaced.status == 0)
        #expect(try String(contentsOfFile: out, encoding: .utf8).contains("FeatureCollection"))
    }

    @Test func failedRunNeverDestroysAnEarlierOutput() throws {
        let folder = try TemporaryFolder()
        let out = try folder.write("earlier output", to: "out.gpkg")
        let csv = try folder.write(SyntheticData.csvWithoutCRS, to: "nocrs.csv")
        // Fails while writing (a CRS is needed for --to-crs): the earlier file stays as it was.
        try expectError(["convert", csv, out, "--overwrite", "--to-crs", "EPSG:32647"], mentions: ["--assume-crs"])
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "earlier output")
        #expect(folder.contents() == ["nocrs.csv", "out.gpkg"])
    }

    @Test func inputAndOutputAreTheSameFile() throws {
        let folder = try TemporaryFolder()
        let shp = try folder.copyShapefile(Fixtures.phuket)
        try expectError(["convert", shp, shp, "--overwrite"], mentions: ["is the input"])
        try expectError(["validate", shp, "--fix", shp, "--overwrite"], mentions: ["is the input"])
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: shp)) == Data(contentsOf: URL(fileURLWithPath: Fixtures.phuket)))
    }

    @Test func unknownOptionIsAUsageError() throws {
        let result = try CommandRunner.run(["info", Fixtures.phuket, "--frobnicate"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--frobnicate"))
    }
}
