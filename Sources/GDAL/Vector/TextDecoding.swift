import CGDAL
import Foundation

/// How a layer's text values become Swift strings.
///
/// GDAL hands strings over as bytes. Drivers that recode (the Shapefile driver, given `ENCODING=`) already give
/// UTF-8; for the others, or when a user names the encoding, we recode here with GDAL's iconv-based `CPLRecode`.
/// Either way bytes that are not valid UTF-8 after decoding are an error, never U+FFFD: nothing is lost quietly.
public enum TextDecoding: Hashable, Sendable {
    /// Bytes must already be UTF-8.
    case utf8
    /// Bytes are in this encoding (an iconv name such as `CP874`) and are recoded to UTF-8.
    case recode(from: String)

    /// Decodes one C string, or returns nil when its bytes are not valid text.
    func decode(_ pointer: UnsafePointer<CChar>) -> String? {
        switch self {
        case .utf8:
            let length = strlen(pointer)
            // returns TRUE when the bytes are valid UTF-8
            guard CPLIsUTF8(pointer, Int32(clamping: length)) != 0 else { return nil }
            return String(cString: pointer)
        case let .recode(encoding):
            // returns a new CPLMalloc'd UTF-8 string; unconvertible bytes become '?' with a CPL warning
            let failed = withCPLErrorCapture { capture -> String? in
                let recoded = takeCPLString(CPLRecode(pointer, encoding, CPL_ENC_UTF8))
                return capture.warnings.isEmpty ? recoded : nil
            }
            return failed
        }
    }
}

/// A short, printable excerpt of raw bytes for error messages: `"Bang" 0xA1 0xC3 …`.
func byteExcerpt(_ pointer: UnsafePointer<CChar>, limit: Int = 12) -> String {
    let length = Swift.min(strlen(pointer), limit)
    let bytes = UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self)
    let parts = (0..<length).map { index -> String in
        let byte = bytes[index]
        return (0x20..<0x7F).contains(byte) ? String(UnicodeScalar(byte)) : String(format: " 0x%02X ", byte)
    }
    return "bytes \"" + parts.joined().replacingOccurrences(of: "  ", with: " ") + (strlen(pointer) > limit ? "…" : "")
        + "\""
}
