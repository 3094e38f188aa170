import Foundation
import Testing

@testable import EncodingDetection

@Suite struct ThaiBytesTests {
    /// The CP874 table against glibc's iconv, byte by byte (`iconv -c -f CP874 -t UTF-8`).
    @Test(.enabled(if: EncodingReference.hasIconv))
    func cp874DecodingMatchesIconv() throws {
        let reference = try EncodingReference.iconvDecodeEachByte(from: "CP874")
        for byte in 0...255 where byte != 0x0A {
            let ours = ThaiBytes.scalar(cp874: UInt8(byte)).map { String(Character($0)) } ?? ""
            #expect(ours == reference[byte], "byte \(TextEncoding.hex(UInt8(byte)))")
            #expect(ThaiBytes.definedInCP874(UInt8(byte)) == !reference[byte].isEmpty)
        }
    }

    /// Which bytes TIS-620 defines, against `iconv -c -f TIS-620`.
    @Test(.enabled(if: EncodingReference.hasIconv))
    func tis620DefinedBytesMatchIconv() throws {
        let reference = try EncodingReference.iconvDecodeEachByte(from: "TIS-620")
        for byte in 0...255 where byte != 0x0A {
            #expect(
                ThaiBytes.definedInTIS620(UInt8(byte)) == !reference[byte].isEmpty,
                "byte \(TextEncoding.hex(UInt8(byte)))")
        }
    }

    /// The byte classes against Unicode's own properties of the characters they decode to: combining marks are
    /// exactly the nonspacing marks (Mn), leading vowels exactly the Logical_Order_Exception characters, and
    /// consonants the letters from KO KAI to HO NOKHUK.
    @Test func classesAgreeWithUnicodeProperties() throws {
        for byte in UInt8(0xA1)...0xFB where ThaiBytes.definedInTIS620(byte) {
            let scalar = try #require(ThaiBytes.scalar(cp874: byte))
            let properties = scalar.properties
            #expect(
                ThaiBytes.isCombiningMark(byte) == (properties.generalCategory == .nonspacingMark),
                "\(TextEncoding.hex(byte)) \(properties.name ?? "")")
            #expect(
                ThaiBytes.isLeadingVowel(byte) == properties.isLogicalOrderException,
                "\(TextEncoding.hex(byte)) \(properties.name ?? "")")
            #expect(ThaiBytes.isConsonant(byte) == (0x0E01...0x0E2E).contains(scalar.value))
        }
        #expect(ThaiBytes.scalar(cp874: 0xA1)?.properties.name == "THAI CHARACTER KO KAI")
        #expect(ThaiBytes.scalar(cp874: 0xCE)?.properties.name == "THAI CHARACTER HO NOKHUK")
    }

    @Test func thaiOrder() {
        // Only high bytes are asked about (ASCII is never Thai evidence).
        func ordered(_ bytes: [UInt8]) -> [Bool] {
            bytes.indices.filter { bytes[$0] >= 0x80 }.map { ThaiBytes.isInThaiOrder(bytes[...], at: $0) }
        }
        // กิ่ (consonant, vowel above, tone above): every mark has its base.
        #expect(ordered([0xA1, 0xD4, 0xE8]) == [true, true, true])
        // เกาะ: leading vowel before a consonant; ะ after า.
        #expect(ordered([0xE0, 0xA1, 0xD2, 0xD0]) == [true, true, true, true])
        // "เเก" typed for แก.
        #expect(ordered([0xE0, 0xE0, 0xA1]) == [true, true, true])
        // A tone mark first, a leading vowel last: not Thai.
        #expect(ordered([0xE8, 0xA1, 0xE0]) == [false, true, false])
        // ASCII letters around a lone high byte (a Latin-1 "é"): not in a run.
        #expect(ordered([0x43, 0x61, 0x66, 0xE9]) == [false])
        // A byte CP874 does not define, inside a run.
        #expect(ordered([0xA1, 0xFC, 0xA1]) == [true, false, true])
    }
}
