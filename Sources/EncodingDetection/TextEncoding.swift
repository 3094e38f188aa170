import Foundation

/// A text encoding of attribute data, named as GDAL's Shapefile `ENCODING` open option and iconv take it.
///
/// Values are canonical: every spelling of one encoding (`utf8`, `65001`, `TIS-620`, `windows-874`…) gives the
/// same value, so `==` compares encodings, not spellings.
public struct TextEncoding: Hashable, Sendable, CustomStringConvertible {
    /// The name GDAL (and through it iconv) accepts: `UTF-8`, `CP874`, `ISO-8859-1`, `CP1252`…
    public let gdalName: String

    private init(canonical name: String) {
        gdalName = name
    }

    public static let utf8 = TextEncoding(canonical: "UTF-8")
    /// Windows-874, the superset of TIS-620 and ISO-8859-11 (Thai): text in either decodes identically.
    public static let cp874 = TextEncoding(canonical: "CP874")
    public static let latin1 = TextEncoding(canonical: "ISO-8859-1")
    public static let cp1252 = TextEncoding(canonical: "CP1252")

    /// Any other encoding by its GDAL/iconv name; known spellings are made canonical (`named("utf8") == .utf8`),
    /// anything else is kept verbatim (trimmed), as GDAL passes an unknown `.cpg` value to iconv.
    public static func named(_ name: String) -> TextEncoding {
        TextEncoding(parsing: name) ?? TextEncoding(canonical: name.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// A name for people: "TIS-620/CP874 (Thai)".
    public var displayName: String {
        switch gdalName {
        case "CP874": "TIS-620/CP874 (Thai)"
        case "ISO-8859-1": "ISO-8859-1 (Latin-1)"
        case "CP1252": "CP1252 (Windows Latin-1)"
        default: gdalName
        }
    }

    public var description: String { displayName }

    /// A single-byte code page whose upper half is Thai (CP874 and the TIS-620 / ISO-8859-11 it contains).
    public var isThai: Bool { self == .cp874 }

    /// Whether geoplan recognises this encoding (as opposed to a name kept verbatim from a `.cpg`).
    public var isRecognized: Bool { TextEncoding(parsing: gdalName) != nil }

    // MARK: - Parsing

    /// Reads what users type and `.cpg` files hold: `UTF-8`, `utf8`, `65001`, `874`, `CP874`, `cp-874`,
    /// `windows-874`, `TIS-620`, `ISO-8859-11`, `1252`, `ANSI 1252`, `88591`, `ISO-8859-1`, `latin1`…
    /// Returns nil for an empty or unknown name.
    ///
    /// TIS-620 and ISO-8859-11 are read as CP874: glibc's iconv decodes every byte TIS-620 defines (0xA1–0xDA,
    /// 0xDF–0xFB) to the same Thai letter in all three; ISO-8859-11 adds only NBSP (0xA0, also in CP874) and C1
    /// controls (0x80–0x9F, never in text), where CP874 has the punctuation Windows writers actually put there
    /// (€ … ‘ ’ “ ” • – —). So CP874 reads any of the three correctly, and a wrong guess among them loses nothing.
    public init?(parsing text: String) {
        let cleaned = text.trimmingCharacters(in: .whitespacesAndNewlines.union(["\u{FEFF}"])).uppercased()
        guard !cleaned.isEmpty, cleaned.count <= 40 else { return nil }
        // "cp-874", "windows_874", "ANSI 1252", "ISO 8859-1" → "CP874", "WINDOWS874", "ANSI1252", "ISO88591".
        let compact = String(cleaned.unicodeScalars.filter { !["-", "_", " ", "."].contains($0) })
        if let canonical = Self.aliases[compact] {
            self.init(canonical: canonical)
            return
        }
        // GDAL reads a .cpg starting with "8859" as ISO-8859-<rest> ("88591", "8859-15").
        for prefix in ["ISO8859", "8859"] where compact.hasPrefix(prefix) {
            guard let part = Int(compact.dropFirst(prefix.count)), (1...16).contains(part), part != 12 else {
                return nil
            }
            self.init(canonical: part == 11 ? "CP874" : "ISO-8859-\(part)")
            return
        }
        for prefix in ["ANSI", "WINDOWS", "CP", "MS", "IBM", "XWINDOWS", "XIBM", ""] {
            guard compact.hasPrefix(prefix), let number = Int(compact.dropFirst(prefix.count)) else { continue }
            guard let canonical = Self.codePage(number) else { return nil }
            self.init(canonical: canonical)
            return
        }
        return nil
    }

    /// The encoding a `.cpg` file declares, read as shapelib does (its first line) and mapped as GDAL's
    /// `GetEncodingFromCPG` does; a name geoplan does not know is kept verbatim, as GDAL hands it to iconv
    /// ("Big5", "GBK"). Nil when the file says nothing usable: empty, or "ANSI"/"OEM" without a number
    /// (the writer's system code page, which names none).
    public init?(cpgText: String) {
        let firstLine = cpgText.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        let trimmed = firstLine.trimmingCharacters(in: .whitespacesAndNewlines.union(["\u{FEFF}"]))
        if let known = TextEncoding(parsing: trimmed) {
            self = known
            return
        }
        // An iconv name: ASCII letters, digits and - _ . : + ("Big5", "EUC-TW"), nothing else.
        let nameCharacters = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.:+")
        guard !trimmed.isEmpty, trimmed.count <= 40, trimmed.allSatisfy(nameCharacters.contains),
            !["ANSI", "OEM", "SYSTEM"].contains(trimmed.uppercased())
        else { return nil }
        self.init(canonical: trimmed)
    }

    // MARK: - Names

    /// Spellings (upper case, without `-`, `_`, `.` and spaces) that are not "<prefix><code page number>".
    private static let aliases: [String: String] = [
        "UTF8": "UTF-8", "UTF8BOM": "UTF-8", "65001": "UTF-8", "CP65001": "UTF-8",
        "ASCII": "UTF-8", "USASCII": "UTF-8", "20127": "UTF-8",  // ASCII is the first half of UTF-8
        "TIS620": "CP874", "TIS6202533": "CP874", "TIS": "CP874", "THAI": "CP874", "ISOIR166": "CP874",
        "LATIN1": "ISO-8859-1", "L1": "ISO-8859-1", "28591": "ISO-8859-1", "ISO885911987": "ISO-8859-1",
        "LATIN2": "ISO-8859-2", "LATIN9": "ISO-8859-15",
        "10000": "MACINTOSH", "CP10000": "MACINTOSH", "MACINTOSH": "MACINTOSH", "MACROMAN": "MACINTOSH",
        "BIG5": "BIG5", "GBK": "GBK", "GB2312": "GB2312", "GB18030": "GB18030", "SHIFTJIS": "SHIFT_JIS",
        "SJIS": "SHIFT_JIS", "EUCJP": "EUC-JP", "EUCKR": "EUC-KR", "KOI8R": "KOI8-R", "KOI8U": "KOI8-U",
    ]

    /// The iconv name of a Windows/DOS code page number, for the numbers GDAL's `.cpg` rule takes (437–950,
    /// 1250–1258) plus the ISO-8859 numbers Windows gives (28591…); nil for others.
    private static func codePage(_ number: Int) -> String? {
        switch number {
        case 874: "CP874"
        case 1252: "CP1252"
        case 437...950, 1250...1258: "CP\(number)"
        case 28591...28599: number == 28591 ? "ISO-8859-1" : "ISO-8859-\(number - 28590)"
        case 28605: "ISO-8859-15"
        default: nil
        }
    }
}
