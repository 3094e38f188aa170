import Foundation

/// Writes text parts back together: the head once, every row in layer order with the separator between rows,
/// then the tail. Rows are copied as bytes, never re-encoded.
enum TextMerge {
    /// Writes into `path` (a staging path; errors name `output`), calling `progress(rows written, total)` now and
    /// then.
    static func write(
        head: Data, parts: [TextPart], order: [(part: Int, row: Int)], separator: Data, tail: Data,
        to path: String, output: String, progress: (Int, Int) -> Void
    ) throws {
        let file = try CheckedFile(creating: path, displayPath: output, bufferSize: 1 << 22)  // few system calls
        try file.write(head)
        for (written, source) in order.enumerated() {
            if written > 0 { try file.write(separator) }
            let part = parts[source.part]
            try part.data[part.rows[source.row]].withUnsafeBytes { try file.write($0) }
            if written % 10_000 == 9_999 { progress(written + 1, order.count) }
        }
        try file.write(tail)
        try file.finish()
        progress(order.count, order.count)
    }
}
