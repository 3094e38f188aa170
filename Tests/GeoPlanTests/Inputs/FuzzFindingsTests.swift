import Foundation
import GEOS
import GeoplanTestSupport
import Testing

@testable import GeoPlan

/// Inputs the fuzz targets (Fuzz/) found breaking a promise, kept as tests of the normal suite. Each is also in
/// the target's seed corpus (Fuzz/Corpus/<target>/), so every fuzz pass replays it.
@Suite struct FuzzFindingsTests {
    /// FuzzGeoJSON: one mutated letter in a GeoJSON's `crs` member (`"neme"` for `"name"`) makes GDAL ignore it and
    /// read UTM metres as degrees; the boundary loader took latitude 1,520,000 and the area measured NaN m² (the
    /// release build then trapped converting it to rai). Such coordinates must be refused, naming the feature.
    @Test func metresReadAsDegreesAreRefusedNotMeasuredAsNaN() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write(
            """
            {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"code": 1, "name": "x"},
             "geometry": {"type": "Polygon", "coordinates": [[[660000, 1520000], [661000, 1520000],
             [661000, 1521000], [660000, 1520000]]]}}],
             "crs": {"type": "neme", "properties": {"name": "urn:ogc:def:crs:EPSG::32647"}}}
            """, to: "neme-crs.geojson")
        let spec = BoundarySpec(name: "fuzz", path: path, idField: "code", nameFields: ["name"])
        #expect {
            _ = try BoundarySet.load(spec, folder: nil, context: try GEOSContext())
        } throws: { error in
            "\(error)".contains("feature") && "\(error)".contains("latitude")
        }
    }
}
