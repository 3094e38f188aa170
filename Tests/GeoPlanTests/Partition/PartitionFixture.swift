import Foundation
import GDAL
import GeoplanTestSupport

@testable import GeoPlan

/// A boundary set's outputs written with geoplan's own writers, as `OutputTable` writes them: a "single run" file
/// with every row, and partition parts with their rows (in layer order) and provenance records, split by
/// `PartitionPlan`. Rows hold what makes merging hard: Thai names with commas, quotes and line breaks, nulls,
/// coordinates that GeoJSON rounds, and provinces scattered through the layer.
struct PartitionFixture {
    struct Row {
        var id: String
        var name: String?
        var value: Double?
        var count: Int64
        var wkt: String
    }

    let folder: TemporaryFolder
    let rows: [Row]
    var layerName = "tambons"

    init(areas: Int = 23) throws {
        folder = try TemporaryFolder("geoplan-merge")
        rows = (0..<areas).map { index in
            let province = [10, 83, 20, 57, 30][(index * 3) % 5]
            // (Not "\r\n": Swift sees it as one Character, which CSVTable.quoted does not quote.)
            let names = ["ตำบล \(index), \"เก่า\"\nใหม่", nil, " นำหน้าด้วยช่องว่าง", "ตำบล\r\(index)"]
            let west = 97.5 + Double((index * 7) % areas) * 0.113_456_789
            let south = 5.7 + Double((index * 5) % areas) * 0.071_234_567
            let ring = [(west, south), (west + 0.05, south), (west + 0.05, south + 0.04), (west, south)]
            return Row(
                id: String(format: "TH%02d%04d", province, index), name: names[index % 4],
                value: index % 5 == 0 ? nil : Double(index) * 1.37 + 0.1, count: Int64(index * 3),
                wkt: "POLYGON ((" + ring.map { "\($0.0) \($0.1)" }.joined(separator: ", ") + "))")
        }
    }

    var keys: [String] { PartitionPlan.groupKeys(ids: rows.map(\.id)).keys }

    func path(_ relative: String) -> String { folder.path(relative) }

    /// Writes the rows at `positions` (all when nil) in layer order, as `geoplan run` writes a boundary set.
    func write(
        _ path: String, format: OutputFormat, positions: [Int]? = nil, geometry: Bool = true,
        byteOrderMark: Bool = false
    ) throws {
        let chosen = (positions ?? Array(rows.indices)).map { rows[$0] }
        let target = try OutputTarget(path: path, overwrite: false, inputs: [], createFolder: true)
        if format == .csv {
            var table = CSVTable(header: ["code", "name", "value", "count"])
            for row in chosen {
                table.append([
                    .text(row.id), row.name.map(IndicatorValue.text) ?? .null,
                    row.value.map(IndicatorValue.number) ?? .null, .integer(row.count),
                ])
            }
            try table.write(to: target, byteOrderMark: byteOrderMark).commit()
            return
        }
        let geoJSON = format == .geoJSON
        var fields = geoJSON ? [FieldDefinition(name: OutputTable.featureIDField, type: .string)] : []
        fields += [
            FieldDefinition(name: "code", type: .string), FieldDefinition(name: "name", type: .string),
            FieldDefinition(name: "value", type: .real), FieldDefinition(name: "count", type: .integer64),
        ]
        let writer = try LayerWriter(
            target: target, layerName: layerName, schema: LayerSchema(fields: fields),
            spatialReference: geometry ? try SpatialReference.wgs84() : nil,
            geometryType: GeometryType(kind: geometry ? .multiPolygon : .none),
            extraOptions: geoJSON ? ["ID_FIELD": OutputTable.featureIDField] : [:])
        for row in chosen {
            var values: [FieldValue] = (geoJSON ? [.string(row.id)] : []) + [.string(row.id)]
            values += [
                row.name.map(FieldValue.string) ?? .null, row.value.map(FieldValue.real) ?? .null,
                .integer(row.count),
            ]
            try writer.write(
                values: values, geometry: geometry ? try OGRGeometry(wkt: row.wkt) : nil,
                source: FeatureLocation(path: path))
        }
        try writer.finish()
    }

    /// A provenance record as `geoplan run --partition` writes it (nil `partition`: a single run's).
    func writeSidecar(
        for path: String, partition: PartitionRecord?, specText: String = "boundaries: v1\n",
        inputPath: String = "/data/tambons.shp", gdal: String = "3.6.2"
    ) throws {
        var members: [String: JSONValue] = [
            "geoplan": .string(GeoPlanVersion.text), "gdal": .string(gdal), "proj": .string("9.1.1"),
            "geos": .string("3.11.1"), "spec": .string("/data/spec.yaml"), "specText": .string(specText),
            "inputs": .array([
                .object([
                    "name": .string("tambons"), "path": .string(inputPath),
                    "fnv1a64": .string("cbf29ce484222325"), "bytes": .integer(1234),
                ])
            ]),
            "options": .object([
                "formats": .array([.string("geojson"), .string("csv"), .string("gpkg")]),
                "precision": .integer(7), "includeGeometry": .bool(true), "csvBOM": .bool(false),
            ]),
            "columns": .array([]), "warnings": .array([]), "startedAt": .string("2025-01-02T03:04:05Z"),
            "boundarySet": .object(["name": .string(layerName), "seconds": .object(["area": .number(0.25)])]),
        ]
        if let partition {
            members["partition"] = try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(partition))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(JSONValue.object(members)).write(to: URL(fileURLWithPath: PartSet.sidecarPath(of: path)))
    }

    /// A single run's file at `single/<layer>.<ext>` and N partition parts at `part-K/<layer>.<ext>` with their
    /// records; returns their paths.
    @discardableResult
    func makeRun(
        _ format: OutputFormat, count: Int, geometry: Bool = true,
        byteOrderMark: Bool = false
    ) throws -> (single: String, parts: [String]) {
        let name = "\(layerName).\(format.extensions[0])"
        let single = path("single/\(name)")
        try write(single, format: format, geometry: geometry, byteOrderMark: byteOrderMark)
        let groupedBy = PartitionPlan.groupKeys(ids: rows.map(\.id)).groupedBy
        var parts: [String] = []
        for index in 1...count {
            let record = PartitionPlan.record(
                keys: keys, groupedBy: groupedBy,
                request: try PartitionRequest(index: index, count: count))
            let part = path("part-\(index)/\(name)")
            try write(
                part, format: format, positions: record.positions, geometry: geometry,
                byteOrderMark: byteOrderMark)
            try writeSidecar(for: part, partition: record)
            parts.append(part)
        }
        return (single, parts)
    }

    /// Names of the files in a folder of the fixture (hidden staging folders included), sorted.
    func contents(of relative: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path(relative))) ?? []).sorted()
    }
}
