import Foundation
import GDAL

/// `join`: a column of a table, matched to each area by code (a governance unit by its tambon's). Codes are compared as the spec says (`thai`:
/// `TH830101`, `830101` and `0830101` are one tambon). A code found on two rows is an error (which row would be
/// right?); areas without a row get null, and both kinds of mismatch are reported.
struct JoinIndicator: IndicatorComputer {
    let spec: IndicatorSpec
    let input: String
    let column: String
    let normalization: CodeNormalization
    let reading: ColumnReading

    func compute(_ run: RunContext) throws -> IndicatorResult {
        let table = try run.table(input)
        guard let columnIndex = table.column(column) else {
            throw GDALError.noSuchField(layer: input, name: column, available: table.columns)
        }
        // Typed once for the whole column: a cell that is not a number stops the run (or is counted), never turns
        // the column into text behind the user's back.
        let typed = try TableColumn(table, column: columnIndex, reading: reading, owner: "indicator \"\(spec.id)\"")
        let thai = normalization == .thai
        let rowOfCode = try table.rowsByCode(thai: thai, purpose: "a join needs one row per area")
        var matched = Set<String>()
        var areasWithoutRow: [String] = []
        let rows: [[IndicatorValue]] = run.boundaries.areas.map { area in
            // A governance unit takes its tambon's row (an intensive value: the spec refuses extensive ones).
            let code = run.boundaries.memberships?[area.index].tambonCode ?? area.id
            guard let key = AreaCode.normalize(code, thai: thai), let row = rowOfCode[key]?.row else {
                areasWithoutRow.append(area.id)
                return [.null]
            }
            matched.insert(key)
            switch typed.values {
            case let .numbers(numbers): return [numbers[row].map(IndicatorValue.number) ?? .null]
            case let .texts(texts): return [texts[row].map(IndicatorValue.text) ?? .null]
            }
        }
        let codesWithoutArea = rowOfCode.filter { !matched.contains($0.key) }.map(\.value.written).sorted()
        let type: FieldType = if case .texts = typed.values { .string } else { .real }
        var warnings = typed.notes
        if !codesWithoutArea.isEmpty {
            warnings.append("\(spec.id): \(codesWithoutArea.count) codes of \(table.path) match no area: "
                            + codesWithoutArea.prefix(10).joined(separator: ", ")
                            + (codesWithoutArea.count > 10 ? ", …" : ""))
        }
        if !areasWithoutRow.isEmpty {
            warnings.append("\(spec.id): \(areasWithoutRow.count) areas have no row in \(table.path) (null): "
                            + areasWithoutRow.prefix(10).joined(separator: ", ") + (areasWithoutRow.count > 10 ? ", …" : ""))
        }
        return IndicatorResult(columns: [IndicatorColumn(name: spec.id, type: type, indicator: spec.id)],
                               rows: rows,
                               counters: ["\(spec.id): table codes matching no area": codesWithoutArea.count,
                                          "\(spec.id): areas without a table row": areasWithoutRow.count],
                               warnings: warnings)
    }
}
