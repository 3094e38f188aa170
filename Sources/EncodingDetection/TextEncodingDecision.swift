import Remedies

/// Which encoding a table's text is in, why, and what to tell the user.
public struct TextEncodingDecision: Hashable, Sendable {
    public enum Source: Hashable, Sendable {
        /// `--encoding` said so.
        case userOverride
        /// The `.cpg` file said so (its text), and the bytes agree.
        case declaredCPG(String)
        /// The DBF's language-driver byte said so, and the bytes agree.
        case languageDriver(UInt8)
        /// The bytes said so, with no declaration or against one.
        case detected
        /// Every value is ASCII, which every candidate encoding reads the same.
        case asciiOnly
    }

    /// A value that shows the decision: where it is, its bytes, and how the chosen encoding reads them.
    public struct Example: Hashable, Sendable {
        /// 0-based record number (GDAL's feature id); nil for a field name in the header.
        public let record: Int?
        public let field: String
        public let bytes: [UInt8]
        /// The bytes decoded by the chosen encoding (nil when geoplan cannot preview that encoding).
        public let decoded: String?

        /// "B5 C5 D2 B4 E3 CB AD E8 …": the first 12 bytes.
        public var hex: String {
            let shown = bytes.prefix(12).map { byte in
                let digits = String(byte, radix: 16, uppercase: true)
                return digits.count == 1 ? "0" + digits : digits
            }
            return shown.joined(separator: " ") + (bytes.count > 12 ? " …" : "")
        }

        /// `record 3, field ADM3_TH: B5 C5 D2 B4 … "ตลาดใหญ่"`.
        public var description: String {
            let place = record.map { "record \($0), field \(field)" } ?? "the name of field \(field)"
            return "\(place): \(hex)" + (decoded.map { " \"\($0)\"" } ?? "")
        }
    }

    /// The encoding to pass to GDAL as `ENCODING=<gdalName>`. When `isUndetermined`, UTF-8 (GDAL then does not
    /// recode, and text that is not UTF-8 is refused when read) — but callers should refuse first.
    public let encoding: TextEncoding
    public let source: Source
    public let evidence: ByteEvidence
    /// The value that decided (or, when undetermined, that could not be placed); nil for ASCII-only tables.
    public let example: Example?
    /// Things the user should know: a contradicted declaration, a guess they can make explicit, damaged values.
    public let warnings: [String]
    /// True when the bytes are neither UTF-8 nor plausibly Thai and nothing usable is declared: the caller
    /// refuses, suggesting `--encoding`.
    public let isUndetermined: Bool
    /// One line for people (the CLI prints it after "encoding: "): "TIS-620/CP874 (Thai), detected from the bytes
    /// (no .cpg): 68 of 204 text values are non-ASCII, none valid UTF-8, 100 % Thai-like; language driver 0x00 —
    /// decoded as CP874".
    public let summary: String

    /// How it was decided, in a few words: "declared in .cpg (\"UTF-8\")", "detected from the bytes"…
    public var sourceDescription: String {
        switch source {
        case .userOverride: Remedy.encoding().token
        case let .declaredCPG(text): "declared in .cpg (\"\(text)\")"
        case let .languageDriver(id): "declared by the DBF language driver byte \(TextEncoding.hex(id))"
        case .detected: isUndetermined ? "undetermined" : "detected from the bytes"
        case .asciiOnly: "all text is ASCII"
        }
    }
}
