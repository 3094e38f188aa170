import Foundation
import GeoplanTestSupport
import Testing

@testable import GDAL

@Suite struct RasterDatasetTests {
    @Test func describesAGeoTIFFItWrote() throws {
        let folder = try TemporaryFolder()
        let path = try RasterSample.write(
            to: folder.path("pattern.tif"), geoTransform: RasterSample.utmGrid,
            crs: "EPSG:32647")
        let dataset = try RasterDataset.open(path)
        #expect(dataset.path == path)
        #expect(dataset.driverName == "GTiff")
        #expect(dataset.width == 7 && dataset.height == 5 && dataset.bandCount == 1)
        #expect(dataset.window == RasterWindow(column: 0, row: 0, width: 7, height: 5))
        #expect(dataset.geoTransform == RasterSample.utmGrid)
        #expect(dataset.spatialReference?.code == "EPSG:32647")
    }

    @Test func geographicCRSKeepsLongitudeFirst() throws {
        // Reference: GeographicLib 2.1.2, `echo 13.7567 100.5018 | GeoConvert -u -p 3` → 47n 662366.322 1521324.906
        // (as in SpatialReferenceTests). Tolerance 1 mm. Lat/lon order would land far from it or fail.
        let folder = try TemporaryFolder()
        let path = try RasterSample.write(
            to: folder.path("wgs84.tif"),
            geoTransform: GeoTransform(originX: 100, pixelWidth: 0.01, originY: 14, pixelHeight: -0.01),
            crs: "EPSG:4326")
        let crs = try #require(try RasterDataset.open(path).spatialReference)
        #expect(crs.isGeographic)
        let transformation = try CoordinateTransformation(from: crs, to: try SpatialReference(definition: "EPSG:32647"))
        let (x, y) = try transformation.transform(x: 100.5018, y: 13.7567)
        #expect(abs(x - 662366.322) < 0.001 && abs(y - 1521324.906) < 0.001)
    }

    @Test func theCRSOutlivesItsDataset() throws {
        // GTiff keeps its CRS inside the dataset object: the wrapper must hand out a copy.
        let folder = try TemporaryFolder()
        let path = try RasterSample.write(to: folder.path("utm.tif"), crs: "EPSG:32647")
        var crs: SpatialReference?
        do {
            let dataset = try RasterDataset.open(path)
            crs = dataset.spatialReference
            try dataset.close()
        }
        #expect(crs?.code == "EPSG:32647")
    }

    @Test func rasterWithoutGeoTransformOrCRSSaysNil() throws {
        let folder = try TemporaryFolder()
        let dataset = try RasterDataset.open(try RasterSample.write(to: folder.path("bare.tif")))
        #expect(dataset.geoTransform == nil)
        #expect(dataset.spatialReference == nil)
    }

    @Test func geoTransformWithoutCRSIsKept() throws {
        let folder = try TemporaryFolder()
        let dataset = try RasterDataset.open(
            try RasterSample.write(to: folder.path("grid-only.tif"), geoTransform: RasterSample.utmGrid))
        #expect(dataset.geoTransform == RasterSample.utmGrid)
        #expect(dataset.spatialReference == nil)
    }

    // MARK: - Bands

    @Test func bandsAreNumberedFromOne() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("three.tif")
        let created = try RasterDataset.create(path, width: 4, height: 3, bands: 3, type: .uint16)
        try created.close()
        let dataset = try RasterDataset.open(path)
        #expect(dataset.bandCount == 3)
        #expect(try dataset.band(1).number == 1)
        #expect(try dataset.band(3).number == 3)
        for number in [0, 4, -1] {
            #expect(throws: GDALError.noSuchBand(path: path, band: number, count: 3)) { try dataset.band(number) }
        }
        let error = #expect(throws: GDALError.self) { try dataset.band(4) }
        #expect("\(error!)" == "\"\(path)\" has 3 bands; band 4 does not exist (bands are numbered from 1)")
    }

    @Test func oneBandIsSaidInTheSingular() {
        #expect(
            "\(GDALError.noSuchBand(path: "dem.tif", band: 2, count: 1))"
                == "\"dem.tif\" has 1 band; band 2 does not exist (bands are numbered from 1)")
    }

    @Test func bandKeepsItsDatasetAlive() throws {
        let folder = try TemporaryFolder()
        let path = try RasterSample.write(to: folder.path("pattern.tif"))
        var band: RasterBand?
        do {
            band = try RasterDataset.open(path).band(1)
        }
        // The dataset variable is gone; the band still reads because it holds the dataset.
        #expect(try #require(band).read(RasterWindow(width: 7, height: 5)) == RasterSample.pattern(width: 7, height: 5))
    }

    @Test func closedDatasetRefusesReadsButKeepsItsProperties() throws {
        let folder = try TemporaryFolder()
        let path = try RasterSample.write(
            to: folder.path("pattern.tif"), noData: -9999,
            geoTransform: RasterSample.utmGrid, crs: "EPSG:32647")
        let dataset = try RasterDataset.open(path)
        let band = try dataset.band(1)
        try dataset.close()
        try dataset.close()  // a second close is a no-op
        #expect {
            try band.read(dataset.window)
        } throws: { error in
            "\(error)".contains("closed") && "\(error)".contains("pattern.tif")
        }
        #expect(throws: GDALError.self) { try dataset.band(1) }
        #expect(band.noDataValue == -9999 && band.maskFlags == .noData && band.scale == 1)
        #expect(dataset.geoTransform == RasterSample.utmGrid)
        #expect(dataset.spatialReference?.code == "EPSG:32647")
    }

    // MARK: - Virtual files

    @Test func inMemoryRasterWorks() throws {
        let path = RasterSample.inMemoryPath("pattern.tif")
        try RasterSample.write(to: path, geoTransform: RasterSample.utmGrid)
        let dataset = try RasterDataset.open(path)
        #expect(dataset.geoTransform == RasterSample.utmGrid)
        #expect(try dataset.band(1).read(dataset.window) == RasterSample.pattern(width: 7, height: 5))
    }

    @Test func missingInMemoryFileIsNotFound() {
        let path = RasterSample.inMemoryPath("nothing.tif")
        #expect(throws: GDALError.fileNotFound(path: path)) { try RasterDataset.open(path) }
    }

    // MARK: - Bad input

    @Test func missingPathIsNamed() {
        #expect {
            try RasterDataset.open("/nonexistent/population.tif")
        } throws: { error in
            (error as? GDALError) == .fileNotFound(path: "/nonexistent/population.tif")
                && "\(error)".contains("no such file")
        }
    }

    @Test func textFileIsNotARaster() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("This is a note, not a raster.\n", to: "notes.txt")
        let error = #expect(throws: GDALError.self) { try RasterDataset.open(path) }
        guard case .notRecognized(path, _)? = error else {
            Issue.record("expected .notRecognized, got \(String(describing: error))")
            return
        }
        #expect("\(error!)".contains("notes.txt"))
        #expect("\(error!)".contains("no GDAL driver reads it as raster data"))
    }

    @Test func vectorFileIsNotARaster() {
        let error = #expect(throws: GDALError.self) { try RasterDataset.open(Fixtures.phuket) }
        #expect("\(error!)".contains("no GDAL driver reads it as raster data"))
    }

    @Test func folderIsRefused() throws {
        let folder = try TemporaryFolder()
        let error = #expect(throws: GDALError.self) { try RasterDataset.open(folder.url.path) }
        #expect("\(error!)".contains("it is a folder"))
    }
}
