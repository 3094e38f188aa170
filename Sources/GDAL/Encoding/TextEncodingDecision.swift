/// Which encoding a table's text is in, why, and what to tell the user.
public struct TextEncodingDecision: Hashable, Sendable {
    public enum Source: Hashable, Sendable {
        case userOverride
        /// The `.cpg` file said so (its text).
        case declaredCPG(String)
        /// The DBF's language-driver byte said so.
        case languageDriver(UInt8)
        /// The bytes said so, with no declaration or against one.
        case detected
        /// Every value is ASCII: any ASCII-compatible encoding reads it the same.
        case asciiOnly
    }

    public let encoding: TextEncoding
    public let source: Source
    public let evidence: ByteEvidence
    public let warnings: [String]
    /// True when the bytes are neither UTF-8 nor Thai and nothing trustworthy is declared: the caller refuses.
    public let isUndetermined: Bool
    /// One line for people.
    public let summary: String

    /// "declared in .cpg", "detected from the bytes", …
    public var sourceDescription: String {
        switch source {
        case .userOverride: "--encoding"
        case let .declaredCPG(text): "declared in .cpg (\"\(text)\")"
        case let .languageDriver(id): "declared by the DBF language driver byte 0x\(String(id, radix: 16, uppercase: true))"
        case .detected: "detected from the bytes"
        case .asciiOnly: "all text is ASCII"
        }
    }
}

extension ByteEvidence.Sample {
    /// `record 3, field ADM3_TH: bytes A1 C3 D8 …`.
    var excerpt: String {
        let hex = bytes.prefix(12).map { String($0, radix: 16, uppercase: true) }.map { $0.count == 1 ? "0" + $0 : $0 }
        return "record \(record), field \(field): bytes \(hex.joined(separator: " "))\(bytes.count > 12 ? " …" : "")"
    }
}
