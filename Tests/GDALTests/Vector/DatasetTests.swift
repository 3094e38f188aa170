import Foundation
import GeoplanTestSupport
import Testing

@testable import GDAL

@Suite struct DatasetTests {
    @Test func opensTheShippedShapefileReadOnly() throws {
        let dataset = try Dataset.open(Fixtures.phuket)
        #expect(dataset.driverName == "ESRI Shapefile")
        #expect(dataset.layerNames == ["phuket"])
    }

    @Test func missingPathIsNamed() {
        #expect {
            try Dataset.open("/nonexistent/tambons.shp")
        } throws: { error in
            (error as? GDALError) == .fileNotFound(path: "/nonexistent/tambons.shp")
                && "\(error)".contains("no such file")
        }
    }

    @Test func folderWithoutVectorDataIsRefused() throws {
        let folder = try TemporaryFolder()
        try folder.write("not data", to: "notes.txt")
        let error = #expect(throws: GDALError.self) { try Dataset.open(folder.url.path) }
        #expect("\(error!)".contains("it is a folder"))
    }

    @Test func folderOfShapefilesOpensAsOneDatasetWithALayerPerFile() throws {
        let folder = try TemporaryFolder()
        _ = try folder.copyShapefile(Fixtures.phuket)
        _ = try folder.copyShapefile(Fixtures.nonthaburi)
        let dataset = try Dataset.open(folder.url.path)
        #expect(Set(dataset.layerNames) == ["phuket", "nonthaburi"])
    }

    @Test func fileNoDriverReadsIsRefused() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write([0x00, 0x01, 0x02, 0xFF, 0x13], to: "mystery.bin")
        let error = #expect(throws: GDALError.self) { try Dataset.open(path) }
        #expect("\(error!)".contains("mystery.bin"))
        #expect("\(error!)".contains("no GDAL driver recognises it"))
    }

    @Test func truncatedGeoJSONIsRefusedWithGDALsReason() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write(
            #"{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": "#,
            to: "cut.geojson")
        #expect(throws: GDALError.self) { try Dataset.open(path) }
    }

    @Test func unknownLayerListsTheLayersThatExist() throws {
        let dataset = try Dataset.open(Fixtures.phuket)
        #expect {
            try dataset.layer(named: "tambons")
        } throws: { error in
            "\(error)".contains("has no layer \"tambons\"") && "\(error)".contains("\"phuket\"")
        }
    }

    @Test func layerKeepsItsDatasetAlive() throws {
        var layer: Layer?
        do {
            let dataset = try Dataset.open(Fixtures.phuket)
            layer = try dataset.layer(at: 0)
        }
        // The dataset variable is gone; the layer still reads because it holds the dataset.
        let count = try #require(layer).features.reduce(0) { count, _ in count + 1 }
        #expect(count == 17)
    }
}
