import Foundation
import GDAL
import GeoplanTestSupport
import Testing

@testable import GeoPlan

/// Vector tiles of the shipped Phuket tambons (17 areas), opened again with GDAL (its MVT and MBTiles drivers):
/// every tambon is in the tiles with its properties, Thai text intact.
@Suite struct VectorTilesTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
    }

    /// Codes and Thai names of the features of a tile set's layer, read with GDAL.
    func properties(_ path: String) throws -> [String: String] {
        let dataset = try Dataset.open(path)
        let layer = try #require(dataset.layers.first)
        var names: [String: String] = [:]
        try layer.forEachFeature { feature in
            if let code = try feature.value("ADM3_PCODE").text { names[code] = try feature.value("ADM3_TH").text }
        }
        return names
    }

    @Test func anMBTilesFileHoldsEveryAreaWithItsProperties() throws {
        let output = folder.path("phuket.mbtiles")
        let report = try VectorTiles.write(VectorTiles.Request(input: Fixtures.phuket, output: output, maxZoom: 10))
        #expect(report.features == 17 && report.container == "MBTiles")
        #expect(report.properties.contains("ADM3_TH"))
        // GDAL opens an MBTiles file at its highest zoom level.
        let names = try properties(output)
        #expect(names.count == 17)
        #expect(names["TH830107"] == "ราไวย์")
        #expect(folder.contents().allSatisfy { !$0.hasPrefix(".geoplan-staging") })
    }

    @Test func aFolderHoldsTilesForEveryZoom() throws {
        let output = folder.path("tiles")
        let report = try VectorTiles.write(
            VectorTiles.Request(
                input: Fixtures.phuket, output: output, minZoom: 6,
                maxZoom: 9, layerName: "tambons"))
        #expect(report.layer == "tambons")
        for zoom in 6...9 {
            #expect(FileManager.default.fileExists(atPath: folder.path("tiles/\(zoom)")), "zoom \(zoom)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path("tiles/5")))
        #expect((report.tiles ?? 0) >= 4)
        #expect(try properties(folder.path("tiles/9")).count == 17)
    }

    @Test func badZoomsAndAnExistingOutputAreRefused() throws {
        #expect(throws: GeoPlanError.self) {
            try VectorTiles.write(
                VectorTiles.Request(
                    input: Fixtures.phuket, output: folder.path("a.mbtiles"),
                    minZoom: 9, maxZoom: 3))
        }
        #expect(throws: GeoPlanError.self) {
            try VectorTiles.write(
                VectorTiles.Request(
                    input: Fixtures.phuket, output: folder.path("b.mbtiles"),
                    maxZoom: 23))
        }
        let missing = VectorTiles.Request(input: folder.path("missing.geojson"), output: folder.path("d.mbtiles"))
        let error = try #require(#expect(throws: (any Error).self) { try VectorTiles.write(missing) })
        #expect("\(error)".contains("cannot open"))
        let output = folder.path("c.mbtiles")
        _ = try VectorTiles.write(VectorTiles.Request(input: Fixtures.phuket, output: output, maxZoom: 6))
        #expect(throws: GeoPlanError.self) {
            try VectorTiles.write(VectorTiles.Request(input: Fixtures.phuket, output: output, maxZoom: 6))
        }
        // With overwrite, the earlier tiles are replaced by the finished new ones.
        let again = try VectorTiles.write(
            VectorTiles.Request(
                input: Fixtures.phuket, output: output, maxZoom: 7,
                overwrite: true))
        #expect(again.maxZoom == 7)
        #expect(try properties(output).count == 17)
    }
}
