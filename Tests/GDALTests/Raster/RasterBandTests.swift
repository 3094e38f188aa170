import Foundation
import GeoplanTestSupport
import Testing

@testable import GDAL

@Suite struct RasterBandTests {
    // MARK: - Types

    @Test(arguments: [
        RasterDataType.byte, .int8, .uint16, .int16, .uint32, .int32, .uint64, .int64, .float32,
        .float64,
    ])
    func everyTypeRoundTripsItsValuesAndNoData(type: RasterDataType) throws {
        let folder = try TemporaryFolder()
        let values = RasterSample.pattern(width: 7, height: 5)  // 0…46 fit every type
        let path = try RasterSample.write(to: folder.path("\(type).tif"), type: type, values: values, noData: 7)
        let band = try RasterDataset.open(path).band(1)
        #expect(band.dataType == type)
        #expect(try band.read(RasterWindow(width: 7, height: 5)) == values)
        #expect(band.noDataValue == 7)
    }

    @Test func signedBytesKeepTheirSign() throws {
        // GDAL 3.6 has no Int8 type: GeoTIFF stores signed bytes as Byte with PIXELTYPE=SIGNEDBYTE, and GDAL
        // reads 255 for −1 unless the wrapper converts. Out-of-range values are clamped.
        let folder = try TemporaryFolder()
        let values: [Double] = [-128, -1, 0, 1, 127, -300, 300, -0.6]
        let path = try RasterSample.write(
            to: folder.path("int8.tif"), width: 8, height: 1, type: .int8,
            values: values, noData: -1)
        let band = try RasterDataset.open(path).band(1)
        #expect(band.dataType == .int8)
        #expect(try band.read(RasterWindow(width: 8, height: 1)) == [-128, -1, 0, 1, 127, -128, 127, -1])
        #expect(band.noDataValue == -1)
    }

    @Test func complexTypesAreNamed() throws {
        let folder = try TemporaryFolder()
        let created = try RasterDataset.create(
            folder.path("complex.tif"), width: 2, height: 2, bands: 1,
            type: .other("CFloat32"))
        #expect(try created.band(1).dataType == .other("CFloat32"))
    }

    // MARK: - Blocks

    @Test func tiledGeoTIFFReportsItsBlockSize() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("tiled.tif")
        let created = try RasterDataset.create(
            path, width: 600, height: 300, bands: 1, type: .float32,
            options: ["TILED": "YES", "BLOCKXSIZE": "256", "BLOCKYSIZE": "256"])
        try created.close()
        let band = try RasterDataset.open(path).band(1)
        #expect(band.blockWidth == 256 && band.blockHeight == 256)
    }

    @Test func stripedGeoTIFFHasWholeRowBlocks() throws {
        let folder = try TemporaryFolder()
        let band = try RasterDataset.open(try RasterSample.write(to: folder.path("striped.tif"))).band(1)
        #expect(band.blockWidth == 7 && band.blockHeight >= 1)
    }

    // MARK: - Nodata, scale, offset, mask flags

    @Test func bandWithoutNoDataHasNoMask() throws {
        let folder = try TemporaryFolder()
        let band = try RasterDataset.open(try RasterSample.write(to: folder.path("plain.tif"))).band(1)
        #expect(band.noDataValue == nil)
        #expect(band.maskFlags == .allValid)
        #expect(band.scale == 1 && band.offset == 0)
    }

    @Test func noDataValueMakesANoDataMask() throws {
        let folder = try TemporaryFolder()
        let band = try RasterDataset.open(try RasterSample.write(to: folder.path("nodata.tif"), noData: -9999))
            .band(1)
        #expect(band.noDataValue == -9999)
        #expect(band.maskFlags == .noData)
    }

    @Test func noDataCanBeRemoved() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("removed.tif")
        let dataset = try RasterDataset.create(path, width: 2, height: 2, bands: 1, type: .int16)
        let band = try dataset.band(1)
        try band.setNoDataValue(-1)
        #expect(band.noDataValue == -1)
        try band.setNoDataValue(nil)
        #expect(band.noDataValue == nil)
        try dataset.close()
        #expect(try RasterDataset.open(path).band(1).noDataValue == nil)
    }

    @Test func notANumberCanBeTheNoDataValue() throws {
        let folder = try TemporaryFolder()
        let band = try RasterDataset.open(try RasterSample.write(to: folder.path("nan.tif"), noData: .nan)).band(1)
        #expect(band.noDataValue?.isNaN == true)
    }

    @Test func largeInt64NoDataIsExact() throws {
        // 2⁶² − 1 has no Double; 2⁶² does, and goes through GDAL's Int64 setter and getter unchanged.
        let folder = try TemporaryFolder()
        let noData = Double(Int64(1) << 62)
        let band = try RasterDataset.open(
            try RasterSample.write(to: folder.path("int64.tif"), type: .int64, noData: noData)
        ).band(1)
        #expect(band.noDataValue == noData)
    }

    @Test func scaleAndOffsetRoundTripAndAreNotAppliedToReads() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("scaled.tif")
        let dataset = try RasterDataset.create(path, width: 7, height: 5, bands: 1, type: .int16)
        let band = try dataset.band(1)
        try band.write(RasterSample.pattern(width: 7, height: 5), to: dataset.window)
        try band.setScale(0.5)
        try band.setOffset(-10)
        try dataset.close()
        let reopened = try RasterDataset.open(path).band(1)
        #expect(reopened.scale == 0.5 && reopened.offset == -10)
        #expect(try reopened.read(RasterWindow(width: 7, height: 5)) == RasterSample.pattern(width: 7, height: 5))
    }

    @Test func alphaBandIsThePerDatasetMaskOfTheOthers() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("alpha.tif")
        let dataset = try RasterDataset.create(
            path, width: 3, height: 2, bands: 2, type: .byte,
            options: ["ALPHA": "YES"])
        try dataset.band(1).write([1, 2, 3, 4, 5, 6], to: dataset.window)
        try dataset.band(2).write([0, 255, 128, 255, 0, 1], to: dataset.window)
        try dataset.close()
        let gray = try RasterDataset.open(path).band(1)
        #expect(gray.maskFlags == [.alpha, .perDataset])
        #expect(try gray.readValidity(RasterWindow(width: 3, height: 2)) == [0, 255, 128, 255, 0, 1])
    }
}
