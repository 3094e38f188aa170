import Foundation
import Testing

@testable import EncodingDetection

@Suite struct ByteEvidenceTests {
    func evidence(_ values: [[UInt8]]) -> ByteEvidence {
        var evidence = ByteEvidence()
        for (index, value) in values.enumerated() { evidence.add(value[...], record: index, field: "NAME") }
        return evidence
    }

    // MARK: - Real text, encoded by iconv

    /// The 214 distinct Thai names (ADM0–3_TH) of the shipped tambon tables, encoded to TIS-620 by glibc's iconv
    /// (`iconv -f UTF-8 -t TIS-620`): all Thai, together and each one alone.
    @Test(.enabled(if: EncodingReference.hasIconv))
    func shippedThaiNamesInTIS620AreThai() throws {
        let names = try EncodingReference.shippedThaiNames()
        #expect(names.count >= 200)
        let tis620 = try EncodingReference.iconv(names, to: "TIS-620")
        #expect(tis620.count == names.count)
        let all = evidence(tis620)
        #expect(all.looksThai && !all.looksUTF8)
        #expect(all.thaiLikeness == 1)
        #expect(all.undefinedInCP874 == 0)
        for (name, bytes) in zip(names, tis620) {
            #expect(evidence([bytes]).looksThai, "\(name)")
        }
    }

    @Test func shippedThaiNamesInUTF8AreUTF8() throws {
        let names = try EncodingReference.shippedThaiNames()
        let found = evidence(names.map { Array($0.utf8) })
        #expect(found.looksUTF8 && !found.looksThai)
        #expect(found.utf8ThaiValues == names.count)
        #expect(found.highBytes == 0)  // nothing left to read as single-byte text
    }

    /// European place names in ISO-8859-1 (iconv): accents stand alone, so none reads as Thai, alone or together.
    @Test(.enabled(if: EncodingReference.hasIconv))
    func europeanNamesInLatin1AreNotThai() throws {
        for target in ["ISO-8859-1", "CP1252"] {
            let bytes = try EncodingReference.iconv(europeanPlaceNames, to: target)
            let all = evidence(bytes)
            #expect(!all.looksThai && !all.looksUTF8, "\(target)")
            #expect(all.thaiLikeness < 0.1, "\(target): \(all.thaiLikeness)")
            for (name, value) in zip(europeanPlaceNames, bytes) {
                #expect(!evidence([value]).looksThai, "\(name) in \(target)")
            }
        }
    }

    /// Scripts written wholly in the upper half (Cyrillic CP1251, Greek ISO-8859-7) run like Thai but break its
    /// order and use bytes Thai lacks.
    @Test(.enabled(if: EncodingReference.hasIconv))
    func cyrillicAndGreekAreNotThai() throws {
        let russian = [
            "Москва", "Санкт-Петербург", "Новосибирск", "Екатеринбург", "Нижний Новгород", "Казань",
            "Челябинск", "Омск", "Самара", "Ростов-на-Дону", "Уфа", "Красноярск", "Пермь", "Воронеж",
        ]
        let greek = ["Αθήνα", "Θεσσαλονίκη", "Πάτρα", "Ηράκλειο", "Λάρισα", "Βόλος", "Ιωάννινα", "Χανιά"]
        let cyrillic = evidence(try EncodingReference.iconv(russian, to: "CP1251"))
        let hellenic = evidence(try EncodingReference.iconv(greek, to: "ISO-8859-7"))
        #expect(!cyrillic.looksThai && cyrillic.thaiLikeness < 0.7)
        #expect(!hellenic.looksThai && hellenic.thaiLikeness < 0.7)
    }

    @Test func knownBytesWithoutIconv() {
        let thai = evidence(ThaiSamples.tis620 + [Array("Mueang".utf8)])
        #expect(thai.looksThai && !thai.looksUTF8)
        #expect(thai.values == 4 && thai.nonASCIIValues == 3 && thai.invalidUTF8Values == 3)
        #expect(thai.firstInvalidUTF8?.record == 0 && thai.firstInvalidUTF8?.bytes == ThaiSamples.talatYai)
        let latin = evidence(ThaiSamples.latin1)
        #expect(!latin.looksThai && latin.undefinedInCP874 == 1)
        #expect(latin.firstUndefinedInCP874?.record == 0)
    }

    @Test func asciiAndEmptyValues() {
        let found = evidence([Array("TH830101".utf8), Array("Talat Yai".utf8), []])
        #expect(found.isASCIIOnly && found.values == 2 && found.asciiValues == 2)
        #expect(!found.looksThai && !found.looksUTF8)
    }

    @Test func c1BytesAreCounted() {
        // "It’s" in CP1252: ’ is 0x92, a control character in ISO-8859-1.
        let found = evidence([[0x49, 0x74, 0x92, 0x73]])
        #expect(found.c1Bytes == 1 && found.invalidUTF8Values == 1)
    }

    // MARK: - UTF-8

    @Test func strictUTF8() {
        func status(_ bytes: [UInt8]) -> ByteEvidence.UTF8Status { ByteEvidence.utf8Status(bytes[...]) }
        #expect(status(Array("ก".utf8)) == .valid(thai: true))
        #expect(status(Array("Zürich".utf8)) == .valid(thai: false))
        #expect(status(Array("😀".utf8)) == .valid(thai: false))
        #expect(status([0xC0, 0xAF]) == .invalid)  // overlong "/"
        #expect(status([0xE0, 0x80, 0xAF]) == .invalid)  // overlong, three bytes
        #expect(status([0xED, 0xA0, 0x80]) == .invalid)  // a UTF-16 surrogate
        #expect(status([0xF4, 0x90, 0x80, 0x80]) == .invalid)  // above U+10FFFF
        #expect(status([0x80]) == .invalid)  // a lone continuation byte
        #expect(status([0xE0, 0xB8]) == .cutAtEnd(thai: false))  // "ก" cut after two bytes
        #expect(status(Array("กข".utf8).dropLast()) == .cutAtEnd(thai: true))
        // Agrees with Swift's own validation on random bytes.
        var random = SeededBytes(seed: 11)
        for _ in 0..<3_000 {
            let bytes = random.bytes(random.below(8))
            let swift = String(bytes: bytes, encoding: .utf8) != nil
            if case .valid = status(bytes) { #expect(swift, "\(bytes)") } else { #expect(!swift, "\(bytes)") }
        }
    }

    @Test func utf8CutAtTheFieldWidthCountsAsUTF8() {
        let cut = Array("ตลาดใหญ่".utf8).dropLast()
        var filling = ByteEvidence()
        filling.add(cut, record: 0, field: "NAME", fillsField: true)
        #expect(filling.looksUTF8 && filling.truncatedUTF8Values == 1)
        var short = ByteEvidence()
        short.add(cut, record: 0, field: "NAME", fillsField: false)
        #expect(!short.looksUTF8 && short.invalidUTF8Values == 1)
    }
}
