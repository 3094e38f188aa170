import Foundation
import GDAL

/// One boundary set's results as `OutputTable` writes them: a row per area with its id, names and values, and
/// (except in CSV) its geometry. Plain values and two closures, so that Outputs knows nothing of the run that
/// made them (issue 15: folders import one way); the runner builds it from its context.
struct ResultTable {
    /// One indicator column: its name and the field type GDAL's drivers write it as.
    struct Column {
        let name: String
        let type: FieldType
    }

    /// One area: its code, its name fields' values, and its feature in the boundary file (for messages).
    struct Row {
        let id: String
        let names: [FieldValue]
        let featureID: Int64?
    }

    /// The layer's name (the boundary set's) and the boundary file, which an output must never replace.
    let layerName: String
    let sourcePath: String
    let idField: String
    let nameFields: [String]
    let columns: [Column]
    let rows: [Row]
    /// The short shapefile field names the run decided (and records in meta.json), by full name.
    let shapefileNames: [String: String]?
    /// The value of a row's column: a closure, so that the run's value arrays are not copied into rows.
    let value: (_ row: Int, _ column: Int) -> IndicatorValue
    /// A row's geometry in WGS 84, built only when a format writes geometries.
    let geometry: (_ row: Int) throws -> OGRGeometry
}

/// How an output table is written, as the spec's `output` section says.
struct TableOptions {
    /// CSV cells written as they are, without protecting text a spreadsheet would read as a formula.
    var csvRaw = false
    var csvBOM = false
    var includeGeometry = true
    /// Decimal places of coordinates.
    var precision = 7
    /// Threads that encode a GeoJSON output (a run's `--jobs`).
    var threads = ProcessInfo.processInfo.activeProcessorCount
}
