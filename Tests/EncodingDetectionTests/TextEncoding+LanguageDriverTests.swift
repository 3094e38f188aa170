import Foundation
import Testing

@testable import EncodingDetection

@Suite struct TextEncodingLanguageDriverTests {
    @Test func theBytesThatMatterForThaiData() {
        #expect(TextEncoding(languageDriver: 0x00) == nil)  // declares nothing
        #expect(TextEncoding(languageDriver: 0x57) == .latin1)  // "ANSI", read by GDAL as ISO-8859-1
        #expect(TextEncoding(languageDriver: 0x50) == .cp874)  // Thai OEM
        #expect(TextEncoding(languageDriver: 0x7C) == .cp874)  // Thai Windows
        #expect(TextEncoding(languageDriver: 0x03) == .cp1252)
        #expect(TextEncoding(languageDriver: 0x58) == .cp1252)
        #expect(TextEncoding(languageDriver: 0xC9)?.gdalName == "CP1251")
        #expect(TextEncoding(languageDriver: 0x68) == nil)  // CP895: iconv has no such code page
        #expect(TextEncoding(languageDriver: 0xFF) == nil)
    }

    @Test func hexSpelling() {
        #expect(TextEncoding.hex(0x7C) == "0x7C")
        #expect(TextEncoding.hex(0x05) == "0x05")
        #expect(TextEncoding.hex(0) == "0x00")
    }

    /// Against GDAL itself: one DBF per LDID 1…255 in a folder, read once with `ogrinfo -mdd SHAPEFILE` (GDAL 3.6.2
    /// here), whose ENCODING_FROM_LDID is GDAL's `GetEncodingFromLDIDNumber`. The table must agree except where
    /// GDAL names a code page iconv lacks: CP10000 and CP10029 (geoplan: MACINTOSH, MAC-CENTRALEUROPE), CP895
    /// and CP620 (geoplan: none).
    @Test(.enabled(if: EncodingReference.hasOgrinfo))
    func tableAgreesWithGDAL() throws {
        let scratch = try EncodingScratch()
        for id in 1...255 {
            var table = DBFFixture(values: [Array("abc".utf8)])
            table.languageDriver = UInt8(id)
            try table.write(to: scratch.file("ldid\(id).dbf"))
        }
        let layers = try EncodingReference.ogrShapefileMetadata(folder: scratch.url)
        #expect(layers.count == 255)
        let renamed = ["CP10000": "MACINTOSH", "CP10029": "MAC-CENTRALEUROPE"]
        for id in 1...255 {
            let gdal = layers["ldid\(id)"]?["ENCODING_FROM_LDID"]
            let ours = TextEncoding(languageDriver: UInt8(id))?.gdalName
            switch gdal {
            case "CP895", "CP620": #expect(ours == nil, "LDID \(id)")
            case let name?: #expect(ours == (renamed[name] ?? name), "LDID \(id): GDAL \(name), geoplan \(ours ?? "-")")
            case nil: #expect(ours == nil, "LDID \(id): GDAL none, geoplan \(ours ?? "-")")
            }
        }
    }
}
