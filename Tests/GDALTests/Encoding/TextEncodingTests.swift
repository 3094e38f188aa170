import Testing

@testable import GDAL

@Suite struct TextEncodingTests {
    @Test(arguments: ["874", "CP874", "cp-874", "windows-874", "TIS-620", "tis620", "ISO-8859-11", " 874\n"])
    func thaiNames(text: String) {
        #expect(TextEncoding(parsing: text) == .cp874)
    }

    @Test(arguments: ["UTF-8", "utf8", "65001"])
    func utf8Names(text: String) {
        #expect(TextEncoding(parsing: text) == .utf8)
    }

    @Test func otherNames() {
        #expect(TextEncoding(parsing: "1252")?.gdalName == "CP1252")
        #expect(TextEncoding(parsing: "ANSI 1251")?.gdalName == "CP1251")
        #expect(TextEncoding(parsing: "88591") == .latin1)
        #expect(TextEncoding(parsing: "ISO-8859-2")?.gdalName == "ISO-8859-2")
        #expect(TextEncoding(parsing: "klingon") == nil)
        #expect(TextEncoding(parsing: "") == nil)
    }

    @Test func languageDriverBytes() {
        // The dBASE/ESRI table GDAL uses: 0x57 ANSI (read as ISO-8859-1), 0x50 and 0x7C Thai CP874, 0 none.
        #expect(TextEncoding(languageDriver: 0x57) == .latin1)
        #expect(TextEncoding(languageDriver: 0x50) == .cp874)
        #expect(TextEncoding(languageDriver: 0x7C) == .cp874)
        #expect(TextEncoding(languageDriver: 0x00) == nil)
        #expect(TextEncoding.cp874.displayName == "TIS-620/CP874 (Thai)")
    }
}
