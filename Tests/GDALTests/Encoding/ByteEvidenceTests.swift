import Testing

@testable import GDAL

@Suite struct ByteEvidenceTests {
    /// Thai place names in TIS-620, from `printf "%s" NAME | iconv -f UTF-8 -t TIS-620 | xxd -p` (glibc iconv).
    static let talatYai: [UInt8] = [0xB5, 0xC5, 0xD2, 0xB4, 0xE3, 0xCB, 0xAD, 0xE8]  // ตลาดใหญ่
    static let kathu: [UInt8] = [0xA1, 0xD0, 0xB7, 0xD9, 0xE9]  // กะทู้
    static let nonthaburi: [UInt8] = [0xB9, 0xB9, 0xB7, 0xBA, 0xD8, 0xC3, 0xD5]  // นนทบุรี

    func evidence(_ values: [[UInt8]]) -> ByteEvidence {
        var evidence = ByteEvidence()
        for (index, value) in values.enumerated() { evidence.add(value[...], record: index, field: "NAME") }
        return evidence
    }

    @Test func tis620ThaiLooksThaiAndNotUTF8() {
        let found = evidence([Self.talatYai, Self.kathu, Self.nonthaburi, Array("Mueang".utf8)])
        #expect(found.looksThai)
        #expect(!found.looksUTF8)
        #expect(found.invalidUTF8Values == 3)
        #expect(found.firstInvalid?.record == 0)
    }

    @Test func utf8ThaiLooksUTF8() {
        let found = evidence([Array("ตลาดใหญ่".utf8), Array("Phuket".utf8)])
        #expect(found.looksUTF8)
        #expect(found.nonASCIIValues == 1)
    }

    @Test func latin1EuropeanNamesAreNotThai() {
        // iconv -f UTF-8 -t ISO-8859-1: "Zürich Café" → 5a fc 72 69 63 68 20 43 61 66 e9; ü (0xFC) is not in CP874.
        let zurich: [UInt8] = [0x5A, 0xFC, 0x72, 0x69, 0x63, 0x68, 0x20, 0x43, 0x61, 0x66, 0xE9]
        // "Hôtel de Ville", "Peñalolén": every accented letter stands alone between ASCII letters.
        let hotel: [UInt8] = [0x48, 0xF4, 0x74, 0x65, 0x6C, 0x20, 0x64, 0x65, 0x20, 0x56, 0x69, 0x6C, 0x6C, 0x65]
        let penalolen: [UInt8] = [0x50, 0x65, 0xF1, 0x61, 0x6C, 0x6F, 0x6C, 0xE9, 0x6E]
        #expect(!evidence([zurich]).looksThai)
        #expect(!evidence([hotel, penalolen]).looksThai)
        #expect(!evidence([hotel, penalolen]).looksUTF8)
    }

    @Test func asciiIsJustASCII() {
        let found = evidence([Array("TH830101".utf8), Array("Talat Yai".utf8)])
        #expect(found.isASCIIOnly)
        #expect(!found.looksThai && !found.looksUTF8)
    }

    @Test func overlongAndSurrogateUTF8AreInvalid() {
        #expect(!ByteEvidence.isValidUTF8([0xC0, 0xAF][...]))  // overlong "/"
        #expect(!ByteEvidence.isValidUTF8([0xED, 0xA0, 0x80][...]))  // a UTF-16 surrogate
        #expect(ByteEvidence.isValidUTF8(Array("ก".utf8)[...]))
    }
}
