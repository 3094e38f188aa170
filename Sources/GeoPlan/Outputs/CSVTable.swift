import Foundation

/// Writes a run's table as CSV ourselves rather than through GDAL, whose CSV driver prints reals with 15
/// significant digits (`119993614.173462` for 119993614.17346191): here numbers are written in Swift's shortest
/// form that reads back to the same double, text is quoted as RFC 4180 says, and the file is UTF-8, optionally
/// with a byte-order mark so that Excel shows Thai text. Text a spreadsheet would run as a formula is neutralised
/// (`SpreadsheetText`) unless `rawText`.
struct CSVTable {
    let header: [String]
    /// Text cells written as they are, formula-like or not (`--csv-raw`).
    let rawText: Bool
    var rows: [[IndicatorValue]] = []

    init(header: [String], rawText: Bool = false) {
        self.header = header
        self.rawText = rawText
    }

    mutating func append(_ row: [IndicatorValue]) {
        rows.append(rawText ? row : row.map(Self.spreadsheetSafe))
    }

    /// Text with a leading `'` when a spreadsheet would take it for a formula; numbers never change.
    static func spreadsheetSafe(_ value: IndicatorValue) -> IndicatorValue {
        guard case let .text(text) = value else { return value }
        return .text(SpreadsheetText.neutralised(text))
    }

    /// Writes to a staged output (a member of `outputs` when given) and returns it, to be committed with the
    /// run's other outputs. Every byte is checked (`CheckedFile`): a full disk is an error naming the file.
    func write(to target: OutputTarget, byteOrderMark: Bool, in outputs: OutputSet? = nil) throws -> StagedOutput {
        let staged = try outputs?.stage(target) ?? StagedOutput(target: target)
        let file = try CheckedFile(creating: staged.stagingPath, displayPath: target.path)
        if byteOrderMark { try file.write("\u{FEFF}") }
        try file.write(header.map(Self.quoted).joined(separator: ",") + "\r\n")
        for row in rows {
            try file.write(row.map(Self.cell).joined(separator: ",") + "\r\n")
        }
        try file.finish()
        return staged
    }

    static func cell(_ value: IndicatorValue) -> String {
        switch value {
        case .null: ""
        case let .integer(number): String(number)
        case let .number(number) where !number.isFinite: ""  // the runner has made these null already
        case let .number(number): number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : "\(number)"
        case let .text(text): quoted(text)
        }
    }

    static func quoted(_ text: String) -> String {
        // isNewline: Swift sees "\r\n" as one Character, equal to neither "\n" nor "\r". A leading `'` is quoted
        // too, as OWASP advises for a neutralised cell.
        guard
            text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) || text.hasPrefix(" ")
                || text.hasPrefix("'")
        else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
