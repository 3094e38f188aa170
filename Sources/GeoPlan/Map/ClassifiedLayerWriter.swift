import GDAL
import GEOS

/// The map's areas as GeoJSON (RFC 7946, 6 decimals: about 0.1 m, plenty for web maps) with every attribute of
/// the input, plus `<indicator>_class` (0 for the lowest class; null without a value) and `<indicator>_colour`,
/// so that a GIS or web app can draw the same choropleth without classifying again. Staged in the map's output set.
final class ClassifiedLayerWriter {
    private let writer: LayerWriter
    private let layer: MapLayer

    init(target: OutputTarget, layer: MapLayer, indicator: String, in outputs: OutputSet) throws {
        self.layer = layer
        let fields =
            layer.schema + [
                FieldDefinition(name: "\(indicator)_class", type: .integer),
                FieldDefinition(name: "\(indicator)_colour", type: .string),
            ]
        writer = try LayerWriter(
            target: target, layerName: layer.layerName, schema: LayerSchema(fields: fields),
            spatialReference: try SpatialReference.wgs84(),
            geometryType: GeometryType(kind: .multiPolygon), precision: 6, in: outputs)
    }

    func write(_ index: Int, geometry: Geometry, classIndex: Int?, colour: String) throws {
        let values = layer.values[index] + [classIndex.map { .integer(Int64($0)) } ?? .null, .string(colour)]
        try writer.write(
            values: values, geometry: try geometry.ogrGeometry(),
            source: FeatureLocation(path: writer.target.path, featureID: Int64(index)))
    }

    func close() throws {
        try writer.close()
    }
}
