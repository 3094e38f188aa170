import Foundation
import GDAL
import GEOS

/// `geoplan simplify`'s engine: reads a polygon layer into WGS 84 lon/lat, builds its shared arcs, simplifies each
/// once and writes the features (all their fields kept) as GeoJSON through GDAL or as TopoJSON.
public enum FileSimplifier {
    public static func simplify(_ request: SimplifyRequest) throws -> SimplifyFileReport {
        let target =
            request.writesTopoJSON
            ? try OutputTarget(topoJSONPath: request.output, overwrite: request.overwrite, inputs: [request.input])
            : try OutputTarget(path: request.output, overwrite: request.overwrite, inputs: [request.input])
        let source = try VectorSource.open(request.input, options: request.inputOptions)
        let layer = source.layer
        var warnings = source.encoding.warnings
        let crs = try LayerCRS.require(
            layer, assume: request.inputOptions.assumeCRS,
            purpose: "measure simplification tolerances in metres")
        if let warning = crs.warning { warnings.append(warning) }
        let toLonLat = try LonLatConverter(
            from: crs.spatialReference, near: layer.extent(force: false),
            domain: request.inputOptions.lonLatDomain)
        let idField = try KeyField.resolve(request.idField, in: layer)
        let context = try GEOSContext()

        var inputs: [TopologyInput] = []
        var values: [[FieldValue]] = []
        var locations: [FeatureLocation] = []
        var repaired = 0
        var skipped = 0
        try layer.forEachFeature { feature in
            guard let ogr = feature.geometry, !ogr.isEmpty else {
                skipped += 1
                return
            }
            guard ogr.type.isPolygonal else {
                throw GeoPlanError.wrongGeometryType(
                    location: feature.location, expected: "a polygon",
                    found: "\(ogr.type)")
            }
            var geometry = try toLonLat.convert(ogr, context: context, location: feature.location)
            if try !geometry.isValid {
                geometry = try geometry.makeValid(method: .structure(keepCollapsed: false)).polygonalPart()
                repaired += 1
            }
            let id = KeyField.value(of: idField, in: feature) ?? feature.id.map(String.init) ?? String(inputs.count)
            inputs.append(TopologyInput(id: id, geometry: geometry))
            values.append(try feature.values())
            locations.append(feature.location)
        }
        guard !inputs.isEmpty else { throw GeoPlanError.emptyLayer(path: request.input, layer: layer.name) }
        if repaired > 0 {
            warnings.append("\(request.input): \(repaired) invalid geometries were repaired with GEOS MakeValid first")
        }
        if skipped > 0 { warnings.append("\(request.input): \(skipped) features without a geometry were left out") }
        if let shifted = toLonLat.shifts.warning(path: request.input) { warnings.append(shifted) }

        let simplified = try TopologySimplifier.simplify(
            try Topology(inputs), request.simplification,
            context: context)
        let format: String
        if request.writesTopoJSON {
            let names = layer.schema.names
            let properties = values.map { row in
                Dictionary(zip(names, row.map(JSONValue.init)), uniquingKeysWith: { first, _ in first })
            }
            warnings += try TopoJSONWriter.write(
                simplified.topology, properties: properties,
                options: TopoJSONOptions(
                    quantization: request.quantization,
                    objectName: target.stem),
                to: target, wait: request.wait)
            format = "TopoJSON"
        } else {
            let writer = try LayerWriter(
                target: target, layerName: target.stem, schema: layer.schema,
                spatialReference: try SpatialReference.wgs84(),
                geometryType: layer.geometryType, precision: request.precision, wait: request.wait)
            for index in inputs.indices {
                let geometry = try simplified.geometry(of: index, context: context).ogrGeometry()
                try writer.write(values: values[index], geometry: geometry, source: locations[index])
            }
            try writer.finish()
            warnings += writer.warnings
            format = target.format.driverName
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: target.path)[.size] as? Int) ?? 0
        return SimplifyFileReport(
            input: request.input, layer: layer.name, output: target.path, format: format,
            idField: idField, repairedOnLoading: repaired, skippedWithoutGeometry: skipped,
            simplification: simplified.report, bytesWritten: size, warnings: warnings)
    }
}
