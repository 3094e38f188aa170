/// The byte classes of Thai single-byte text (TIS-620 and its supersets ISO-8859-11 and CP874), and the CP874
/// decoding. Thai is written consonant-first: a vowel or tone mark written above or below a letter is stored after
/// it, the leading vowels เ แ โ ใ ไ before the consonant they are spoken after, and words run without spaces.
enum ThaiBytes {
    /// ก…ฮ, the 46 consonants (including ฤ ฦ).
    static func isConsonant(_ byte: UInt8) -> Bool { (0xA1...0xCE).contains(byte) }

    /// Vowels and tone marks drawn over or under the letter before them: ั ิ ี ึ ื ุ ู ฺ ็ ่ ้ ๊ ๋ ์ ํ ๎.
    static func isCombiningMark(_ byte: UInt8) -> Bool {
        byte == 0xD1 || (0xD4...0xDA).contains(byte) || (0xE7...0xEE).contains(byte)
    }

    /// ะ า ำ: spacing vowels written after a consonant (or after its marks).
    static func isFollowingVowel(_ byte: UInt8) -> Bool { byte == 0xD0 || byte == 0xD2 || byte == 0xD3 }

    /// เ แ โ ใ ไ: written before the consonant.
    static func isLeadingVowel(_ byte: UInt8) -> Bool { (0xE0...0xE4).contains(byte) }

    /// Bytes TIS-620 defines: 0xA1–0xDA and 0xDF–0xFB.
    static func definedInTIS620(_ byte: UInt8) -> Bool {
        byte < 0x80 || (0xA1...0xDA).contains(byte) || (0xDF...0xFB).contains(byte)
    }

    /// Bytes CP874 defines: TIS-620's, NBSP (0xA0) and € … ‘ ’ “ ” • – — (0x80, 0x85, 0x91–0x97).
    static func definedInCP874(_ byte: UInt8) -> Bool {
        definedInTIS620(byte) || byte == 0x80 || byte == 0x85 || (0x91...0x97).contains(byte) || byte == 0xA0
    }

    /// Whether the high byte at `index` sits where Thai puts it: inside a run of high bytes (a Thai word), a
    /// combining mark or ะ า ำ after a consonant or a mark (ะ also after า, as in เกาะ), a leading vowel before a
    /// consonant (or เ before เ: "เเ" typed for แ is common).
    static func isInThaiOrder(_ bytes: ArraySlice<UInt8>, at index: Int) -> Bool {
        let byte = bytes[index]
        let previous: UInt8 = index > bytes.startIndex ? bytes[index - 1] : 0x20
        let next: UInt8 = index + 1 < bytes.endIndex ? bytes[index + 1] : 0x20
        guard definedInCP874(byte), previous >= 0x80 || next >= 0x80 else { return false }
        let afterBase = isConsonant(previous) || isCombiningMark(previous)
        if isCombiningMark(byte) { return afterBase }
        if isFollowingVowel(byte) { return afterBase || (byte == 0xD0 && previous == 0xD2) }
        if isLeadingVowel(byte) { return isConsonant(next) || (byte == 0xE0 && next == 0xE0) }
        return true
    }

    /// The character CP874 gives a byte (as glibc's iconv decodes it); nil where CP874 defines none.
    static func scalar(cp874 byte: UInt8) -> Unicode.Scalar? {
        switch byte {
        case 0x00...0x7F: Unicode.Scalar(byte)
        case 0x80: "\u{20AC}"
        case 0x85: "\u{2026}"
        case 0x91...0x97: Self.cp874Punctuation[Int(byte - 0x91)]
        case 0xA0: "\u{00A0}"
        // The Thai block is TIS-620 shifted: 0xA1 ก → U+0E01 … 0xFB ๛ → U+0E5B.
        case 0xA1...0xDA, 0xDF...0xFB: Unicode.Scalar(0x0E00 + UInt32(byte) - 0xA0)
        default: nil
        }
    }

    private static let cp874Punctuation: [Unicode.Scalar] = [
        "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
    ]
}
