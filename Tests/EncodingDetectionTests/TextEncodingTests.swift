import Foundation
import Testing

@testable import EncodingDetection

@Suite struct TextEncodingTests {
    @Test(arguments: [
        "874", "CP874", "cp874", "cp-874", "windows-874", "Windows_874", "x-IBM874", "TIS-620", "TIS620", "tis-620",
        "TIS-620-2533", "ISO-8859-11", "iso8859-11", "885911", "8859-11", "THAI", " 874\n", "\u{FEFF}874",
    ])
    func thaiSpellingsAreCP874(text: String) {
        #expect(TextEncoding(parsing: text) == .cp874)
        #expect(TextEncoding(parsing: text)?.isThai == true)
    }

    @Test(arguments: ["UTF-8", "utf8", "UTF_8", "utf-8 ", "65001", "ASCII"])
    func utf8Spellings(text: String) {
        #expect(TextEncoding(parsing: text) == .utf8)
    }

    @Test(arguments: ["88591", "8859-1", "ISO-8859-1", "iso_8859-1", "ISO 8859-1", "latin1", "Latin-1", "28591"])
    func latin1Spellings(text: String) {
        #expect(TextEncoding(parsing: text) == .latin1)
    }

    @Test(arguments: ["1252", "ANSI 1252", "windows-1252", "CP1252", "cp-1252"])
    func cp1252Spellings(text: String) {
        #expect(TextEncoding(parsing: text) == .cp1252)
    }

    @Test func otherCodePagesAndUnknownNames() {
        #expect(TextEncoding(parsing: "ANSI 1251")?.gdalName == "CP1251")
        #expect(TextEncoding(parsing: "8859-15")?.gdalName == "ISO-8859-15")
        #expect(TextEncoding(parsing: "936")?.gdalName == "CP936")
        #expect(TextEncoding(parsing: "10000")?.gdalName == "MACINTOSH")
        for unknown in ["klingon", "", "   ", "12345", "8859-12", "8859-99", "CP99999", "ANSI"] {
            #expect(TextEncoding(parsing: unknown) == nil, "\(unknown)")
        }
    }

    @Test func namedIsCanonicalForKnownNamesAndVerbatimOtherwise() {
        #expect(TextEncoding.named("utf8") == .utf8)
        #expect(TextEncoding.named("windows-874") == .cp874)
        #expect(TextEncoding.named("big5").gdalName == "BIG5")
        #expect(TextEncoding.named(" EUC-TW ").gdalName == "EUC-TW")
        #expect(!TextEncoding.named("EUC-TW").isRecognized)
        #expect(TextEncoding.cp874.isRecognized)
    }

    /// shapelib reads a `.cpg`'s first line; GDAL passes names it does not map to iconv as they are.
    @Test func cpgContents() {
        #expect(TextEncoding(cpgText: "UTF-8\r\nsomething else") == .utf8)
        #expect(TextEncoding(cpgText: "874\n") == .cp874)
        #expect(TextEncoding(cpgText: "Big5")?.gdalName == "BIG5")
        #expect(TextEncoding(cpgText: "EUC-TW")?.gdalName == "EUC-TW")
        for nothing in ["", " \n", "ANSI", "OEM", "a/b", "\u{0E01}"] {
            #expect(TextEncoding(cpgText: nothing) == nil, "\(nothing)")
        }
    }

    @Test func namesForPeople() {
        #expect(TextEncoding.cp874.displayName == "TIS-620/CP874 (Thai)")
        #expect(TextEncoding.latin1.displayName == "ISO-8859-1 (Latin-1)")
        #expect(TextEncoding.utf8.description == "UTF-8")
        #expect(TextEncoding.named("CP1251").displayName == "CP1251")
    }

    /// Every name geoplan produces must open in iconv, which GDAL recodes with (reference: glibc's `iconv -f NAME`).
    @Test(.enabled(if: EncodingReference.hasIconv))
    func everyProducedNameIsAcceptedByIconv() {
        let spellings = [
            "UTF-8", "874", "88591", "1252", "ANSI 1251", "8859-15", "936", "950", "932", "949", "437",
            "850", "866", "1250", "1253", "1254", "1257", "10000", "Big5", "GBK", "Shift_JIS", "KOI8-R",
        ]
        var names = Set(spellings.compactMap { TextEncoding(parsing: $0)?.gdalName })
        names.formUnion(TextEncoding.languageDrivers.values)
        for name in names.sorted() {
            #expect(EncodingReference.iconvAccepts(name), "iconv does not know \(name)")
        }
    }

    /// Against GDAL itself: a folder of one-record DBFs, each with a `.cpg`, read by `ogrinfo -mdd SHAPEFILE`
    /// (GDAL 3.6.2 here) for its ENCODING_FROM_CPG. Where GDAL passes a value verbatim that iconv rejects
    /// ("65001", "ANSI 1252", "latin1"…), geoplan maps it to a name iconv takes instead; TIS-620 and
    /// ISO-8859-11 become CP874, their superset.
    @Test(.enabled(if: EncodingReference.hasOgrinfo && EncodingReference.hasIconv))
    func cpgMappingAgreesWithGDAL() throws {
        let scratch = try EncodingScratch()
        let cpgs = [
            "UTF-8", "utf8", "874", "1252", "1251", "ANSI 1251", "88591", "8859-1", "8859-15", "936", "950",
            "437", "65001", "ANSI 1252", "TIS-620", "ISO-8859-11", "885911", "Big5", "latin1",
        ]
        for (index, cpg) in cpgs.enumerated() {
            try DBFFixture(values: [Array("abc".utf8)]).write(to: scratch.file("t\(index).dbf"))
            try cpg.write(to: scratch.file("t\(index).cpg"), atomically: true, encoding: .utf8)
        }
        let layers = try EncodingReference.ogrShapefileMetadata(folder: scratch.url)
        #expect(layers.count == cpgs.count)
        for (index, cpg) in cpgs.enumerated() {
            let gdal = try #require(layers["t\(index)"]?["ENCODING_FROM_CPG"], "\(cpg)")
            let ours = try #require(TextEncoding(cpgText: cpg), "\(cpg)").gdalName
            if TextEncoding(parsing: gdal)?.isThai == true || !EncodingReference.iconvAccepts(gdal) {
                #expect(EncodingReference.iconvAccepts(ours), "\(cpg): GDAL \(gdal), geoplan \(ours)")
                #expect(TextEncoding(parsing: cpg) != nil, "\(cpg)")
            } else {
                #expect(TextEncoding.named(gdal) == TextEncoding.named(ours), "\(cpg): GDAL \(gdal), geoplan \(ours)")
            }
        }
    }
}
