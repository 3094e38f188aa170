import Foundation

/// Cuts a CSV that geoplan wrote (see `CSVTable`) into its header and records: UTF-8, an optional byte-order
/// mark, every record ended by CRLF, and fields with commas, quotes or line breaks quoted (RFC 4180). A line
/// break inside quotes belongs to its field, so records are found by following the quotes, not by lines.
enum CSVPart {
    static func read(_ path: String) throws -> TextPart {
        let data = try TextPart.contents(of: path)
        guard !data.isEmpty else {
            throw GeoPlanError.input(path: path, reason: "it is empty; a part holds at least a header line")
        }
        let ends = recordEnds(in: data)
        // geoplan ends every record with a line break: anything else is a file cut short (or a quote left open).
        guard let headerEnd = ends.first, ends.last == data.count else {
            throw GeoPlanError.input(
                path: path,
                reason: "its last record has no line break after it, so the file "
                    + "is cut short or was not written by geoplan; rerun that partition")
        }
        var rows: [Range<Int>] = []
        var start = headerEnd
        for end in ends.dropFirst() {
            rows.append(start..<end)
            start = end
        }
        return TextPart(path: path, data: data, head: 0..<headerEnd, rows: rows, tail: data.count..<data.count)
    }

    /// The offset just past each record's line break (the `\n` of CRLF) outside quotes.
    static func recordEnds(in data: Data) -> [Int] {
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> [Int] in
            var ends: [Int] = []
            var quoted = false
            for (offset, byte) in buffer.enumerated() {
                if byte == UInt8(ascii: "\"") {
                    quoted.toggle()  // a doubled quote toggles twice: still inside
                } else if byte == UInt8(ascii: "\n"), !quoted {
                    ends.append(offset + 1)
                }
            }
            return ends
        }
    }
}
