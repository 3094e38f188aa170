import Foundation
import GeoplanTestSupport
import Testing

/// `geoplan zonal` over virtual rasters far larger than memory (VRTs of a few hundred bytes with no sources: every
/// pixel reads 0, and the band's offset makes it 3): memory stays bounded whatever the grid's size, an area too
/// big for the grid gets a clear error naming it and the limit, and never a crash.
@Suite struct ZonalHugeRasterTests {
    /// A VRT of `size` × `size` pixels of `pixel`° from (100° E, 13.34° N), EPSG:4326, every pixel 3.
    private func constantRaster(_ folder: TemporaryFolder, size: Int, pixel: Double) throws -> String {
        try folder.write(
            """
            <VRTDataset rasterXSize="\(size)" rasterYSize="\(size)">
              <SRS>EPSG:4326</SRS>
              <GeoTransform>100.0, \(pixel), 0, 13.34, 0, -\(pixel)</GeoTransform>
              <VRTRasterBand dataType="Float32" band="1">
                <Offset>3</Offset>
              </VRTRasterBand>
            </VRTDataset>
            """, to: "huge.vrt")
    }

    /// Polygons as (code, ring of lon/lat pairs).
    private func areas(_ folder: TemporaryFolder, _ polygons: [(String, [(Double, Double)])]) throws -> String {
        try folder.write(
            SyntheticData.featureCollection(
                polygons.map { code, ring in
                    let coordinates = (ring + [ring[0]]).map { "[\($0.0), \($0.1)]" }.joined(separator: ", ")
                    return (#"{"type": "Polygon", "coordinates": [[\#(coordinates)]]}"#, #"{"code": "\#(code)"}"#)
                }), to: "areas.geojson")
    }

    /// The CSV's rows by code: column name → value (nil when empty).
    private func table(_ path: String) throws -> [String: [String: Double?]] {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(whereSeparator: \.isNewline)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        var rows: [String: [String: Double?]] = [:]
        for line in lines.dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            rows[cells[0]] = Dictionary(uniqueKeysWithValues: zip(header, cells).map { ($0, Double($1)) })
        }
        return rows
    }

    /// The reproducer of issue 14: 2,000,000,000 × 2,000,000,000 pixels of 1.7e-10° (the whole VRT is ~300
    /// bytes) under a 1e-8° square. Before, "failed to allocate 288895760416 bytes" and SIGABRT; now count is the
    /// square's area in pixels, (1e-8 / 1.7e-10)², within 1e-6 (its corners sit at pixel numbers ~1e9, which
    /// carry ~1e-7 pixel of rounding), sum 3 × count, mean 3 within 1e-9, median 3, fully covered; peak memory
    /// under 300 MB.
    @Test func aSmallAreaOnATwoBillionSquareGridIsSummarised() throws {
        let folder = try TemporaryFolder()
        let raster = try constantRaster(folder, size: 2_000_000_000, pixel: 1.7e-10)
        let (west, south, side) = (100.1, 13.1, 1e-8)
        let boundaries = try areas(
            folder,
            [
                (
                    "S",
                    [
                        (west, south), (west + side, south), (west + side, south + side),
                        (west, south + side),
                    ]
                )
            ])
        let out = folder.path("out.csv")
        let result = try CommandRunner.run([
            "zonal", boundaries, raster, "--stats", "count,sum,mean,median",
            "--id", "code", "--out", out,
        ])
        try #require(result.status == 0, "\(result.stderr)")
        let row = try #require(try table(out)["S"])
        let pixels = (side / 1.7e-10) * (side / 1.7e-10)
        let count = try #require(row["huge_count"] ?? nil)
        #expect(abs(count / pixels - 1) < 1e-6, "count \(count) vs \(pixels)")
        #expect(abs(try #require(row["huge_sum"] ?? nil) / (3 * pixels) - 1) < 1e-6)
        #expect(abs(try #require(row["huge_mean"] ?? nil) - 3) < 1e-9)  // Σ c·3 / Σ c, rounded
        #expect(row["huge_median"] == 3)
        #expect(abs(try #require(row["huge_covered_fraction"] ?? nil) - 1) < 1e-6)
        #expect(
            !Sanitizer.memoryIsMeasurable || result.maxResidentKilobytes < 300_000,
            "peak \(result.maxResidentKilobytes / 1000) MB")
    }

    /// An area over most of the same grid (~3e18 pixels) cannot be summarised in any sane time: exit 1 with an
    /// error naming the raster, the area and the limit, at once (no allocation, no sweep), and no output file.
    @Test func anAreaOverMostOfTheGridIsRefusedNamingTheLimit() throws {
        let folder = try TemporaryFolder()
        let raster = try constantRaster(folder, size: 2_000_000_000, pixel: 1.7e-10)
        let boundaries = try areas(
            folder,
            [
                ("SMALL", [(100.1, 13.1), (100.1 + 1e-8, 13.1), (100.1 + 1e-8, 13.1 + 1e-8), (100.1, 13.1 + 1e-8)]),
                ("BIG", [(100.0, 13.0), (100.3, 13.0), (100.3, 13.3), (100.0, 13.3)]),
            ])
        let out = folder.path("out.csv")
        let started = Date()
        let result = try CommandRunner.run([
            "zonal", boundaries, raster, "--stats", "sum", "--id", "code",
            "--out", out,
        ])
        #expect(result.status == 1, "\(result.stderr)")
        for words in ["huge.vrt", "area \"BIG\"", "limit", "gdalwarp -tr"] {
            #expect(result.stderr.contains(words), "\(words): \(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(Date().timeIntervalSince(started) < 60)
    }

    /// A 200,000 × 200,000 grid (4e10 pixels of 2e-6°) under a band 100 pixels wide running diagonally across
    /// 100,000 × 100,000 of them: the old whole-width strips held 100,000 × 256 doubles several times over
    /// (~300 MB); tiles hold ~10 MB. Peak memory under 160 MB (the process alone is ~75 MB); count equals the
    /// band's area in pixels (a parallelogram: 100 × 100,000) within 1e-9, mean 3 within 1e-9.
    /// Not under a sanitizer (`Sanitizer`): it measures memory, and takes minutes there.
    @Test(.enabled(if: Sanitizer.memoryIsMeasurable)) func aDiagonalBandOverAHugeGridKeepsMemoryBounded() throws {
        let folder = try TemporaryFolder()
        let pixel = 2e-6
        let raster = try constantRaster(folder, size: 200_000, pixel: pixel)
        // Pixel (c, r) lies at lon 100 + c·pixel, lat 13.34 − r·pixel; the band from row 10,000 to 110,000.
        func point(_ column: Double, _ row: Double) -> (Double, Double) { (100 + column * pixel, 13.34 - row * pixel) }
        let boundaries = try areas(
            folder,
            [
                (
                    "D",
                    [
                        point(10_000, 10_000), point(10_100, 10_000),
                        point(110_100, 110_000), point(110_000, 110_000),
                    ]
                )
            ])
        let out = folder.path("out.csv")
        let result = try CommandRunner.run([
            "zonal", boundaries, raster, "--stats", "count,mean", "--id", "code",
            "--out", out,
        ])
        try #require(result.status == 0, "\(result.stderr)")
        let row = try #require(try table(out)["D"])
        let count = try #require(row["huge_count"] ?? nil)
        #expect(abs(count / 10_000_000 - 1) < 1e-9, "count \(count)")
        #expect(abs(try #require(row["huge_mean"] ?? nil) - 3) < 1e-9)
        #expect(
            !Sanitizer.memoryIsMeasurable || result.maxResidentKilobytes < 160_000,
            "peak \(result.maxResidentKilobytes / 1000) MB")
        print("diagonal band over 200,000² pixels: peak \(result.maxResidentKilobytes) kB")
    }
}
