import GDAL

/// CSV text that a spreadsheet would run as a formula when it opens the file. A cell beginning with `=`, `+`, `-`
/// or `@` (or a tab or carriage return, which some spreadsheets skip before one) is evaluated, and
/// `=HYPERLINK(…)` or a DDE call in a tambon's name can leak data or start a program ("CSV injection"). As OWASP
/// advises, such a cell gets a leading `'`, which spreadsheets take as "this is text" and do not show, and is
/// quoted. Numbers are never changed, nor is text that is a plain number (`-5`, `+3.5e4`): a spreadsheet reads it
/// as that number, which runs nothing.
///
/// `--csv-raw` (`output: {csv_raw: true}` in a spec) writes every cell as it is.
public enum SpreadsheetText {
    /// The characters that start a formula, as the first Unicode scalar of a cell.
    private static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// True when a spreadsheet would take `text` for a formula.
    static func isFormulaLike(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, formulaStarts.contains(first) else { return false }
        return !isPlainNumber(text)
    }

    /// `text` as a CSV cell can hold it safely: with a leading `'` when it is formula-like.
    static func neutralised(_ text: String) -> String {
        isFormulaLike(text) ? "'" + text : text
    }

    /// A GDAL field value with its text neutralised (other types as they are).
    static func neutralised(_ value: FieldValue) -> FieldValue {
        guard case let .string(text) = value else { return value }
        return .string(neutralised(text))
    }

    /// The text a neutralised cell stands for: a table geoplan wrote, read back as an input, matches its codes.
    static func restored(_ text: String) -> String {
        guard text.hasPrefix("'") else { return text }
        let rest = String(text.dropFirst())
        return isFormulaLike(rest) ? rest : text
    }

    /// `-5`, `+3.5`, `-.5e-3`: digits, at most one point and an exponent, with a sign.
    private static func isPlainNumber(_ text: String) -> Bool {
        let allowed = Set("0123456789.eE+-".unicodeScalars)
        guard text.unicodeScalars.allSatisfy(allowed.contains), let number = Double(text) else { return false }
        return number.isFinite
    }
}
