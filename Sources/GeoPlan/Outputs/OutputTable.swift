import GDAL

/// Writes one boundary set's results: a row per area with its id, names, every indicator column, and (except
/// in CSV) its geometry. Staged in the run's output set, which commits once every output of the run is ready.
///
/// GeoJSON features carry the area code as their `id` member and as a property; CSV is written by `CSVTable`.
enum OutputTable {
    /// The hidden field the GeoJSON writer turns into each feature's `id` (`ID_FIELD`; not written as a property).
    static let featureIDField = "geoplan_feature_id"

    static func write(run: RunContext, columns: [IndicatorColumn], to path: String, format: OutputFormat,
                      overwrite: Bool, output: OutputSpec, in outputs: OutputSet) throws {
        let boundaries = run.boundaries
        let spec = boundaries.spec
        // geoplan's own CSV writer leaves no sidecar (no .csvt, no .prj).
        let target = try OutputTarget(path: path, overwrite: overwrite, inputFiles: InputFiles([spec.path]),
                                      createFolder: false, writesSidecars: format != .csv)
        if format == .csv {
            var table = CSVTable(header: [spec.idField] + spec.nameFields + columns.map(\.name), rawText: output.csvRaw)
            for area in run.selected.map({ boundaries.areas[$0] }) {
                table.append([.text(area.id)] + area.names.map { $0.text.map(IndicatorValue.text) ?? .null }
                             + columns.map { run.values[$0.name]?[area.index] ?? .null })
            }
            _ = try table.write(to: target, byteOrderMark: output.csvBOM, in: outputs)
            return
        }
        let geoJSON = format == .geoJSON
        var fields = geoJSON ? [FieldDefinition(name: featureIDField, type: .string)] : []
        fields += [FieldDefinition(name: spec.idField, type: .string)]
        fields += spec.nameFields.map { FieldDefinition(name: $0, type: .string) }
        fields += columns.map { FieldDefinition(name: $0.name, type: $0.type) }
        if format == .shapefile, let short = run.columnPlan?.shapefileNames {
            // The short names the run decided and records in meta.json, never GDAL's own truncation.
            for index in fields.indices { fields[index].name = short[fields[index].name] ?? fields[index].name }
        }
        let options = geoJSON ? ["ID_FIELD": featureIDField] : [:]
        let geometry = output.includeGeometry
        let writer = try LayerWriter(target: target, layerName: spec.name, schema: LayerSchema(fields: fields),
                                     spatialReference: geometry ? try SpatialReference.wgs84() : nil,
                                     geometryType: GeometryType(kind: geometry ? .multiPolygon : .none),
                                     precision: output.precision, extraOptions: options, in: outputs)
        for area in run.selected.map({ boundaries.areas[$0] }) {
            var values: [FieldValue] = (geoJSON ? [.string(area.id)] : []) + [.string(area.id)]
            values += area.names.map { $0.text.map(FieldValue.string) ?? .null }
            values += columns.map { (run.values[$0.name]?[area.index] ?? .null).fieldValue }
            try writer.write(values: values, geometry: geometry ? try area.geometry.ogrGeometry() : nil,
                             source: FeatureLocation(path: spec.path, featureID: area.featureID))
        }
        try writer.close()
    }
}
