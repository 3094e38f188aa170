import Foundation

/// Streams the character-field values of a DBF's records, reading at most a byte budget: all records when they
/// fit, else evenly spaced blocks from the start to the end of the file (text that changes encoding halfway is
/// still seen). Records marked deleted are skipped; nothing past the records the file really holds is read.
struct DBFTextSampler {
    /// What was read.
    struct Coverage: Hashable, Sendable {
        /// Whole records present in the file (at most the header's count).
        var recordsInFile = 0
        var recordsRead = 0
        var deletedRecords = 0
        var bytesRead = 0
        /// True when the budget left records unread.
        var isPartial: Bool { recordsRead < recordsInFile }
    }

    let url: URL
    let header: DBFHeader
    let fileSize: Int
    /// Bytes of records to read at most.
    let budget: Int

    /// The blocks to read, as record ranges.
    var plan: [Range<Int>] {
        let recordLength = header.recordLength
        let inFile = min(header.recordCount, max(0, fileSize - header.headerLength) / recordLength)
        let wanted = max(1, budget / recordLength)
        guard wanted < inFile else { return inFile > 0 ? [0..<inFile] : [] }
        // At least 8 blocks (when there are records for them), each at most 256 KB, the last ending the file.
        let largest = max(1, (256 << 10) / recordLength)
        let blocks = min(wanted, max(8, (wanted + largest - 1) / largest))
        let block = wanted / blocks
        var ranges: [Range<Int>] = []
        for index in 0..<blocks {
            let spaced = blocks == 1 ? 0 : index * (inFile - block) / (blocks - 1)
            let start = max(spaced, ranges.last?.upperBound ?? 0)
            guard start + block <= inFile else { break }
            ranges.append(start..<(start + block))
        }
        return ranges
    }

    /// Calls `visit` with each non-deleted record's character values (trailing spaces and NULs removed) and
    /// whether the value filled its field.
    func scan(
        _ visit: (_ record: Int, _ field: DBFHeader.Field, _ value: ArraySlice<UInt8>, _ fillsField: Bool)
            -> Void
    ) throws -> Coverage {
        let recordLength = header.recordLength
        let fields = header.textFields
        var coverage = Coverage()
        coverage.recordsInFile = min(header.recordCount, max(0, fileSize - header.headerLength) / recordLength)
        let handle: FileHandle
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw EncodingDetectionError.unreadable(path: url.path, reason: (error as NSError).localizedDescription)
        }
        defer { try? handle.close() }
        let perRead = max(1, (1 << 20) / recordLength)
        for range in plan {
            var record = range.lowerBound
            while record < range.upperBound {
                let count = min(perRead, range.upperBound - record)
                let data: Data
                do {
                    try handle.seek(toOffset: UInt64(header.headerLength + record * recordLength))
                    data = try handle.read(upToCount: count * recordLength) ?? Data()
                } catch {
                    throw EncodingDetectionError.unreadable(
                        path: url.path,
                        reason: (error as NSError).localizedDescription)
                }
                let bytes = [UInt8](data)
                coverage.bytesRead += bytes.count
                var start = 0
                while start + recordLength <= bytes.count {
                    switch bytes[start] {
                    case 0x1A: return coverage  // end-of-file mark where a record should start: the count overstates
                    case UInt8(ascii: "*"): coverage.deletedRecords += 1
                    default:
                        for field in fields {
                            let from = start + field.offset
                            var to = from + field.length
                            while to > from, bytes[to - 1] == 0x20 || bytes[to - 1] == 0 { to -= 1 }
                            visit(record, field, bytes[from..<to], to - from == field.length)
                        }
                    }
                    coverage.recordsRead += 1
                    start += recordLength
                    record += 1
                }
                if bytes.count < count * recordLength { return coverage }  // the file ended early
            }
        }
        return coverage
    }
}
