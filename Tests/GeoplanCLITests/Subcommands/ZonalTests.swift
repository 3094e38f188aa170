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
        for arguments in [
            ["--stats", "average"], ["--stats", "fraction"], ["--stats", "weighted_mean"],
            ["--stats", "sum", "--coverage", "centroid"],
        ] {
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

/// A 20,000 × 20,000 raster (400 million pixels, 3.2 GB as doubles) summarised over every shipped tambon with
/// peak memory far under 1 GB: only the windows under the areas are read, a strip of rows at a time.
@Suite struct ZonalLargeRasterTests {
    @Test func aRasterLargerThanMemorySummarisesInBoundedMemory() throws {
        let folder = try TemporaryFolder()
        let raster = folder.path("big.tif")
        // Over the four provinces' joint box: 98.2–100.7 E, 7.4–14.3 N.
        try SyntheticRaster.writeRepeatingStrip(
            to: raster, columns: 20_000, rows: 20_000, west: 98.2, north: 14.3,
            pixelWidth: 2.5 / 20_000, pixelHeight: 6.9 / 20_000
        ) { c, r in
            Double((c / 100 + r / 32) % 7)
        }
        let boundaries = [
            Fixtures.phuket, Fixtures.nonthaburi, Fixtures.nakhonPathom,
            Fixtures.shape("tambons/samut-songkhram/samut-songkhram.shp"),
        ]
        let spec = try folder.write(
            """
            boundaries:
            \(boundaries.enumerated().map { "  - {name: set\($0.offset), path: \($0.element), id: ADM3_PCODE}" }.joined(separator: "\n"))
            inputs:
              - {name: big, type: raster, path: \(raster)}
            indicators:
              - {id: v, type: zonal, input: big, stats: [count, mean, majority]}
            output:
              folder: out
              formats: [csv]
            """, to: "spec.yaml")
        let result = try CommandRunner.run(["run", spec, "--quiet"])
        try #require(result.status == 0, "\(result.stderr)")
        let csv = try String(contentsOfFile: folder.path("out/set1.csv"), encoding: .utf8)
        #expect(csv.split(whereSeparator: \.isNewline).count > 40)  // Nonthaburi's tambons, each with values
        guard FileManager.default.fileExists(atPath: "/proc/self/status") else { return }  // peaks need Linux /proc
        // Sampled: at least the runtime's floor (~75 MB), so a missed sample cannot pass for a small peak.
        #expect(result.maxResidentKilobytes > 30_000, "peak \(result.maxResidentKilobytes / 1000) MB")
        #expect(
            !Sanitizer.memoryIsMeasurable || result.maxResidentKilobytes < 1_000_000,
            "peak \(result.maxResidentKilobytes / 1000) MB")
    }
}
