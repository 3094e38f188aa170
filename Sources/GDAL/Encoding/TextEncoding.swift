import Foundation

/// A text encoding of attribute data, named as GDAL's `ENCODING` open option and iconv take it.
public struct TextEncoding: Hashable, Sendable, CustomStringConvertible {
    /// The name GDAL and iconv accept: `UTF-8`, `CP874`, `ISO-8859-1`, `CP1252`…
    public let gdalName: String

    public init(gdalName: String) {
        self.gdalName = gdalName
    }

    public static let utf8 = TextEncoding(gdalName: "UTF-8")
    /// Windows-874, a superset of TIS-620 (Thai): TIS-620 text decodes identically.
    public static let cp874 = TextEncoding(gdalName: "CP874")
    public static let latin1 = TextEncoding(gdalName: "ISO-8859-1")

    /// A name for people: "TIS-620/CP874 (Thai)".
    public var displayName: String {
        switch gdalName {
        case "CP874": "TIS-620/CP874 (Thai)"
        case "ISO-8859-1": "ISO-8859-1 (Latin-1)"
        default: gdalName
        }
    }

    public var description: String { displayName }

    /// Reads what users and `.cpg` files write: `UTF-8`, `utf8`, `65001`, `874`, `CP874`, `windows-874`,
    /// `TIS-620`, `ISO-8859-11`, `1252`, `ANSI 1252`, `88591`, `latin1`… Returns nil for an empty or unknown name.
    public init?(parsing text: String) {
        let cleaned = text.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
            .replacingOccurrences(of: "_", with: "-")
        guard !cleaned.isEmpty else { return nil }
        let compact = cleaned.replacingOccurrences(of: "-", with: "").replacingOccurrences(of: " ", with: "")
        switch compact {
        case "UTF8", "65001", "UTF8BOM":
            self = .utf8
        // TIS-620 and ISO-8859-11 are CP874 without its few punctuation marks at 0x80–0x9F.
        case "874", "CP874", "WINDOWS874", "TIS620", "TIS6202533", "ISO885911", "MS874", "IBM874", "THAI", "X-IBM874":
            self = .cp874
        case "88591", "ISO88591", "LATIN1", "L1", "28591":
            self = .latin1
        case "ASCII", "USASCII", "20127":
            self = .utf8  // ASCII is UTF-8's first half
        default:
            if let number = Int(compact.replacingOccurrences(of: "ANSI", with: "")
                .replacingOccurrences(of: "CP", with: "").replacingOccurrences(of: "WINDOWS", with: "")),
               (437...1258).contains(number) {
                self.init(gdalName: "CP\(number)")
            } else if compact.hasPrefix("ISO8859"), let part = Int(compact.dropFirst(7)), (1...16).contains(part) {
                self.init(gdalName: "ISO-8859-\(part)")
            } else {
                return nil
            }
        }
    }

    /// The code page a DBF language-driver byte (LDID, header offset 29) declares, following the dBASE/ESRI
    /// table that GDAL's Shapefile driver also uses; nil for 0 (none) and unknown values. 0x57 ("ANSI") is read
    /// as ISO-8859-1, as GDAL does.
    public init?(languageDriver id: UInt8) {
        let table: [UInt8: String] = [
            0x01: "CP437", 0x02: "CP850", 0x03: "CP1252", 0x08: "CP865", 0x09: "CP437", 0x0A: "CP850",
            0x0B: "CP437", 0x0D: "CP437", 0x0E: "CP850", 0x0F: "CP437", 0x10: "CP850", 0x11: "CP437", 0x12: "CP850",
            0x13: "CP932", 0x14: "CP850", 0x15: "CP437", 0x16: "CP850", 0x17: "CP865", 0x18: "CP437", 0x19: "CP437",
            0x1A: "CP850", 0x1B: "CP437", 0x1C: "CP863", 0x1D: "CP850", 0x1F: "CP852", 0x22: "CP852", 0x23: "CP852",
            0x24: "CP860", 0x25: "CP850", 0x26: "CP866", 0x37: "CP850", 0x40: "CP852", 0x4D: "CP936", 0x4E: "CP949",
            0x4F: "CP950", 0x50: "CP874", 0x57: "ISO-8859-1", 0x58: "CP1252", 0x59: "CP1252", 0x64: "CP852",
            0x65: "CP866", 0x66: "CP865", 0x67: "CP861", 0x6A: "CP737", 0x6B: "CP857", 0x6C: "CP863",
            0x78: "CP950", 0x79: "CP949", 0x7A: "CP936", 0x7B: "CP932", 0x7C: "CP874", 0x86: "CP737", 0x87: "CP852",
            0x88: "CP857", 0xC8: "CP1250", 0xC9: "CP1251", 0xCA: "CP1254", 0xCB: "CP1253", 0xCC: "CP1257",
        ]
        guard let name = table[id] else { return nil }
        self.init(gdalName: name)
    }

    /// Whether this is a single-byte code page whose upper half holds Thai (CP874, TIS-620, ISO-8859-11).
    public var isThai: Bool { gdalName == "CP874" }
}
