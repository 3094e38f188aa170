import Foundation

/// The header of a dBASE table (a Shapefile's `.dbf`): record layout, fields and the language-driver byte.
/// Parsing reads only the header and never trusts its numbers.
public struct DBFHeader: Hashable, Sendable {
    public struct Field: Hashable, Sendable {
        public let name: String
        /// dBASE type letter: C (character), N, F, L, D, M…
        public let type: Character
        public let length: Int
        public let decimals: Int
        /// Byte offset in a record (after the deletion flag).
        public let offset: Int
    }

    public let version: UInt8
    public let recordCount: Int
    public let headerLength: Int
    public let recordLength: Int
    /// Language driver ID (byte 29): the code page the writer declared, 0 when none.
    public let languageDriver: UInt8
    public let fields: [Field]

    /// Parses a header from the start of a DBF file's bytes; `fileSize` bounds the numbers it claims.
    public init(bytes: [UInt8], fileSize: Int, path: String) throws {
        func fail(_ reason: String) -> EncodingDetectionError {
            .corruptTable(path: path, reason: reason)
        }
        guard bytes.count >= 32 else { throw fail("the file is shorter than a DBF header (32 bytes)") }
        func uint(_ offset: Int, _ size: Int) -> Int {
            (0..<size).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) }
        }
        version = bytes[0]
        recordCount = uint(4, 4)
        headerLength = uint(8, 2)
        recordLength = uint(10, 2)
        languageDriver = bytes[29]
        guard headerLength >= 33, headerLength <= fileSize else {
            throw fail("its header claims \(headerLength) bytes in a file of \(fileSize)")
        }
        guard recordLength > 0 else { throw fail("its records have length 0") }
        guard bytes.count >= headerLength else { throw fail("the header is truncated") }
        var parsed: [Field] = []
        var position = 32
        var offset = 1  // byte 0 of a record is the deletion flag
        while position + 32 <= headerLength, bytes[position] != 0x0D {
            let nameBytes = bytes[position..<(position + 11)].prefix { $0 != 0 }
            let name = String(decoding: nameBytes, as: UTF8.self)
            let type = Character(UnicodeScalar(bytes[position + 11]))
            let length = Int(bytes[position + 16])
            parsed.append(Field(name: name, type: type, length: length, decimals: Int(bytes[position + 17]),
                                offset: offset))
            offset += length
            position += 32
        }
        guard position < headerLength, bytes[position] == 0x0D else {
            throw fail("the field list has no terminator (0x0D)")
        }
        guard offset <= recordLength else {
            throw fail("its fields (\(offset) bytes) do not fit its records (\(recordLength) bytes)")
        }
        fields = parsed
    }

    /// Reads the header of the DBF at `url`.
    public init(contentsOf url: URL) throws {
        let handle: FileHandle
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw EncodingDetectionError.unreadable(path: url.path, reason: error.localizedDescription)
        }
        defer { try? handle.close() }
        let size = (try? handle.seekToEnd()).map(Int.init) ?? 0
        try? handle.seek(toOffset: 0)
        let start = (try? handle.read(upToCount: 32)) ?? Data()
        let claimed = start.count >= 10 ? Int(start[8]) | Int(start[9]) << 8 : 32
        let rest = claimed > 32 ? ((try? handle.read(upToCount: min(claimed, size) - 32)) ?? Data()) : Data()
        try self.init(bytes: [UInt8](start + rest), fileSize: size, path: url.path)
    }

    /// The character (text) fields, whose bytes carry the encoding question.
    public var textFields: [Field] { fields.filter { $0.type == "C" } }
}

/// A DBF that cannot be examined.
public enum EncodingDetectionError: Error, Hashable, Sendable, CustomStringConvertible {
    case corruptTable(path: String, reason: String)
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case let .corruptTable(path, reason):
            return "\"\(path)\" is not a valid dBASE table (the Shapefile's attributes): \(reason)"
        case let .unreadable(path, reason):
            return "cannot read \"\(path)\": \(reason)"
        }
    }
}
