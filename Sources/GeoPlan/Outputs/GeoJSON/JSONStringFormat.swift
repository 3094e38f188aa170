// Strings as JSON text (RFC 8259 §7): quotes, backslashes and control characters escaped, and U+2028/U+2029 too,
// which JSON allows raw but JavaScript source does not (a GeoJSON pasted into a <script> must not break it).
extension JSONByteBuffer {
    mutating func appendString(_ text: String) {
        var text = text
        text.withUTF8 { appendString(utf8: $0) }
    }

    /// `utf8` is valid UTF-8 (a Swift String's storage), so only ASCII bytes and the lead byte of U+2028/U+2029
    /// can need escaping; every other byte is copied as it is.
    mutating func appendString(utf8: UnsafeBufferPointer<UInt8>) {
        append(UInt8(ascii: "\""))
        var start = 0
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            let escape: StaticString?
            var length = 1
            switch byte {
            case UInt8(ascii: "\""): escape = "\\\""
            case UInt8(ascii: "\\"): escape = "\\\\"
            case 0x0A: escape = "\\n"
            case 0x0D: escape = "\\r"
            case 0x09: escape = "\\t"
            case 0x08: escape = "\\b"
            case 0x0C: escape = "\\f"
            case 0..<0x20: escape = ""  // \u00XX below
            case 0xE2
            where index + 2 < utf8.count && utf8[index + 1] == 0x80
                && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
                escape = utf8[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                length = 3
            default: escape = nil
            }
            guard let escape else {
                index += 1
                continue
            }
            append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
            if escape.utf8CodeUnitCount == 0 {
                appendControlEscape(byte)
            } else {
                append(raw: escape)
            }
            index += length
            start = index
        }
        append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<utf8.count]))
        append(UInt8(ascii: "\""))
    }

    private mutating func appendControlEscape(_ byte: UInt8) {
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        append(raw: "\\u00")
        append(hex[Int(byte >> 4)])
        append(hex[Int(byte & 0x0F)])
    }
}
