/// Decoding a few bytes for messages ("…ตลาดใหญ่, which ISO-8859-1 shows as µÅÒ´ãË­è"). Only the encodings the
/// detector talks about; GDAL does the real recoding, with iconv.
extension TextEncoding {
    /// The bytes as this encoding reads them, undefined bytes as U+FFFD; nil for encodings not previewed here.
    public func preview(_ bytes: some Sequence<UInt8>) -> String? {
        let scalar: (UInt8) -> Unicode.Scalar?
        switch self {
        case .utf8: return String(decoding: Array(bytes), as: UTF8.self)
        case .cp874: scalar = ThaiBytes.scalar(cp874:)
        case .latin1: scalar = { Unicode.Scalar($0) }
        case .cp1252: scalar = Self.scalar(cp1252:)
        default: return nil
        }
        var text = String.UnicodeScalarView()
        for byte in bytes {
            let decoded = scalar(byte) ?? "\u{FFFD}"
            // Control characters (C0, DEL, ISO-8859-1's C1) would garble a terminal line: show them as "·".
            text.append(decoded.value < 0x20 || (0x7F...0x9F).contains(decoded.value) ? "·" : decoded)
        }
        return String(text)
    }

    /// CP1252: ISO-8859-1 except 0x80–0x9F, where Windows put punctuation and a few letters (5 bytes undefined).
    static func scalar(cp1252 byte: UInt8) -> Unicode.Scalar? {
        guard (0x80...0x9F).contains(byte) else { return Unicode.Scalar(byte) }
        let value = cp1252High[Int(byte - 0x80)]
        return value == 0 ? nil : Unicode.Scalar(value)
    }

    private static let cp1252High: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E,
        0x0178,
    ]
}
