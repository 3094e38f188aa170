import Foundation
import GDAL
import GEOS
import GeoplanTestSupport
import Testing

@testable import GeoPlan

/// What GDAL's MVT writer does to valid polygons when it quantises them to each tile's units, measured on shipped
/// tambons: tiles of zooms 0–14 read back with GDAL (unclipped, so the reader repairs nothing) and checked with
/// GEOS. Measured with GDAL 3.6: no invalid polygon at any zoom; tambons smaller than a unit of the standard 4,096
/// (9.8 km at zoom 0) would be left out of the low zooms, so geoplan cuts finer until every one is in every zoom.
@Suite struct VectorTilesValidityTests {
    /// The shipped file, its tambons, and the zoom from which every one of them is in the tiles.
    static let cases: [(String, Int, Int)] = [
        (Fixtures.phuket, 17, 0),
        (Fixtures.shape("tambons/samut-songkhram/samut-songkhram.shp"), 36, 0),
    ]

    @Test(arguments: cases)
    func tilesHoldOnlyValidPolygonsAndEveryTambonFromALowZoom(_ shapefile: String, tambons: Int, everyFrom: Int) throws
    {
        let folder = try TemporaryFolder()
        let output = folder.path("tiles")
        let report = try VectorTiles.write(
            VectorTiles.Request(input: shapefile, output: output, minZoom: 0, maxZoom: 14))
        #expect(report.extent > 4_096)  // 4,096 units leave small tambons out of zoom 0
        #expect(report.warnings.contains { $0.contains("so that every area is in the zoom 0 tiles") })
        let context = try GEOSContext()
        for zoom in 0...14 {
            let dataset = try Dataset.open("\(output)/\(zoom)", options: OpenOptions(driverOptions: ["CLIP": "NO"]))
            let layer = try #require(dataset.layers.first)
            var codes: Set<String> = []
            var invalid = 0
            var features = 0
            try layer.forEachFeature { feature in
                features += 1
                if let code = try feature.value("ADM3_PCODE").text { codes.insert(code) }
                guard let geometry = feature.geometry else { return }
                let shape = try geometry.geosGeometry(context: context)
                if try !shape.isValid || shape.isEmpty { invalid += 1 }
            }
            #expect(features > 0, "zoom \(zoom)")
            #expect(invalid == 0, "zoom \(zoom): \(invalid) of \(features) tile polygons invalid or empty")
            #expect(zoom < everyFrom || codes.count == tambons, "zoom \(zoom): \(codes.count) of \(tambons) tambons")
        }
    }

    @Test func anMBTilesFileHoldsEveryTambonFromZoomZeroToo() throws {
        let folder = try TemporaryFolder()
        let output = folder.path("phuket.mbtiles")
        let report = try VectorTiles.write(
            VectorTiles.Request(
                input: Fixtures.phuket, output: output, minZoom: 0,
                maxZoom: 4))
        for zoom in 0...4 {
            let dataset = try Dataset.open(output, options: OpenOptions(driverOptions: ["ZOOM_LEVEL": String(zoom)]))
            var codes: Set<String> = []
            for layer in dataset.layers {
                try layer.forEachFeature { if let code = try $0.value("ADM3_PCODE").text { codes.insert(code) } }
            }
            #expect(codes.count == 17, "zoom \(zoom): \(codes.count) of 17 (extent \(report.extent))")
        }
    }

    @Test func areasLargeEnoughKeepTheStandardExtent() throws {
        let folder = try TemporaryFolder()
        let report = try VectorTiles.write(
            VectorTiles.Request(
                input: Fixtures.phuket, output: folder.path("t"),
                minZoom: 6, maxZoom: 8))
        #expect(report.extent == 4_096)
    }
}
