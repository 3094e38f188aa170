import Foundation

/// Writes text parts back together: the head once, every row in layer order with the separator between rows,
/// then the tail. Rows are copied as bytes, never re-encoded.
enum TextMerge {
    /// Writes into `path` (a staging path; errors name `output`), calling `progress(rows written, total)` now and
    /// then.
    static func write(head: Data, parts: [TextPart], order: [(part: Int, row: Int)], separator: Data, tail: Data,
                      to path: String, output: String, progress: (Int, Int) -> Void) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw GeoPlanError.output(path: output, reason: "cannot create its staging file \"\(path)\"")
        }
        defer { try? handle.close() }
        var buffer = head
        do {
            for (written, source) in order.enumerated() {
                if written > 0 { buffer.append(separator) }
                let part = parts[source.part]
                buffer.append(part.data.subdata(in: part.rows[source.row]))
                if buffer.count >= 1 << 22 {  // 4 MB at a time: few system calls, little memory
                    try handle.write(contentsOf: buffer)
                    buffer.removeAll(keepingCapacity: true)
                    progress(written + 1, order.count)
                }
            }
            buffer.append(tail)
            try handle.write(contentsOf: buffer)
            try handle.synchronize()
        } catch {
            throw GeoPlanError.output(path: output, reason: "writing failed: \(error.localizedDescription)")
        }
        progress(order.count, order.count)
    }
}
