/// The run's results as the plain table Outputs writes, so that Outputs knows nothing of the run (issue 15).
extension RunContext {
    /// `plan` gives the short names of a shapefile's fields.
    func resultTable(columns: [IndicatorColumn], plan: ColumnPlan?) -> ResultTable {
        let areas = selected.map { boundaries.areas[$0] }
        let spec = boundaries.spec
        let values = columns.map { self.values[$0.name] }
        return ResultTable(
            layerName: spec.name, sourcePath: spec.path, idField: spec.idField, nameFields: spec.nameFields,
            columns: columns.map { ResultTable.Column(name: $0.name, type: $0.type) },
            rows: areas.map { ResultTable.Row(id: $0.id, names: $0.names, featureID: $0.featureID) },
            shapefileNames: plan?.shapefileNames,
            value: { row, column in values[column]?[areas[row].index] ?? .null },
            geometry: { row in try areas[row].geometry.ogrGeometry() })
    }
}

extension TableOptions {
    init(_ output: OutputSpec, threads: Int) {
        self.init(
            csvRaw: output.csvRaw, csvBOM: output.csvBOM, includeGeometry: output.includeGeometry,
            precision: output.precision, threads: max(1, threads))
    }
}
