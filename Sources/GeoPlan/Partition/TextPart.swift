import Foundation

/// A part written as text (CSV or GeoJSON), cut into what comes before the rows, the rows, and what comes after,
/// without decoding anything: the merged file is these bytes put back together, so it is byte for byte what a
/// single run writes.
struct TextPart {
    let path: String
    /// The whole file, memory-mapped.
    let data: Data
    /// Everything before the first row: a CSV's byte-order mark and header, a GeoJSON FeatureCollection's members
    /// up to `"features": [`.
    let head: Range<Int>
    /// Each row's bytes, in file order (a CSV record with its line break; a GeoJSON feature without the `,\n`
    /// between features).
    let rows: [Range<Int>]
    /// Everything after the last row.
    let tail: Range<Int>

    /// Reads a file, mapped rather than loaded, so parts of any size cost little memory.
    static func contents(of path: String) throws -> Data {
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        } catch {
            throw GeoPlanError.input(path: path, reason: "cannot read it: \(error.localizedDescription)")
        }
    }

    func bytes(_ range: Range<Int>) -> Data {
        data.subdata(in: range)
    }
}
