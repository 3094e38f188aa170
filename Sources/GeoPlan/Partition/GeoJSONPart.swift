import Foundation

/// Cuts a GeoJSON file that GDAL's GeoJSON driver wrote into its head, features and tail.
///
/// The layout, from GDAL's writer (`OGRGeoJSONDataSource::ICreateLayer`, `OGRGeoJSONWriteLayer`) and checked on
/// files geoplan writes (see the tests): `{\n"type": "FeatureCollection",\n"name": …,\n`, with `WRITE_BBOX` a
/// line of 131 spaces reserved for the collection's bbox, `"features": [\n`, then one feature per line with
/// `,\n` between them (json-c escapes line breaks inside strings, so a feature never spans lines), then
/// `\n]\n}\n`. On closing, GDAL writes `"bbox": [ … ],` over the start of the reserved line, each number with
/// `%.<precision>f`, unless no feature had a geometry (the line stays blank).
///
/// That bbox is the one member that depends on every feature: the merged file gets the union of the parts'
/// boxes, each number copied as a part wrote it, which is the text GDAL writes for the same extent.
struct GeoJSONPart {
    let text: TextPart
    /// The reserved bbox line within the head, without its line break; nil when the file has none.
    let bboxLine: Range<Int>?
    /// The bbox numbers as written (`100.0000000`), min values then max values; nil when the line is blank.
    let bbox: [String]?

    static let separator = Data(",\n".utf8)
    static let tail = Data("\n]\n}\n".utf8)
    private static let featuresLine = Data("\n\"features\": [\n".utf8)
    private static let bboxPrefix = "\"bbox\": [ "
    private static let bboxSuffix = " ],"

    static func read(_ path: String) throws -> GeoJSONPart {
        let data = try TextPart.contents(of: path)
        let notGDAL = "it is not laid out as GDAL's GeoJSON writer lays out geoplan's outputs"
        guard let features = data.range(of: featuresLine, in: 0..<min(data.count, 64 * 1024)),
              data.count >= features.upperBound + tail.count,
              data.suffix(tail.count).elementsEqual(tail) else {
            throw GeoPlanError.input(path: path, reason: "\(notGDAL) (a \"features\" line after the header, "
                                     + "\"]\" and \"}\" on lines of their own at the end); was it edited, cut short, "
                                     + "or written by another program? Rerun that partition")
        }
        let head = 0..<features.upperBound
        let body = features.upperBound..<(data.count - tail.count)
        guard let rows = splitFeatures(data, body) else {
            throw GeoPlanError.input(path: path, reason: "\(notGDAL) (one feature per line, separated by \",\" and "
                                     + "a line break); was it edited, or cut short? Rerun that partition")
        }
        // The reserved line is the one just before "features".
        let lineEnd = features.lowerBound
        let lineStart = (data[..<lineEnd].lastIndex(of: UInt8(ascii: "\n")) ?? -1) + 1
        let line = String(decoding: data[lineStart..<lineEnd], as: UTF8.self)
        let text = TextPart(path: path, data: data, head: head, rows: rows, tail: body.upperBound..<data.count)
        if !line.isEmpty, line.allSatisfy({ $0 == " " }) {
            return GeoJSONPart(text: text, bboxLine: lineStart..<lineEnd, bbox: nil)
        }
        guard line.hasPrefix(bboxPrefix) else {
            return GeoJSONPart(text: text, bboxLine: nil, bbox: nil)
        }
        guard let numbers = bboxNumbers(line) else {
            let shown = line.trimmingCharacters(in: .whitespaces)
            throw GeoPlanError.input(path: path, reason: "its bbox line \"\(shown)\" is not as GDAL writes it; was "
                                     + "it edited? Rerun that partition")
        }
        return GeoJSONPart(text: text, bboxLine: lineStart..<lineEnd, bbox: numbers)
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

    /// The numbers of `"bbox": [ a, b, c, d ],` followed by spaces; nil when the line is not like that, or the
    /// numbers are not an even count of numbers.
    static func bboxNumbers(_ line: String) -> [String]? {
        let trimmed = line.replacingOccurrences(of: " +$", with: "", options: .regularExpression)
        guard trimmed.hasPrefix(bboxPrefix), trimmed.hasSuffix(bboxSuffix) else { return nil }
        let inner = trimmed.dropFirst(bboxPrefix.count).dropLast(bboxSuffix.count)
        let numbers = inner.components(separatedBy: ", ")
        guard numbers.count >= 4, numbers.count.isMultiple(of: 2), numbers.allSatisfy({ Double($0) != nil }) else {
            return nil
        }
        return numbers
    }
}
