import Foundation
import GeoplanTestSupport
import Testing

@testable import GDAL

@Suite struct RasterBandWritingTests {
    @Test func windowsWrittenSeparatelyReadBackAsOne() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("pieces.tif")
        let dataset = try RasterDataset.create(path, width: 7, height: 5, bands: 1, type: .float64)
        let band = try dataset.band(1)
        let values = RasterSample.pattern(width: 7, height: 5)
        let top = RasterWindow(column: 0, row: 0, width: 7, height: 2)
        let bottom = RasterWindow(column: 0, row: 2, width: 7, height: 3)
        try band.write(RasterSample.cut(values, width: 7, bottom), to: bottom)
        try band.write(RasterSample.cut(values, width: 7, top), to: top)
        #expect(try band.read(dataset.window) == values)  // through GDAL's cache, before closing
        try dataset.close()
        #expect(try RasterDataset.open(path).band(1).read(dataset.window) == values)
    }

    @Test func integerTypesRoundAndClamp() throws {
        let folder = try TemporaryFolder()
        let path = try RasterSample.write(
            to: folder.path("bytes.tif"), width: 4, height: 1, type: .byte,
            values: [-5, 2.4, 2.6, 300])
        #expect(try RasterDataset.open(path).band(1).read(RasterWindow(width: 4, height: 1)) == [0, 2, 3, 255])
    }

    @Test func wrongNumberOfValuesIsRefused() throws {
        let folder = try TemporaryFolder()
        let dataset = try RasterDataset.create(folder.path("out.tif"), width: 2, height: 2, bands: 1, type: .byte)
        #expect {
            try dataset.band(1).write([1, 2, 3], to: dataset.window)
        } throws: { error in
            "\(error)".contains("3 values given for a window of 2 × 2 = 4 pixels") && "\(error)".contains("out.tif")
        }
    }

    @Test func windowOutsideIsRefused() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("out.tif")
        let dataset = try RasterDataset.create(path, width: 2, height: 2, bands: 1, type: .byte)
        let window = RasterWindow(column: 1, row: 1, width: 2, height: 1)
        #expect(throws: GDALError.windowOutsideRaster(path: path, window: window, width: 2, height: 2)) {
            try dataset.band(1).write([1, 2], to: window)
        }
    }

    @Test func openedRastersAreNeverChanged() throws {
        // GDAL would accept these on a read-only GeoTIFF and write them to "input.tif.aux.xml"; we refuse.
        let folder = try TemporaryFolder()
        let path = try RasterSample.write(to: folder.path("input.tif"))
        let band = try RasterDataset.open(path).band(1)
        let attempts: [(String, () throws -> Void)] = [
            ("write", { try band.write([1], to: RasterWindow(width: 1, height: 1)) }),
            ("nodata", { try band.setNoDataValue(0) }),
            ("scale", { try band.setScale(2) }),
            ("offset", { try band.setOffset(1) }),
            ("geotransform", { try band.dataset.setGeoTransform(RasterSample.utmGrid) }),
            ("crs", { try band.dataset.setSpatialReference(try SpatialReference.wgs84()) }),
        ]
        for (name, attempt) in attempts {
            let error = #expect(throws: GDALError.self, "\(name)") { try attempt() }
            #expect("\(error!)".contains("read-only") && "\(error!)".contains("input.tif"), "\(name)")
        }
        try band.dataset.close()
        #expect(folder.contents() == ["input.tif"])
        #expect(try RasterDataset.open(path).band(1).read(RasterWindow(width: 1, height: 1)) == [0])
    }
}
