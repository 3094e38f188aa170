import Foundation

/// Cuts a GeoJSON file that geoplan's writer wrote into its head, features and tail (the layout is
/// `GeoJSONLayout`'s): `{`, `"type"`, `"name"`, `"features": [` each on a line of its own; one feature per line
/// with `,\n` between them; then `\n]` and either `\n}\n`, or the collection's bbox on a line of its own
/// (`],\n"bbox": [w,s,e,n]\n}\n`) when any feature has a geometry.
///
/// That bbox is the one member that depends on every feature: the merged file gets the union of the parts' boxes,
/// each number copied as a part wrote it, which is the text the writer writes for the same extent.
struct GeoJSONPart {
    let text: TextPart
    /// The collection's bbox numbers as written, min values then max values; nil when the part has none.
    let bbox: [String]?

    static let separator = Data(GeoJSONLayout.separator.utf8)
    private static let featuresLine = Data(GeoJSONLayout.featuresLine.utf8)
    private static let tailStart = Data("\n]".utf8)

    static func read(_ path: String) throws -> GeoJSONPart {
        let data = try TextPart.contents(of: path)
        let notOurs = "it is not laid out as geoplan's GeoJSON writer lays out its outputs"
        guard let features = data.range(of: featuresLine, in: 0..<min(data.count, 64 * 1024)),
            let tail = data.range(of: tailStart, options: .backwards, in: (features.upperBound - 1)..<data.count),
            tail.lowerBound >= features.upperBound - 1
        else {
            throw GeoPlanError.input(
                path: path,
                reason: "\(notOurs) (a \"features\" line after the header, \"]\" on a "
                    + "line of its own after the features); was it edited, cut short, or written by "
                    + "another program (or an older geoplan)? Rerun that partition")
        }
        // An empty collection: "[\n" then "\n]", the line break shared.
        let tailRange = max(tail.lowerBound, features.upperBound)..<data.count
        let bbox: [String]?
        switch tailNumbers(data.subdata(in: tail.lowerBound..<data.count)) {
        case .none:
            throw GeoPlanError.input(
                path: path,
                reason: "\(notOurs) (its end is not \"]\", an optional bbox and \"}\" "
                    + "as geoplan writes them); was it edited or cut short? Rerun that partition")
        case let .some(numbers):
            bbox = numbers
        }
        let body = features.upperBound..<max(tail.lowerBound, features.upperBound)
        guard let rows = splitFeatures(data, body) else {
            throw GeoPlanError.input(
                path: path,
                reason: "\(notOurs) (one feature per line, separated by \",\" and "
                    + "a line break); was it edited, or cut short? Rerun that partition")
        }
        let text = TextPart(path: path, data: data, head: 0..<features.upperBound, rows: rows, tail: tailRange)
        return GeoJSONPart(text: text, bbox: bbox)
    }

    /// The bbox numbers of a tail (`\n]\n}\n`: none; `\n],\n"bbox": [a,b,c,d]\n}\n`: their texts), or nil when
    /// the tail is neither (`.some(nil)` is a tail without a box).
    static func tailNumbers(_ tail: Data) -> [String]?? {
        let text = String(decoding: tail, as: UTF8.self)
        if text == GeoJSONLayout.tailWithoutBox { return .some(nil) }
        guard text.hasPrefix(GeoJSONLayout.boxPrefix), text.hasSuffix(GeoJSONLayout.boxSuffix) else { return nil }
        let inner = text.dropFirst(GeoJSONLayout.boxPrefix.count).dropLast(GeoJSONLayout.boxSuffix.count)
        let numbers = inner.components(separatedBy: ",")
        guard numbers.count >= 4, numbers.count.isMultiple(of: 2), numbers.allSatisfy({ Double($0)?.isFinite == true })
        else { return nil }
        return .some(numbers)
    }

    /// Each feature's range in `body`; nil when a line break is not a separator or a line is not one object.
    private static func splitFeatures(_ data: Data, _ body: Range<Int>) -> [Range<Int>]? {
        guard !body.isEmpty else { return [] }
        return data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> [Range<Int>]? in
            guard let base = buffer.baseAddress else { return nil }
            var rows: [Range<Int>] = []
            var start = body.lowerBound
            // memchr: national files run to hundreds of megabytes
            while let found = memchr(base + start, Int32(UInt8(ascii: "\n")), body.upperBound - start) {
                let offset = base.distance(to: UnsafeRawPointer(found))
                guard offset > start, buffer[offset - 1] == UInt8(ascii: ",") else { return nil }
                rows.append(start..<(offset - 1))
                start = offset + 1
            }
            rows.append(start..<body.upperBound)
            let isObject = { (row: Range<Int>) in
                !row.isEmpty && buffer[row.lowerBound] == UInt8(ascii: "{")
                    && buffer[row.upperBound - 1] == UInt8(ascii: "}")
            }
            return rows.allSatisfy(isObject) ? rows : nil
        }
    }
}
