import Foundation
import GDAL
import Yams

/// `join`: a column of a table, matched to each area by code (a governance unit by its tambon's). Codes are compared as the spec says (`thai`:
/// `TH830101`, `830101` and `0830101` are one tambon). A code found on two rows is an error (which row would be
/// right?); areas without a row get null, and both kinds of mismatch are reported.
public struct JoinIndicator: IndicatorDefinition {
    public var input: String
    public var column: String
    public var normalization: CodeNormalization
    public var reading: ColumnReading

    public var typeName: String { "join" }
    public var inputName: String? { input }
    /// Joins and expressions are cheap and read whole columns.
    var isPerArea: Bool { false }
    /// A table's column may be people or a rate: the spec must say (`kind:`).
    func defaultRollUp(weight: String?) -> RollUpRule? { nil }
    var copiesTambonValues: Bool { true }

    static var spellings: [IndicatorSpelling] {
        [
            IndicatorSpelling(
                name: "join", keys: ["input", "column", "normalize", "values", "non_numeric"],
                inputKinds: [.table], read: read)
        ]
    }

    private static func read(
        _ reader: SpecReader, _ fields: Fields, owner: String,
        _ draft: inout SpecReader.Draft
    ) -> (any IndicatorType)? {
        let input = reader.requiredText(fields, "input", owner: owner)
        let column = reader.requiredText(fields, "column", owner: owner)
        var normalization = CodeNormalization.thai
        if let node = fields["normalize"] {
            guard
                let value = reader.choice(
                    node, key: "normalize", what: "normalize value", listName: "values",
                    options: CodeNormalization.allCases.map { ($0.rawValue, $0) })
            else {
                return nil
            }
            normalization = value
        }
        var reading = ColumnReading()
        if let node = fields["values"] {
            guard
                let value = reader.choice(
                    node, key: "values", what: "values kind", listName: "kinds",
                    options: ColumnReading.Values.allCases.map { ($0.rawValue, $0) })
            else {
                return nil
            }
            reading.values = value
        }
        if let entry = fields.entry("non_numeric") {
            // `non_numeric: null` is YAML's null, which here means the rule of that name.
            if entry.value.isNull {
                reading.nonNumeric = .null
            } else {
                guard
                    let value = reader.choice(
                        entry.value, key: "non_numeric", what: "non_numeric rule",
                        listName: "rules",
                        options: ColumnReading.NonNumeric.allCases.map { ($0.rawValue, $0) })
                else { return nil }
                reading.nonNumeric = value
            }
        }
        guard let input, let column else { return nil }
        return JoinIndicator(input: input, column: column, normalization: normalization, reading: reading)
    }

    func checkInputs(_ indicator: IndicatorSpec, _ run: RunContext) throws {
        let table = try run.table(input)
        if table.column(column) == nil {
            throw GDALError.noSuchField(layer: input, name: column, available: table.columns)
        }
    }

    func compute(_ indicator: IndicatorSpec, _ run: RunContext) throws -> IndicatorResult {
        let spec = indicator
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
            warnings.append(
                "\(spec.id): \(codesWithoutArea.count) codes of \(table.path) match no area: "
                    + codesWithoutArea.prefix(10).joined(separator: ", ")
                    + (codesWithoutArea.count > 10 ? ", …" : ""))
        }
        if !areasWithoutRow.isEmpty {
            warnings.append(
                "\(spec.id): \(areasWithoutRow.count) areas have no row in \(table.path) (null): "
                    + areasWithoutRow.prefix(10).joined(separator: ", ") + (areasWithoutRow.count > 10 ? ", …" : ""))
        }
        return IndicatorResult(
            columns: [IndicatorColumn(name: spec.id, type: type, indicator: spec.id)],
            rows: rows,
            counters: [
                "\(spec.id): table codes matching no area": codesWithoutArea.count,
                "\(spec.id): areas without a table row": areasWithoutRow.count,
            ],
            warnings: warnings)
    }
}

extension IndicatorType where Self == JoinIndicator {
    public static func join(
        input: String, column: String, normalization: CodeNormalization,
        reading: ColumnReading = ColumnReading()
    ) -> JoinIndicator {
        JoinIndicator(input: input, column: column, normalization: normalization, reading: reading)
    }
}
