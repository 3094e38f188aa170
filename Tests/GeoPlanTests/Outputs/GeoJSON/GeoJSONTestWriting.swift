import Foundation
import GDAL
import GEOS
import GeoplanTestSupport

@testable import GeoPlan

/// Writes features through `GeoJSONWriter` for the tests, and reads outputs back through GDAL and GEOS.
enum GeoJSONTestWriting {
    struct Written {
        let path: String
        let text: String
        let counts: GeoJSONWriteCounts
    }

    static func write(
        _ features: [(values: [FieldValue], wkt: String?)], fields: [FieldDefinition],
        to path: String, decimals: Int? = 7, idField: String? = nil, threads: Int = 2,
        batchSize: Int = 3, layerName: String = "areas",
        fileSystem: any FileSystem = SystemFileSystem()
    ) throws -> Written {
        let file = try CheckedFile(creating: path, fileSystem: fileSystem)
        let writer = try GeoJSONWriter(
            file: file, schema: LayerSchema(fields: fields),
            options: GeoJSONWriter.Options(
                layerName: layerName, decimals: decimals,
                idField: idField, threads: threads,
                batchSize: batchSize))
        for (index, feature) in features.enumerated() {
            let wkb = try feature.wkt.map { try OGRGeometry(wkt: $0).wkb() }
            try writer.write(
                values: feature.values, wkb: wkb,
                source: FeatureLocation(path: "test", featureID: Int64(index)))
        }
        try writer.finish()
        return Written(path: path, text: try String(contentsOfFile: path, encoding: .utf8), counts: writer.counts)
    }

    /// Every feature of the file's only layer as GDAL reads it: values by field name, and the geometry.
    static func readBack(_ path: String) throws -> (names: [String], rows: [([String: FieldValue], OGRGeometry?)]) {
        let layer = try Dataset.open(path).layer(at: 0)
        let names = layer.schema.names
        var rows: [([String: FieldValue], OGRGeometry?)] = []
        try layer.forEachFeature { feature in
            let values = try feature.values()
            rows.append((Dictionary(uniqueKeysWithValues: zip(names, values)), try feature.geometry?.clone()))
        }
        return (names, rows)
    }

    /// A GDAL geometry in GEOS, one-member multi-geometries unwrapped (GeoJSON writes them as their member).
    static func geos(_ geometry: OGRGeometry, _ context: GEOSContext) throws -> Geometry {
        let shape = try Geometry(wkb: try geometry.planarWKB(), context: context)
        if shape.type == .multiPolygon, shape.numberOfGeometries == 1 { return try shape.geometry(at: 0).clone() }
        return shape
    }

    /// Whether two geometries have the same rings within `tolerance`, whichever way round each ring is written.
    static func sameShape(_ first: Geometry, _ second: Geometry, tolerance: Double) throws -> Bool {
        try first.normalized().equalsExact(try second.normalized(), tolerance: tolerance)
    }
}
