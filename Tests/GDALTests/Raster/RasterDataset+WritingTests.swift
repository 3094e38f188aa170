import Foundation
import GeoplanTestSupport
import Testing

@testable import GDAL

@Suite struct RasterDatasetWritingTests {
    @Test func createsMultiBandRastersWithTheirGridAndCRS() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("three.tif")
        let dataset = try RasterDataset.create(
            path, width: 4, height: 3, bands: 3, type: .uint16,
            options: ["COMPRESS": "DEFLATE", "INTERLEAVE": "BAND"])
        #expect(dataset.warnings.isEmpty)
        for number in 1...3 {
            try dataset.band(number).write([Double](repeating: Double(number), count: 12), to: dataset.window)
        }
        try dataset.setGeoTransform(RasterSample.utmGrid)
        try dataset.setSpatialReference(try SpatialReference(definition: "EPSG:32647"))
        #expect(dataset.geoTransform == RasterSample.utmGrid)  // visible before closing
        try dataset.close()
        let reopened = try RasterDataset.open(path)
        #expect(reopened.bandCount == 3)
        #expect(try reopened.band(3).read(reopened.window) == [Double](repeating: 3, count: 12))
        #expect(reopened.geoTransform == RasterSample.utmGrid)
        #expect(reopened.spatialReference?.code == "EPSG:32647")
    }

    @Test func unknownCreationOptionIsAWarning() throws {
        let folder = try TemporaryFolder()
        let dataset = try RasterDataset.create(
            folder.path("out.tif"), width: 2, height: 2, bands: 1, type: .byte,
            options: ["NO_SUCH_OPTION": "YES"])
        #expect(dataset.warnings.contains { $0.text.contains("NO_SUCH_OPTION") })
    }

    @Test func otherDriversWork() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("pattern.img")
        let dataset = try RasterDataset.create(path, driver: "HFA", width: 7, height: 5, bands: 1, type: .float32)
        try dataset.band(1).write(RasterSample.pattern(width: 7, height: 5), to: dataset.window)
        try dataset.close()
        let reopened = try RasterDataset.open(path)
        #expect(reopened.driverName == "HFA")
        #expect(try reopened.band(1).read(reopened.window) == RasterSample.pattern(width: 7, height: 5))
    }

    @Test func unknownDriverIsNamed() {
        #expect(throws: GDALError.noSuchDriver(name: "NoSuchFormat")) {
            try RasterDataset.create("/tmp/x.nsf", driver: "NoSuchFormat", width: 1, height: 1, bands: 1, type: .byte)
        }
    }

    @Test func driverThatCannotCreateSaysWhatToDo() throws {
        let folder = try TemporaryFolder()
        #expect {
            try RasterDataset.create(folder.path("out.png"), driver: "PNG", width: 1, height: 1, bands: 1, type: .byte)
        } throws: { error in
            "\(error)".contains("out.png") && "\(error)".contains("can only copy")
        }
        #expect {
            try RasterDataset.create(
                folder.path("out.geojson"), driver: "GeoJSON", width: 1, height: 1, bands: 1,
                type: .byte)
        } throws: { error in
            "\(error)".contains("does not write rasters")
        }
        #expect(folder.contents().isEmpty)
    }

    @Test func unknownDataTypeIsNamed() throws {
        let folder = try TemporaryFolder()
        #expect {
            try RasterDataset.create(folder.path("out.tif"), width: 1, height: 1, bands: 1, type: .other("Float16"))
        } throws: { error in
            "\(error)".contains("no data type \"Float16\"")
        }
    }

    @Test func impossibleSizeIsRefusedBeforeGDALSeesIt() throws {
        let folder = try TemporaryFolder()
        #expect {
            try RasterDataset.create(folder.path("out.tif"), width: 1 << 40, height: 1, bands: 1, type: .byte)
        } throws: { error in
            "\(error)".contains("width of 1099511627776")
        }
    }

    @Test func creatingInAMissingFolderSaysSo() {
        #expect {
            try RasterDataset.create("/nonexistent/folder/out.tif", width: 1, height: 1, bands: 1, type: .byte)
        } throws: { error in
            "\(error)".contains("/nonexistent/folder/out.tif")
        }
    }
}
