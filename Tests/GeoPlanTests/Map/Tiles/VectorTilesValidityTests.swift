import Foundation
import GDAL
import GEOS
import GeoplanTestSupport
import Testing

@testable import GeoPlan

/// What GDAL's MVT writer does to valid polygons when it quantises them to each tile's 4,096 units, measured on
/// shipped tambons: tiles of zooms 0–14 read back with GDAL (unclipped, so the reader repairs nothing) and checked
/// with GEOS. Measured with GDAL 3.6: no invalid polygon at any zoom, but tambons smaller than a tile unit (9.8 km
/// at zoom 0, 4.9 km at 1, 2.4 km at 2) are left out of the low zooms' tiles — see the README's tiles section.
@Suite struct VectorTilesValidityTests {
    /// The shipped file, its tambons, and the zoom from which every one of them is in the tiles.
    static let cases: [(String, Int, Int)] = [
        (Fixtures.phuket, 17, 2),
        (Fixtures.shape("tambons/samut-songkhram/samut-songkhram.shp"), 36, 3),
    ]

    @Test(arguments: cases)
    func tilesHoldOnlyValidPolygonsAndEveryTambonFromALowZoom(_ shapefile: String, tambons: Int, everyFrom: Int) throws {
        let folder = try TemporaryFolder()
        let output = folder.path("tiles")
        _ = try VectorTiles.write(VectorTiles.Request(input: shapefile, output: output, minZoom: 0, maxZoom: 14))
        let context = try GEOSContext()
        for zoom in 0...14 {
            let dataset = try Dataset.open("\(output)/\(zoom)", options: OpenOptions(driverOptions: ["CLIP": "NO"]))
            let layer = try #require(dataset.layers.first)
            var codes: Set<String> = []
            var invalid = 0, features = 0
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
}
