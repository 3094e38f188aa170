import Foundation
import Testing

@testable import EncodingDetection

@Suite struct TextPreviewTests {
    @Test func previewsInEachEncoding() {
        #expect(TextEncoding.cp874.preview(ThaiSamples.talatYai) == "ตลาดใหญ่")
        #expect(TextEncoding.utf8.preview(ThaiSamples.utf8[0]) == "ตลาดใหญ่")
        #expect(TextEncoding.latin1.preview(ThaiSamples.latin1[0]) == "Zürich")
        // The mojibake GDAL's default shows for TIS-620 (the Latin-1 reading of the bytes).
        #expect(TextEncoding.latin1.preview(ThaiSamples.talatYai) == "µÅÒ´ãË\u{AD}è")
        #expect(TextEncoding.cp874.preview([0x41, 0xFC]) == "A\u{FFFD}")
        #expect(TextEncoding.named("CP1251").preview([0x41]) == nil)
    }

    @Test func controlCharactersDoNotReachTheTerminal() {
        #expect(TextEncoding.latin1.preview([0x41, 0x1B, 0x92]) == "A··")
        #expect(TextEncoding.cp1252.preview([0x49, 0x74, 0x92, 0x73]) == "It’s")
    }

    /// The CP1252 table against glibc's iconv, byte by byte.
    @Test(.enabled(if: EncodingReference.hasIconv))
    func cp1252MatchesIconv() throws {
        let reference = try EncodingReference.iconvDecodeEachByte(from: "CP1252")
        for byte in 0...255 where byte != 0x0A {
            let ours = TextEncoding.scalar(cp1252: UInt8(byte)).map { String(Character($0)) } ?? ""
            #expect(ours == reference[byte], "byte \(TextEncoding.hex(UInt8(byte)))")
        }
    }
}
