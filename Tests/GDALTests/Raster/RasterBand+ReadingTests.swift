import Foundation
import GeoplanTestSupport
import Testing

@testable import GDAL

@Suite struct RasterBandReadingTests {
    @Test func readsTheWholeRasterRowByRow() throws {
        let folder = try TemporaryFolder()
        let dataset = try RasterDataset.open(try RasterSample.write(to: folder.path("pattern.tif")))
        let values = try dataset.band(1).read(dataset.window)
        #expect(values.count == 35)
        #expect(values == RasterSample.pattern(width: 7, height: 5))
        #expect(values[1 * 7 + 2] == 12)  // row 1, column 2
    }

    @Test func readsAWindowExactly() throws {
        let folder = try TemporaryFolder()
        let band = try RasterDataset.open(try RasterSample.write(to: folder.path("pattern.tif"))).band(1)
        #expect(try band.read(RasterWindow(column: 2, row: 1, width: 3, height: 2)) == [12, 13, 14, 22, 23, 24])
        #expect(try band.read(RasterWindow(column: 6, row: 4, width: 1, height: 1)) == [46])
    }

    @Test(arguments: [
        RasterWindow(column: 10, row: 14, width: 20, height: 9),  // across four tiles
        RasterWindow(column: 0, row: 0, width: 16, height: 16),  // exactly one tile
        RasterWindow(column: 32, row: 32, width: 8, height: 5),  // the partial tiles at the edges
        RasterWindow(column: 0, row: 36, width: 40, height: 1),  // the last row
    ])
    func windowsAcrossTilesReadExactly(window: RasterWindow) throws {
        // 40 × 37 does not divide into 16 × 16 tiles: the right and bottom tiles are partial.
        let folder = try TemporaryFolder()
        let values = RasterSample.pattern(width: 40, height: 37, rowFactor: 1000)
        let path = try RasterSample.write(
            to: folder.path("tiled.tif"), width: 40, height: 37, values: values,
            options: [
                "TILED": "YES", "BLOCKXSIZE": "16", "BLOCKYSIZE": "16",
                "COMPRESS": "DEFLATE",
            ])
        let band = try RasterDataset.open(path).band(1)
        #expect(band.blockWidth == 16 && band.blockHeight == 16)
        #expect(try band.read(window) == RasterSample.cut(values, width: 40, window))
    }

    @Test func emptyWindowReadsNothing() throws {
        let folder = try TemporaryFolder()
        let band = try RasterDataset.open(try RasterSample.write(to: folder.path("pattern.tif"))).band(1)
        #expect(try band.read(RasterWindow(column: 7, row: 0, width: 0, height: 5)) == [])
        #expect(try band.readValidity(RasterWindow(column: 3, row: 3, width: 2, height: 0)) == [])
    }

    // MARK: - Validity

    @Test func noDataPixelsAreInvalid() throws {
        let folder = try TemporaryFolder()
        var values = RasterSample.pattern(width: 7, height: 5)
        values[0] = -9999
        values[2 * 7 + 3] = -9999
        let band = try RasterDataset.open(
            try RasterSample.write(to: folder.path("holes.tif"), values: values, noData: -9999)
        ).band(1)
        let window = RasterWindow(width: 7, height: 5)
        #expect(try band.read(window) == values)  // nodata pixels keep their value
        let validity = try band.readValidity(window)
        #expect(validity.count == 35)
        #expect(validity[0] == 0 && validity[2 * 7 + 3] == 0)
        #expect(validity.enumerated().allSatisfy { index, flag in [0, 17].contains(index) ? flag == 0 : flag == 255 })
        #expect(try band.readValidity(RasterWindow(column: 2, row: 2, width: 3, height: 1)) == [255, 0, 255])
    }

    @Test func notANumberPixelsAreInvalidWhenNaNIsTheNoDataValue() throws {
        let folder = try TemporaryFolder()
        let values: [Double] = [1, .nan, 3, 4]
        let band = try RasterDataset.open(
            try RasterSample.write(to: folder.path("nan.tif"), width: 4, height: 1, values: values, noData: .nan)
        )
        .band(1)
        #expect(try band.readValidity(RasterWindow(width: 4, height: 1)) == [255, 0, 255, 255])
    }

    @Test func signedByteNoDataIsInvalid() throws {
        let folder = try TemporaryFolder()
        let band = try RasterDataset.open(
            try RasterSample.write(
                to: folder.path("int8.tif"), width: 3, height: 1, type: .int8,
                values: [-1, 0, 5], noData: -1)
        ).band(1)
        // GDAL 3.6 alone would call every pixel valid: −1 is out of range for the Byte band it sees.
        #expect(band.maskFlags == .noData)
        #expect(try band.readValidity(RasterWindow(width: 3, height: 1)) == [0, 255, 255])
    }

    @Test func everyPixelIsValidWithoutAMask() throws {
        let folder = try TemporaryFolder()
        let band = try RasterDataset.open(try RasterSample.write(to: folder.path("plain.tif"))).band(1)
        #expect(try band.readValidity(RasterWindow(width: 7, height: 5)) == [UInt8](repeating: 255, count: 35))
    }

    // MARK: - Bad windows and bad files

    @Test(arguments: [
        RasterWindow(column: 5, row: 0, width: 3, height: 1),  // one column too far right
        RasterWindow(column: 0, row: 4, width: 1, height: 2),  // one row too far down
        RasterWindow(column: -1, row: 0, width: 2, height: 2),  // starts left of the raster
        RasterWindow(column: 100, row: 100, width: 1, height: 1),  // wholly outside
        RasterWindow(column: 0, row: 0, width: Int.max, height: 1),  // would overflow a careless check
    ])
    func windowOutsideTheRasterIsRefused(window: RasterWindow) throws {
        let folder = try TemporaryFolder()
        let path = try RasterSample.write(to: folder.path("small.tif"))
        let band = try RasterDataset.open(path).band(1)
        let expected = GDALError.windowOutsideRaster(path: path, window: window, width: 7, height: 5)
        #expect(throws: expected) { try band.read(window) }
        #expect(throws: expected) { try band.readValidity(window) }
        #expect("\(expected)".contains("small.tif") && "\(expected)".contains("7 columns × 5 rows"))
        #expect("\(expected)".contains("clamped(to: dataset)"))
    }

    @Test func negativeSizeIsRefused() throws {
        let folder = try TemporaryFolder()
        let path = try RasterSample.write(to: folder.path("small.tif"))
        let band = try RasterDataset.open(path).band(1)
        let window = RasterWindow(column: 1, row: 1, width: -2, height: 1)
        let error = #expect(throws: GDALError.self) { try band.read(window) }
        #expect("\(error!)".contains("negative size"))
    }

    @Test func clampedWindowReadsTheInsidePart() throws {
        let folder = try TemporaryFolder()
        let dataset = try RasterDataset.open(try RasterSample.write(to: folder.path("pattern.tif")))
        let window = try #require(RasterWindow(column: 5, row: 3, width: 10, height: 10).clamped(to: dataset))
        #expect(try dataset.band(1).read(window) == [35, 36, 45, 46])
    }

    @Test func readErrorNamesTheFileBandAndRows() throws {
        // A tiled GeoTIFF cut short: GDAL opens it (its directory comes first) but cannot read the last tiles.
        let folder = try TemporaryFolder()
        let values = RasterSample.pattern(width: 64, height: 64, rowFactor: 100)
        let path = try RasterSample.write(
            to: folder.path("cut.tif"), width: 64, height: 64, values: values,
            options: ["TILED": "YES", "BLOCKXSIZE": "16", "BLOCKYSIZE": "16"])
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: path))
        let band = try RasterDataset.open(path).band(1)
        let window = RasterWindow(column: 0, row: 48, width: 64, height: 16)
        let error = #expect(throws: GDALError.self) { try band.read(window) }
        guard case let .library(function, message, context)? = error else {
            Issue.record("expected a library error, got \(String(describing: error))")
            return
        }
        #expect(function == "GDALRasterIOEx")
        #expect(!message.isEmpty)
        #expect(context == "reading band 1 of \"\(path)\", rows 48–63, columns 0–63")
        // The failure leaves no stale error behind: reading the intact first tile succeeds.
        let first = RasterWindow(column: 0, row: 0, width: 16, height: 16)
        #expect(try band.read(first) == RasterSample.cut(values, width: 64, first))
    }
}
