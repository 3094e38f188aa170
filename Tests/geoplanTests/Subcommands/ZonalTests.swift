import Foundation
import GeoplanTestSupport
import Testing

/// `geoplan zonal` from the command line: help with an example, a table or a file, and usage mistakes (exit 2)
/// told apart from bad input (exit 1).
@Suite struct ZonalTests {
    /// A constant 3 on 0.01° pixels over Phuket.
    func raster(in folder: TemporaryFolder) throws -> String {
        let path = folder.path("pop.tif")
        try SyntheticRaster.write(to: path, columns: 30, rows: 80, west: 98.24, north: 8.21, size: 0.01) { _, _ in 3 }
        return path
    }

    @Test func helpHasAnExample() throws {
        let result = try CommandRunner.run(["zonal", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("geoplan zonal"))
        #expect(result.stdout.contains("weighted_mean"))
    }

    @Test func printsATableAndWritesAFile() throws {
        let folder = try TemporaryFolder()
        let raster = try raster(in: folder)
        let table = try CommandRunner.run(["zonal", Fixtures.phuket, raster, "--stats", "sum,mean"])
        try #require(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("pop_sum") && table.stdout.contains("pop_covered_fraction"), "\(table.stdout)")
        #expect(table.stdout.contains("TH830101"))

        let out = folder.path("pop.csv")
        let file = try CommandRunner.run(["zonal", Fixtures.phuket, raster, "--stats", "mean,count", "--out", out])
        try #require(file.status == 0, "\(file.stderr)")
        let csv = try String(contentsOfFile: out, encoding: .utf8)
        #expect(csv.contains("pop_mean") && csv.contains("pop_count"))
        let means = csv.split(whereSeparator: \.isNewline).dropFirst().compactMap { line -> Double? in
            let header = csv.split(whereSeparator: \.isNewline)[0].split(separator: ",")
            guard let position = header.firstIndex(of: "pop_mean") else { return nil }
            return Double(line.split(separator: ",", omittingEmptySubsequences: false)[position])
        }
        #expect(means.count == 17 && means.allSatisfy { abs($0 - 3) < 1e-12 }, "\(means)")
    }

    @Test func usageMistakesExitTwo() throws {
        for arguments in [["--stats", "average"], ["--stats", "fraction"], ["--stats", "weighted_mean"],
                          ["--stats", "sum", "--coverage", "centroid"]] {
            let result = try CommandRunner.run(["zonal", Fixtures.phuket, "pop.tif"] + arguments)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
        }
    }

    @Test func aMissingRasterExitsOne() throws {
        let result = try CommandRunner.run(["zonal", Fixtures.phuket, "/nonexistent/pop.tif", "--stats", "sum"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("/nonexistent/pop.tif"), "\(result.stderr)")
    }
}
