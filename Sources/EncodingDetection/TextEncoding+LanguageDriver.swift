/// The DBF language-driver byte (LDID, header offset 29) as GDAL's Shapefile driver reads it.
///
/// Learned from GDAL's `GetEncodingFromLDIDNumber` (ogr/ogrsf_frmts/shape/ogrshapelayer.cpp, used by
/// `OGRShapeLayer::ConvertCodePage`) and shapelib's `DBFOpen`/`DBFGetCodePage`: a `.cpg` wins; without one a
/// non-zero LDID becomes "LDID/<n>"; 0 declares nothing (GDAL then does not recode at all, and most tools show
/// the raw bytes as Latin-1). GDAL maps 0x57 ("ANSI", the writer's Windows code page) to ISO-8859-1.
extension TextEncoding {
    /// The code page a language-driver byte declares, as GDAL reads it; nil for 0 (none) and unknown bytes.
    /// Names are those iconv accepts: where GDAL writes "CP10000"/"CP10029", glibc's iconv knows "MACINTOSH"/
    /// "MAC-CENTRALEUROPE"; CP895 (0x68) and CP620 (0x69), which iconv lacks, are left out.
    public init?(languageDriver id: UInt8) {
        guard let name = Self.languageDrivers[id] else { return nil }
        self = .named(name)
    }

    /// LDID → code page, after GDAL's table (itself after the dBASE/ESRI language-driver list).
    static let languageDrivers: [UInt8: String] = [
        0x01: "CP437", 0x02: "CP850", 0x03: "CP1252", 0x04: "MACINTOSH", 0x08: "CP865", 0x0A: "CP850",
        0x0B: "CP437", 0x0D: "CP437", 0x0E: "CP850", 0x0F: "CP437", 0x10: "CP850", 0x11: "CP437", 0x12: "CP850",
        0x13: "CP932", 0x14: "CP850", 0x15: "CP437", 0x16: "CP850", 0x17: "CP865", 0x18: "CP437", 0x19: "CP437",
        0x1A: "CP850", 0x1B: "CP437", 0x1C: "CP863", 0x1D: "CP850", 0x1F: "CP852", 0x22: "CP852", 0x23: "CP852",
        0x24: "CP860", 0x25: "CP850", 0x26: "CP866", 0x37: "CP850", 0x40: "CP852", 0x4D: "CP936", 0x4E: "CP949",
        0x4F: "CP950",
        0x50: "CP874",  // Thai (ANSI/OEM)
        0x57: "ISO-8859-1",  // "ANSI": GDAL's choice; on Thai Windows the writer's ANSI code page was 874
        0x58: "CP1252", 0x59: "CP1252", 0x64: "CP852", 0x65: "CP866", 0x66: "CP865", 0x67: "CP861",
        0x6A: "CP737", 0x6B: "CP857", 0x6C: "CP863", 0x78: "CP950", 0x79: "CP949", 0x7A: "CP936", 0x7B: "CP932",
        0x7C: "CP874",  // Thai (Windows)
        0x86: "CP737", 0x87: "CP852", 0x88: "CP857", 0x96: "CP10007", 0x97: "MAC-CENTRALEUROPE",
        0xC8: "CP1250", 0xC9: "CP1251", 0xCA: "CP1254", 0xCB: "CP1253", 0xCC: "CP1257",
    ]

    /// "0x7C", as people who read DBF headers write it.
    static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return "0x" + (digits.count == 1 ? "0" + digits : digits)
    }
}
