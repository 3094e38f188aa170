/// What the bytes of a table's text values say about their encoding.
///
/// The Thai rule: single-byte text is Thai TIS-620/CP874 when at least 90 % of its high bytes sit where Thai puts
/// them (see `ThaiBytes.isInThaiOrder`: inside a run of high bytes, marks after a consonant, leading vowels before
/// one), at least 30 % are consonants and at most 0.5 % are bytes CP874 leaves undefined.
/// Why it separates: Thai words are unbroken runs of upper-half bytes in a strict order (the 214 Thai names of the
/// shipped tambon tables score 100 %, 67 % consonants, each name alone at least 38 %); Latin-1 accents stand alone
/// between ASCII letters (European place names: ~2 %); Cyrillic and Greek run like Thai but break its order and
/// use bytes Thai lacks (CP1251 ь 0xFC, я 0xFF: ~55 %).
public struct ByteEvidence: Hashable, Sendable {
    /// Non-empty text values examined.
    public private(set) var values = 0
    /// Values with at least one byte ≥ 0x80.
    public private(set) var nonASCIIValues = 0
    /// Non-ASCII values that are valid UTF-8 (including those cut short at the field's end).
    public private(set) var validUTF8Values = 0
    /// Valid UTF-8 values whose last character was cut by the field width (a writer truncating bytes).
    public private(set) var truncatedUTF8Values = 0
    /// Valid UTF-8 values holding Thai letters (U+0E00–U+0E7F): Thai written as UTF-8.
    public private(set) var utf8ThaiValues = 0
    /// Non-ASCII values that are not valid UTF-8.
    public private(set) var invalidUTF8Values = 0

    // The single-byte reading of the values that are not UTF-8.
    /// High bytes (≥ 0x80) in values that are not UTF-8.
    public private(set) var highBytes = 0
    /// Of those, bytes in Thai order, Thai consonants, bytes CP874 does not define, and 0x80–0x9F (C1 controls in
    /// ISO-8859-1, punctuation in CP1252 and CP874).
    public private(set) var thaiOrderedBytes = 0
    public private(set) var thaiConsonants = 0
    public private(set) var undefinedInCP874 = 0
    public private(set) var c1Bytes = 0

    /// The first value of each kind: where it is and its bytes.
    public private(set) var firstValidUTF8: Sample?
    public private(set) var firstInvalidUTF8: Sample?
    public private(set) var firstUndefinedInCP874: Sample?

    public init() {}

    /// Where a value was found and its first bytes.
    public struct Sample: Hashable, Sendable {
        /// 0-based record number (GDAL's feature id for a Shapefile); nil for a field name in the header.
        public let record: Int?
        public let field: String
        /// Up to 32 bytes of the value.
        public let bytes: [UInt8]
    }

    // MARK: - Adding values

    /// Adds one value's bytes (trailing padding removed). `fillsField`: the value fills its field to the last
    /// byte, so a multi-byte UTF-8 character cut there was cut by the writer, not a sign of another encoding.
    public mutating func add(_ bytes: ArraySlice<UInt8>, record: Int?, field: String, fillsField: Bool = false) {
        guard !bytes.isEmpty else { return }
        values += 1
        guard bytes.contains(where: { $0 >= 0x80 }) else { return }
        nonASCIIValues += 1
        let sample = { Sample(record: record, field: field, bytes: Array(bytes.prefix(32))) }
        switch Self.utf8Status(bytes) {
        case let .valid(thai):
            validUTF8Values += 1
            if thai { utf8ThaiValues += 1 }
            if firstValidUTF8 == nil { firstValidUTF8 = sample() }
            return
        case let .cutAtEnd(thai) where fillsField:
            validUTF8Values += 1
            truncatedUTF8Values += 1
            if thai { utf8ThaiValues += 1 }
            if firstValidUTF8 == nil { firstValidUTF8 = sample() }
            return
        case .cutAtEnd, .invalid:
            invalidUTF8Values += 1
            if firstInvalidUTF8 == nil { firstInvalidUTF8 = sample() }
        }
        for index in bytes.indices where bytes[index] >= 0x80 {
            let byte = bytes[index]
            highBytes += 1
            if ThaiBytes.isInThaiOrder(bytes, at: index) { thaiOrderedBytes += 1 }
            if ThaiBytes.isConsonant(byte) { thaiConsonants += 1 }
            if byte <= 0x9F { c1Bytes += 1 }
            if !ThaiBytes.definedInCP874(byte) {
                undefinedInCP874 += 1
                if firstUndefinedInCP874 == nil { firstUndefinedInCP874 = sample() }
            }
        }
    }

    // MARK: - Verdicts

    /// Values with no byte ≥ 0x80, which every candidate encoding reads the same.
    public var asciiValues: Int { values - nonASCIIValues }

    public var isASCIIOnly: Bool { nonASCIIValues == 0 }

    /// Every non-ASCII value is valid UTF-8, and there is at least one.
    public var looksUTF8: Bool { nonASCIIValues > 0 && invalidUTF8Values == 0 }

    /// The share of high bytes (in values that are not UTF-8) that sit in Thai order, 0…1.
    public var thaiLikeness: Double { highBytes == 0 ? 0 : Double(thaiOrderedBytes) / Double(highBytes) }

    /// The values that are not UTF-8 read as Thai TIS-620/CP874, by the rule above.
    public var looksThai: Bool {
        guard highBytes > 0 else { return false }
        let consonants = Double(thaiConsonants) / Double(highBytes)
        let undefined = Double(undefinedInCP874) / Double(highBytes)
        return thaiLikeness >= 0.9 && consonants >= 0.3 && undefined <= 0.005
    }

    // MARK: - UTF-8

    enum UTF8Status: Equatable {
        /// Well-formed; `thai`: holds a scalar of the Thai block.
        case valid(thai: Bool)
        /// Well-formed except a multi-byte sequence cut off by the end of the bytes.
        case cutAtEnd(thai: Bool)
        case invalid
    }

    /// Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF.
    static func utf8Status(_ bytes: ArraySlice<UInt8>) -> UTF8Status {
        var index = bytes.startIndex
        var thai = false
        while index < bytes.endIndex {
            let lead = bytes[index]
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF  // allowed range of the first continuation byte
            switch lead {
            case 0x00...0x7F:
                index += 1
                continue
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                high = 0x9F
            case 0xF0:
                length = 4
                low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                high = 0x8F
            default: return .invalid
            }
            for offset in 1..<length {
                guard index + offset < bytes.endIndex else { return .cutAtEnd(thai: thai) }
                let byte = bytes[index + offset]
                let range = offset == 1 ? low...high : 0x80...0xBF
                guard range.contains(byte) else { return .invalid }
            }
            // U+0E00–U+0E7F is E0 B8 80 – E0 B9 BF.
            if lead == 0xE0, bytes[index + 1] == 0xB8 || bytes[index + 1] == 0xB9 { thai = true }
            index += length
        }
        return .valid(thai: thai)
    }
}
