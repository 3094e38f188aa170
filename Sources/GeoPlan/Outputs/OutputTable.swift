import GDAL

/// Writes one boundary set's results: a row per area with its id, names, every indicator column, and (except
/// in CSV) its geometry. Staged: the caller commits once every output of the run is ready.
enum OutputTable {
    static func write(run: RunContext, columns: [IndicatorColumn], to path: String, format: OutputFormat,
                      overwrite: Bool, output: OutputSpec) throws -> LayerWriter {
        let boundaries = run.boundaries
        let spec = boundaries.spec
        let target = try OutputTarget(path: path, overwrite: overwrite, inputs: [spec.path], createFolder: true)
        var fields = [FieldDefinition(name: spec.idField, type: .string)]
        fields += spec.nameFields.map { FieldDefinition(name: $0, type: .string) }
        fields += columns.map { FieldDefinition(name: $0.name, type: $0.type) }
        var options: [String: String] = [:]
        if format == .geoJSON { options["ID_FIELD"] = spec.idField }
        if format == .csv, output.csvBOM { options["WRITE_BOM"] = "YES" }
        let tabular = format == .csv
        let writer = try LayerWriter(target: target, layerName: spec.name, schema: LayerSchema(fields: fields),
                                     spatialReference: tabular ? nil : try SpatialReference.wgs84(),
                                     geometryType: tabular ? GeometryType(kind: .none) : GeometryType(kind: .multiPolygon),
                                     precision: output.precision, extraOptions: options)
        for area in boundaries.areas {
            var values: [FieldValue] = [.string(area.id)]
            values += area.names.map { $0.text.map(FieldValue.string) ?? .null }
            values += columns.map { (run.values[$0.name]?[area.index] ?? .null).fieldValue }
            let geometry = tabular ? nil : try area.geometry.ogrGeometry()
            try writer.write(values: values, geometry: geometry,
                             source: FeatureLocation(path: spec.path, featureID: area.featureID))
        }
        try writer.close()
        return writer
    }
}
