import Foundation

/// The header of a dBASE III/IV table (a Shapefile's `.dbf`): its record layout, fields and language-driver byte.
///
/// Layout: 32 bytes (version, last update YY MM DD, record count UInt32 LE at 4, header length UInt16 LE at 8,
/// record length UInt16 LE at 10, language driver at 29), then one 32-byte descriptor per field, then 0x0D.
/// Parsing reads only the header and never trusts its numbers: anything inconsistent is an error, never a crash.
public struct DBFHeader: Hashable, Sendable {
    public struct Field: Hashable, Sendable {
        /// The name as stored (up to 10 bytes): UTF-8 if valid, else byte by byte as ISO-8859-1.
        public let name: String
        /// The name's bytes as stored: in the table's encoding, like its text.
        public let nameBytes: [UInt8]
        /// The dBASE type letter: C (character), N (numeric), F (float), L (logical), D (date), M (memo)…
        public let type: Character
        /// Width in bytes.
        public let length: Int
        public let decimalCount: Int
        /// Byte offset in a record; byte 0 of a record is its deletion flag, so the first field is at 1.
        public let offset: Int

        /// A character field: the only kind whose bytes are text in the table's encoding.
        public var isText: Bool { type == "C" }
    }

    /// The date of the last update, as stored (year 1900 + YY; writers often leave it 0 or fixed).
    public struct Date: Hashable, Sendable {
        public let year: Int
        public let month: Int
        public let day: Int
    }

    /// Byte 0: 0x03 dBASE III, 0x83 with memo, 0x04 dBASE IV, 0x30 Visual FoxPro…
    public let version: UInt8
    public let lastUpdate: Date
    public let recordCount: Int
    public let headerLength: Int
    public let recordLength: Int
    /// Language driver ID (byte 29): the code page the writer declared; 0 declares none.
    public let languageDriver: UInt8
    public let fields: [Field]

    /// The character fields, whose bytes carry the encoding question.
    public var textFields: [Field] { fields.filter(\.isText) }

    // MARK: - Parsing

    /// Parses a header from the first bytes of a DBF. `fileSize`, when known, bounds the header length it claims;
    /// `path` names the file in errors.
    public init(bytes: [UInt8], fileSize: Int? = nil, path: String) throws {
        func truncated(_ reason: String) -> EncodingDetectionError { .truncatedHeader(path: path, reason: reason) }
        func corrupt(_ reason: String) -> EncodingDetectionError { .corruptHeader(path: path, reason: reason) }
        guard bytes.count >= 32 else {
            throw truncated("it holds \(bytes.count) bytes, fewer than the 32 of a DBF header")
        }
        func integer(at offset: Int, size: Int) -> Int {
            (0..<size).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) }
        }
        version = bytes[0]
        lastUpdate = Date(year: 1900 + Int(bytes[1]), month: Int(bytes[2]), day: Int(bytes[3]))
        recordCount = integer(at: 4, size: 4)
        headerLength = integer(at: 8, size: 2)
        recordLength = integer(at: 10, size: 2)
        languageDriver = bytes[29]
        let available = min(bytes.count, fileSize ?? bytes.count)
        guard headerLength >= 33 else {
            throw corrupt("its header length is \(headerLength) bytes, less than the 33 of a table with no field")
        }
        guard headerLength <= available else {
            throw truncated("its header claims \(headerLength) bytes but the file has \(available)")
        }
        guard recordLength > 0 else { throw corrupt("its record length is 0") }

        var parsed: [Field] = []
        var position = 32
        var offset = 1
        let unterminated = corrupt(
            "its field descriptors do not end with the byte 0x0D within its "
                + "\(headerLength)-byte header")
        while position < headerLength, bytes[position] != 0x0D {
            guard position + 32 < headerLength else { throw unterminated }
            let field = Self.field(bytes[position..<(position + 32)], offset: offset)
            parsed.append(field)
            offset += field.length
            position += 32
        }
        guard position < headerLength else { throw unterminated }
        guard offset <= recordLength else {
            throw corrupt(
                "its fields need \(offset) bytes a record (with the deletion flag) but records have "
                    + "\(recordLength)")
        }
        fields = parsed
    }

    /// Reads the header of the DBF at `url` (only the header).
    public init(contentsOf url: URL) throws {
        let (start, fileSize) = try Self.readHeaderBytes(url)
        try self.init(bytes: start, fileSize: fileSize, path: url.path)
    }

    /// The bytes of the header the file announces (capped by its size), and the file's size.
    static func readHeaderBytes(_ url: URL) throws -> (bytes: [UInt8], fileSize: Int) {
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            let fileSize = Int(try handle.seekToEnd())
            try handle.seek(toOffset: 0)
            var bytes = [UInt8](try handle.read(upToCount: 32) ?? Data())
            if bytes.count == 32 {
                let claimed = Int(bytes[8]) | Int(bytes[9]) << 8
                let rest = min(claimed, fileSize) - 32
                if rest > 0 { bytes += try handle.read(upToCount: rest) ?? Data() }
            }
            return (bytes, fileSize)
        } catch {
            throw EncodingDetectionError.unreadable(path: url.path, reason: (error as NSError).localizedDescription)
        }
    }

    /// One 32-byte field descriptor: name (11 bytes, NUL-padded), type (byte 11), length (16), decimals (17).
    private static func field(_ descriptor: ArraySlice<UInt8>, offset: Int) -> Field {
        let base = descriptor.startIndex
        let nameBytes = descriptor[base..<(base + 11)].prefix { $0 != 0 }
        let name: String
        if case .valid = ByteEvidence.utf8Status(nameBytes) {
            name = String(decoding: nameBytes, as: UTF8.self)
        } else {
            name = String(String.UnicodeScalarView(nameBytes.map { Unicode.Scalar($0) }))
        }
        let type = Character(Unicode.Scalar(descriptor[base + 11]))
        let low = Int(descriptor[base + 16])
        let high = Int(descriptor[base + 17])
        // As shapelib reads it: numbers keep byte 17 as their decimal count; other types use it as the high
        // byte of the width (Clipper/FoxPro character fields wider than 255).
        let numeric = type == "N" || type == "F"
        return Field(
            name: name, nameBytes: Array(nameBytes), type: type, length: numeric ? low : low + high << 8,
            decimalCount: numeric ? high : 0, offset: offset)
    }
}
