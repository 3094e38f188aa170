import Foundation
import GDAL
import GeoplanTestSupport
import Testing

@testable import GeoPlan

/// `LayerWriter` writes GeoJSON through geoplan's own writer: the `ID_FIELD` option, precision and the warnings.
@Suite struct LayerWriterGeoJSONTests {
    @Test func nonFiniteValuesAreNullAndWarnedAboutByColumn() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("cells.geojson")
        let target = try OutputTarget(path: path, overwrite: false, inputs: [])
        let fields = [
            FieldDefinition(name: "fid_hidden", type: .string), FieldDefinition(name: "density", type: .real),
            FieldDefinition(name: "ok", type: .real),
        ]
        let writer = try LayerWriter(
            target: target, layerName: "cells", schema: LayerSchema(fields: fields),
            spatialReference: try SpatialReference.wgs84(),
            geometryType: GeometryType(kind: .polygon), precision: 5,
            extraOptions: ["ID_FIELD": "fid_hidden"])
        let values: [Double] = [.nan, 1.5, .infinity, -.infinity]
        for (index, value) in values.enumerated() {
            try writer.write(
                values: [.string("C\(index)"), .real(value), .real(Double(index))],
                geometry: try OGRGeometry(wkt: "POLYGON ((100 13, 100.123456789 13, 100 13.1, 100 13))"),
                source: FeatureLocation(path: "test", featureID: Int64(index)))
        }
        try writer.finish()
        #expect(writer.written == 4)
        #expect(writer.warnings == ["\(path): density: 3 non-finite values (NaN or infinite) written as null"])
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(#"{"type":"Feature","id":"C0","properties":{"density":null,"ok":0.0}"#))
        #expect(text.contains("[100.12346,13.0]") && !text.contains("fid_hidden"))
        #expect(RFC7946Checker(maximumDecimals: 5).violations(in: text) == [])
    }
}
