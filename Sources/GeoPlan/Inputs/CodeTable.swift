import Foundation
import GDAL

/// A table input (CSV, spreadsheet export, a layer's attributes) keyed by an area code, read once.
public final class CodeTable {
    public let input: InputSpec
    public let path: String
    /// The code of each row, as written (trimmed), nil when empty.
    public let codes: [String?]
    /// Column names, in the file's order.
    public let columns: [String]
    /// Each row's values, in `columns` order.
    public let rows: [[FieldValue]]
    public let warnings: [String]

    static func load(_ input: InputSpec, folder: String?) throws -> CodeTable {
        let path = BoundarySet.resolve(input.path, in: folder)
        let options = InputOptions(layer: input.layer, encoding: input.encoding, whereClause: input.whereClause)
        let source = try VectorSource.open(path, options: options)
        let layer = source.layer
        guard let codeField = input.codeField else {
            throw GeoPlanError.input(path: path, reason: "table input \"\(input.name)\" names no code field (code:)")
        }
        guard let codeIndex = layer.schema.index(of: codeField) else {
            throw GDALError.noSuchField(layer: layer.name, name: codeField, available: layer.schema.names)
        }
        var codes: [String?] = []
        var rows: [[FieldValue]] = []
        try layer.forEachFeature { feature in
            let values = try feature.values()
            // A code geoplan neutralised in a CSV it wrote ('-A1) matches the area it came from (-A1).
            let code = values[codeIndex].text.map { SpreadsheetText.restored($0.trimmingCharacters(in: .whitespaces)) }
            codes.append(code?.isEmpty == false ? code : nil)
            rows.append(values)
        }
        return CodeTable(
            input: input, path: path, codes: codes, columns: layer.schema.names, rows: rows,
            warnings: source.encoding.warnings)
    }

    private init(
        input: InputSpec, path: String, codes: [String?], columns: [String], rows: [[FieldValue]],
        warnings: [String]
    ) {
        self.input = input
        self.path = path
        self.codes = codes
        self.columns = columns
        self.rows = rows
        self.warnings = warnings
    }

    /// The position of a column (exact name first, then case-insensitive).
    func column(_ name: String) -> Int? {
        columns.firstIndex(of: name) ?? columns.firstIndex { $0.lowercased() == name.lowercased() }
    }

    /// Each row by its normalised code (`thai`: `TH830101`, `830101` and `0830101` are one), with the code as
    /// written. Two rows naming one code are an error: which would be right? `purpose` ends the message.
    func rowsByCode(thai: Bool, purpose: String) throws -> [String: (row: Int, written: String)] {
        var found: [String: (row: Int, written: String)] = [:]
        for (row, code) in codes.enumerated() {
            guard let code, let key = AreaCode.normalize(code, thai: thai) else { continue }
            if let earlier = found[key] {
                throw GeoPlanError.input(
                    path: path,
                    reason: "codes \"\(earlier.written)\" and \"\(code)\" (rows "
                        + "\(earlier.row + 1) and \(row + 1)) name the same area; \(purpose)")
            }
            found[key] = (row, code)
        }
        return found
    }
}
