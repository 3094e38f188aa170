import Foundation
import GDAL
import GeoplanTestSupport
import Testing

/// `--precision 0` once collapsed every polygon to a point without a word; now a polygon that rounding would make
/// vanish keeps its full precision, and the command says how many did.
@Suite struct PrecisionZeroTests {
    @Test func noPolygonCollapsesAtZeroDecimals() throws {
        let folder = try TemporaryFolder()
        let out = folder.path("p0.geojson")
        let result = try CommandRunner.run(["convert", Fixtures.phuket, out, "--precision", "0"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stderr.contains("keep full precision: rounded to 0 decimals, they would have vanished"),
            "\(result.stderr)")
        let layer = try Dataset.open(out).layer(at: 0)
        var features = 0
        try layer.forEachFeature { feature in
            features += 1
            let geometry = try #require(feature.geometry)
            #expect(!geometry.isEmpty, "feature \(features) collapsed")
        }
        #expect(features == 17)
        let original = try Dataset.open(Fixtures.phuket).layer(at: 0).extent()
        let written = try #require(layer.extent())
        // Every tambon kept where it was: the extent is the input's, not a grid of whole degrees.
        #expect(
            abs(written.minX - (original?.minX ?? 0)) < 1e-6 && abs(written.maxY - (original?.maxY ?? 0)) < 1e-6,
            "\(written)")
    }
}
