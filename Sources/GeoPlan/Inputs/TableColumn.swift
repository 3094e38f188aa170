import Foundation
import GDAL

/// How a table column is to be read, as the spec says (`values:`, `non_numeric:` on a `join`).
public struct ColumnReading: Hashable, Sendable {
    /// What the column holds: decided from its cells (`auto`), or said.
    public enum Values: String, Hashable, Sendable, CaseIterable { case auto, number, text }
    /// What a cell that is not a number does to a numeric column: stop with an error naming it, or read as null
    /// with a warning that counts such cells.
    public enum NonNumeric: String, Hashable, Sendable, CaseIterable { case error, null }

    public var values: Values
    public var nonNumeric: NonNumeric

    public init(values: Values = .auto, nonNumeric: NonNumeric = .error) {
        self.values = values
        self.nonNumeric = nonNumeric
    }
}

/// One cell, read by the documented rule (README, "How tables are read"):
/// - a typed number (GeoPackage, DBF numeric fields) is that number;
/// - text is trimmed; an empty cell is null;
/// - a plain decimal (`45210`, `-3.5`, `.5`, `1.2e3`) is a number;
/// - digits grouped by commas in threes (`45,210`, `1,234,567.25`) are a number, and the cells read so are counted
///   in a message, since `1,234` means 1.234 in much of the world;
/// - a number beyond what a double holds (`1e309`), or `NaN`/`inf` spelled out or stored, is not a finite number;
/// - anything else (`abc`, `1,2`, `12 %`, `0x1F`) is text.
enum TableCell: Equatable {
    case empty
    case number(Double, grouped: Bool)
    case nonFinite(String)
    case text(String)

    init(_ field: FieldValue) {
        switch field {
        case let .integer(number):
            self = .number(Double(number), grouped: false)
        case let .real(number):
            self = number.isFinite ? .number(number, grouped: false) : .nonFinite(String(number))
        case .null, .unset:
            self = .empty
        default:
            guard let text = field.text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
                self = .empty
                return
            }
            self = Self(text: text)
        }
    }

    init(text: String) {
        let lowered = text.lowercased()
        if ["nan", "+nan", "-nan", "inf", "+inf", "-inf", "infinity", "+infinity", "-infinity"].contains(lowered) {
            self = .nonFinite(text)
            return
        }
        let grouped = Self.isGrouped(text)
        guard grouped || Self.isPlainDecimal(text),
            let number = Double(grouped ? text.replacingOccurrences(of: ",", with: "") : text)
        else {
            self = .text(text)
            return
        }
        self = number.isFinite ? .number(number, grouped: grouped) : .nonFinite(text)
    }

    /// `-12`, `3.5`, `.5`, `1e-3`: digits, one optional point, an optional exponent.
    static func isPlainDecimal(_ text: String) -> Bool {
        var scalars = Substring(text).unicodeScalars[...]
        if let sign = scalars.first, sign == "+" || sign == "-" { scalars = scalars.dropFirst() }
        let mantissa = scalars.prefix { $0 != "e" && $0 != "E" }
        let exponent = scalars.dropFirst(mantissa.count)
        let parts = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard !mantissa.isEmpty, parts.allSatisfy({ $0.allSatisfy(Self.isDigit) }),
            parts.contains(where: { !$0.isEmpty }), mantissa.filter({ $0 == "." }).count <= 1
        else { return false }
        guard !exponent.isEmpty else { return true }
        var digits = exponent.dropFirst()
        if let sign = digits.first, sign == "+" || sign == "-" { digits = digits.dropFirst() }
        return !digits.isEmpty && digits.allSatisfy(Self.isDigit)
    }

    /// `45,210`, `-1,234,567.25`: one to three digits, then groups of a comma and three digits, then a fraction.
    static func isGrouped(_ text: String) -> Bool {
        var body = Substring(text)
        if let sign = body.first, sign == "+" || sign == "-" { body = body.dropFirst() }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, whole.contains(",") else { return false }
        if parts.count == 2, parts[1].isEmpty || !parts[1].unicodeScalars.allSatisfy(Self.isDigit) { return false }
        let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
        guard let lead = groups.first, (1...3).contains(lead.count),
            lead.unicodeScalars.allSatisfy(Self.isDigit)
        else { return false }
        return groups.dropFirst().allSatisfy { $0.count == 3 && $0.unicodeScalars.allSatisfy(Self.isDigit) }
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
}

/// A table column's values, typed by one rule: numbers when every non-empty cell is a number, text when none is,
/// and an error naming the first offending cell when the two mix (or when a finite number is needed and a cell
/// does not hold one) — unless the reading says to read such cells as null (counted) or to keep the column as text.
struct TableColumn {
    enum Values: Equatable {
        case numbers([Double?])
        case texts([String?])
    }

    let values: Values
    /// Messages about how cells were read (thousands separators, cells read as null), for the run's warnings.
    let notes: [String]

    /// - Parameters:
    ///   - owner: who reads it, for messages (`indicator "pop"`).
    ///   - needsNumbers: the reader computes with the values (interpolation), so text is never an answer.
    init(
        _ table: CodeTable, column index: Int, reading: ColumnReading, owner: String,
        needsNumbers: Bool = false
    ) throws {
        let name = table.columns[index]
        let cells = table.rows.map { TableCell($0[index]) }
        if reading.values == .text {
            values = .texts(
                table.rows.map { row in
                    let text = row[index].text?.trimmingCharacters(in: .whitespaces)
                    return text?.isEmpty == false ? text : nil
                })
            notes = []
            return
        }
        var numbers = 0
        var grouped: [String] = []
        var others: [(row: Int, text: String, finite: Bool)] = []
        for (row, cell) in cells.enumerated() {
            switch cell {
            case .empty: break
            case let .number(_, isGrouped):
                numbers += 1
                if isGrouped, let text = table.rows[row][index].text { grouped.append(text) }
            case let .nonFinite(text): others.append((row, text, false))
            case let .text(text): others.append((row, text, true))
            }
        }
        let textColumn = reading.values == .auto && !needsNumbers && numbers == 0 && others.allSatisfy(\.finite)
        if textColumn, !others.isEmpty {
            values = .texts(cells.map { if case let .text(text) = $0 { text } else { nil } })
            notes = []
            return
        }
        if let first = others.first, reading.nonNumeric == .error {
            let what = first.finite ? "is not a number" : "is not a finite number"
            let context = numbers > 0 ? ", but \(numbers) other cells of the column are numbers" : ""
            let keepText = needsNumbers ? "" : ", or keep the column as text with \(Remedy.valuesAsText.token)"
            throw GeoPlanError.input(
                path: table.path,
                reason: "row \(first.row + 1), column \"\(name)\": \"\(first.text)\" \(what)\(context) (\(owner)"
                    + (others.count > 1 ? "; \(others.count) such cells" : "") + "); correct the cell, or read such "
                    + "cells as null with \(Remedy.nonNumericAsNull.token)\(keepText)")
        }
        var notes: [String] = []
        if !grouped.isEmpty {
            notes.append(
                "\(owner): \(grouped.count) cells of column \"\(name)\" in \(table.path) are written with "
                    + "thousands separators (\(grouped[0])) and were read as numbers "
                    + "(\(grouped[0].replacingOccurrences(of: ",", with: "")))")
        }
        if !others.isEmpty {
            let rows = others.prefix(5).map { "row \($0.row + 1) \"\($0.text)\"" }.joined(separator: ", ")
            notes.append(
                "\(owner): \(others.count) cells of column \"\(name)\" in \(table.path) are not finite "
                    + "numbers and were read as null (\(Remedy.nonNumericAsNull.token)): \(rows)"
                    + (others.count > 5 ? ", …" : ""))
        }
        values = .numbers(cells.map { if case let .number(number, _) = $0 { number } else { nil } })
        self.notes = notes
    }
}
