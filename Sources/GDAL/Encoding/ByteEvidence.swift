/// What the bytes of a table's text values say about their encoding.
///
/// The rule, in two lines: bytes that all form valid UTF-8 are UTF-8; otherwise they are Thai TIS-620/CP874
/// when every high byte is defined in CP874, most high bytes sit in runs (Thai words are written without
/// spaces, all in the upper half) and every Thai combining mark follows a Thai letter — Latin-1 accented letters
/// stand alone between ASCII letters and use bytes CP874 leaves undefined (ü, ý, þ, ÿ, Û…Þ).
public struct ByteEvidence: Hashable, Sendable {
    /// Values examined (non-empty text values).
    public private(set) var values = 0
    /// Values with at least one byte ≥ 0x80.
    public private(set) var nonASCIIValues = 0
    /// Non-ASCII values that are valid UTF-8.
    public private(set) var validUTF8Values = 0
    /// Non-ASCII values that are not valid UTF-8.
    public private(set) var invalidUTF8Values = 0
    /// High bytes (≥ 0x80) seen, and how many of them sit next to another high byte.
    public private(set) var highBytes = 0
    public private(set) var highBytesInRuns = 0
    /// High bytes that CP874 does not define.
    public private(set) var undefinedInCP874 = 0
    /// Thai consonants (0xA1–0xCE) seen.
    public private(set) var thaiConsonants = 0
    /// Thai combining marks, and those not following a Thai letter or another mark.
    public private(set) var combiningMarks = 0
    public private(set) var strayCombiningMarks = 0
    /// The first value that is not valid UTF-8: where, and its bytes.
    public private(set) var firstInvalid: Sample?
    /// The first non-ASCII value.
    public private(set) var firstNonASCII: Sample?

    public struct Sample: Hashable, Sendable {
        public let record: Int
        public let field: String
        public let bytes: [UInt8]
    }

    public init() {}

    /// Adds one value's bytes (trailing spaces already removed).
    public mutating func add(_ bytes: ArraySlice<UInt8>, record: Int, field: String) {
        guard !bytes.isEmpty else { return }
        values += 1
        guard bytes.contains(where: { $0 >= 0x80 }) else { return }
        nonASCIIValues += 1
        let sample = Sample(record: record, field: field, bytes: Array(bytes.prefix(24)))
        if firstNonASCII == nil { firstNonASCII = sample }
        if ByteEvidence.isValidUTF8(bytes) {
            validUTF8Values += 1
        } else {
            invalidUTF8Values += 1
            if firstInvalid == nil { firstInvalid = sample }
        }
        var previous: UInt8 = 0
        let array = Array(bytes)
        for (index, byte) in array.enumerated() where byte >= 0x80 {
            highBytes += 1
            let next: UInt8 = index + 1 < array.count ? array[index + 1] : 0
            previous = index > 0 ? array[index - 1] : 0
            if previous >= 0x80 || next >= 0x80 { highBytesInRuns += 1 }
            if !ByteEvidence.definedInCP874(byte) { undefinedInCP874 += 1 }
            if (0xA1...0xCE).contains(byte) { thaiConsonants += 1 }
            if ByteEvidence.isCombiningMark(byte) {
                combiningMarks += 1
                let base = (0xA1...0xCF).contains(previous) || ByteEvidence.isCombiningMark(previous)
                if !base { strayCombiningMarks += 1 }
            }
        }
    }

    /// All non-ASCII values are valid UTF-8 (and there is at least one).
    public var looksUTF8: Bool { nonASCIIValues > 0 && invalidUTF8Values == 0 }

    public var isASCIIOnly: Bool { nonASCIIValues == 0 }

    /// Thai TIS-620/CP874 by the rule above: 80 % of high bytes in runs, no undefined byte, consonants present,
    /// combining marks (nearly) always after a letter.
    public var looksThai: Bool {
        guard highBytes > 0, undefinedInCP874 == 0, thaiConsonants > 0 else { return false }
        let inRuns = Double(highBytesInRuns) / Double(highBytes)
        let stray = combiningMarks == 0 ? 0 : Double(strayCombiningMarks) / Double(combiningMarks)
        return inRuns >= 0.8 && stray <= 0.05
    }

    static func definedInCP874(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x80, 0x85, 0x91...0x97, 0xA0...0xDA, 0xDF...0xFB: true
        default: false
        }
    }

    static func isCombiningMark(_ byte: UInt8) -> Bool {
        byte == 0xD1 || (0xD4...0xDA).contains(byte) || (0xE7...0xEE).contains(byte)
    }

    /// Strict UTF-8 validation (no overlongs, no surrogates, nothing above U+10FFFF).
    static func isValidUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }
}
