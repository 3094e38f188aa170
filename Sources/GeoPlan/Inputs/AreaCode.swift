import Foundation

/// Area codes as tables write them. OCHA's COD-AB writes a tambon `TH830101`, the Department of Provincial
/// Administration `830101`, spreadsheets `0830101` or `830101.0`: under `thai`, all are the same key.
public enum AreaCode {
    /// The comparison key of a code, or nil when it is blank. `thai: false` keeps the trimmed code as is.
    /// `thai: true` drops a `TH` prefix (any case), a numeric export's `.0` / `.00`, and leading zeros (all zeros
    /// keep one); a code that is not then all ASCII digits is compared as its trimmed, upper-cased text, so
    /// `MUN-01` and `mun-01` still match each other and nothing else.
    public static func normalize(_ code: String, thai: Bool) -> String? {
        let trimmed = code.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        guard thai else { return trimmed }
        let upper = trimmed.uppercased()
        var digits = Substring(upper)
        if digits.hasPrefix("TH") { digits = digits.dropFirst(2) }
        // Spreadsheets that stored the code as a number export "830101.0".
        if let dot = digits.firstIndex(of: "."), digits[digits.index(after: dot)...].allSatisfy({ $0 == "0" }) {
            digits = digits[..<dot]
        }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return upper }
        let significant = digits.drop { $0 == "0" }
        return significant.isEmpty ? "0" : String(significant)
    }
}

/// Rows of a table keyed by area code, matched to areas under ``AreaCode/normalize(_:thai:)``.
///
/// Two rows whose codes normalise alike are a ``duplicates`` entry and match no area (which row would be right?);
/// rows with blank codes are ignored.
public struct CodeMatcher<Row> {
    public let thai: Bool
    /// Normalised key → the codes as written on the rows that share it, in row order.
    public let duplicates: [String: [String]]
    private let rowOfKey: [String: Row]
    /// Every code as written, by key (duplicates included).
    private let codesOfKey: [String: [String]]

    public init(_ rows: [(code: String, row: Row)], thai: Bool) {
        self.thai = thai
        var rowOfKey: [String: Row] = [:]
        var codesOfKey: [String: [String]] = [:]
        for (code, row) in rows {
            guard let key = AreaCode.normalize(code, thai: thai) else { continue }
            codesOfKey[key, default: []].append(code)
            rowOfKey[key] = row
        }
        let duplicates = codesOfKey.filter { $0.value.count > 1 }
        for key in duplicates.keys { rowOfKey[key] = nil }
        self.rowOfKey = rowOfKey
        self.codesOfKey = codesOfKey
        self.duplicates = duplicates
    }

    /// The row for an area's code; nil when no row has it, or when two do (see ``duplicates``).
    public func row(for areaCode: String) -> Row? {
        AreaCode.normalize(areaCode, thai: thai).flatMap { rowOfKey[$0] }
    }

    /// Both kinds of mismatch, as written and sorted: table codes that name no area (a duplicated code counts as
    /// matched when an area has it; it is reported in ``duplicates``), and areas whose code no row has (blank ones
    /// included).
    public func unmatched(areaCodes: [String]) -> (codesWithoutArea: [String], areasWithoutRow: [String]) {
        var areaKeys = Set<String>()
        var areasWithoutRow: [String] = []
        for code in areaCodes {
            guard let key = AreaCode.normalize(code, thai: thai), codesOfKey[key] != nil else {
                areasWithoutRow.append(code)
                continue
            }
            areaKeys.insert(key)
        }
        let codesWithoutArea = codesOfKey.filter { !areaKeys.contains($0.key) }.flatMap(\.value)
        return (codesWithoutArea.sorted(), areasWithoutRow.sorted())
    }
}

extension CodeMatcher: Sendable where Row: Sendable {}
