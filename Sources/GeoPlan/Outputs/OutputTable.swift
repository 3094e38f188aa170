import GDAL

/// Writes one boundary set's results: a row per area with its id, names, every indicator column, and (except
/// in CSV) its geometry. Staged in the run's output set, which commits once every output of the run is ready.
///
/// GeoJSON features carry the area code as their `id` member and as a property; CSV is written by `CSVTable`.
enum OutputTable {
    /// The hidden field the GeoJSON writer turns into each feature's `id` (`ID_FIELD`; not written as a property).
    static let featureIDField = "geoplan_feature_id"

    static func write(
        _ table: ResultTable, to path: String, format: OutputFormat, overwrite: Bool,
        options: TableOptions, in outputs: OutputSet
    ) throws {
        // geoplan's own CSV writer leaves no sidecar (no .csvt, no .prj).
        let target = try OutputTarget(
            path: path, overwrite: overwrite, inputFiles: InputFiles([table.sourcePath]),
            createFolder: false, writesSidecars: format != .csv)
        let columns = table.columns.indices
        if format == .csv {
            var csv = CSVTable(
                header: [table.idField] + table.nameFields + table.columns.map(\.name),
                rawText: options.csvRaw)
            for (index, row) in table.rows.enumerated() {
                csv.append(
                    [.text(row.id)] + row.names.map { $0.text.map(IndicatorValue.text) ?? .null }
                        + columns.map { table.value(index, $0) })
            }
            _ = try csv.write(to: target, byteOrderMark: options.csvBOM, in: outputs)
            return
        }
        let geoJSON = format == .geoJSON
        var fields = geoJSON ? [FieldDefinition(name: featureIDField, type: .string)] : []
        fields += [FieldDefinition(name: table.idField, type: .string)]
        fields += table.nameFields.map { FieldDefinition(name: $0, type: .string) }
        fields += table.columns.map { FieldDefinition(name: $0.name, type: $0.type) }
        if format == .shapefile, let short = table.shapefileNames {
            // The short names the run decided and records in meta.json, never GDAL's own truncation.
            for index in fields.indices { fields[index].name = short[fields[index].name] ?? fields[index].name }
        }
        let extraOptions = geoJSON ? ["ID_FIELD": featureIDField] : [:]
        let geometry = options.includeGeometry
        let writer = try LayerWriter(
            target: target, layerName: table.layerName, schema: LayerSchema(fields: fields),
            spatialReference: geometry ? try SpatialReference.wgs84() : nil,
            geometryType: GeometryType(kind: geometry ? .multiPolygon : .none),
            precision: options.precision, extraOptions: extraOptions, in: outputs,
            threads: options.threads)
        for (index, row) in table.rows.enumerated() {
            var values: [FieldValue] = (geoJSON ? [.string(row.id)] : []) + [.string(row.id)]
            values += row.names.map { $0.text.map(FieldValue.string) ?? .null }
            values += columns.map { table.value(index, $0).fieldValue }
            try writer.write(
                values: values, geometry: geometry ? try table.geometry(index) : nil,
                source: FeatureLocation(path: table.sourcePath, featureID: row.featureID))
        }
        try writer.close()
    }
}
