import GDAL

/// Writes a small polygon layer through the GDAL wrapper, as an agency's GeoPackage would hold it: text fields
/// (a `nil` value is written as NULL), WKT geometries, a declared CRS. For tests that need an input with one
/// defect, written by code next to the test that explains it.
public enum SyntheticLayer {
    public struct Feature {
        public var wkt: String
        public var values: [String?]

        public init(_ wkt: String, _ values: [String?]) {
            self.wkt = wkt
            self.values = values
        }
    }

    /// Writes `features` to a new GeoPackage at `path` (one layer, `layer`), with `fields` as string fields.
    public static func write(
        to path: String, layer name: String, crs: String = "EPSG:4326", fields: [String],
        features: [Feature]
    ) throws {
        let dataset = try Dataset.create(path, driver: "GPKG")
        let layer = try dataset.createLayer(
            named: name, spatialReference: try SpatialReference(definition: crs),
            geometryType: GeometryType(kind: .polygon))
        for field in fields { try layer.createField(FieldDefinition(name: field, type: .string)) }
        for feature in features {
            let row = try layer.makeFeature()
            for (index, value) in feature.values.enumerated() {
                row.set(value.map(FieldValue.string) ?? .null, at: index)
            }
            try row.setGeometry(try OGRGeometry(wkt: feature.wkt))
            try layer.write(row)
        }
        try dataset.close()
    }

    /// WKT of the lon/lat box [minX, maxX] × [minY, maxY].
    public static func box(_ minX: Double, _ minY: Double, _ maxX: Double, _ maxY: Double) -> String {
        "POLYGON ((\(minX) \(minY), \(maxX) \(minY), \(maxX) \(maxY), \(minX) \(maxY), \(minX) \(minY)))"
    }
}
