import Foundation

/// The merged GeoJSON file's head: the parts' common head with the union of their bboxes written in the reserved
/// line, exactly as GDAL would have written it for all the features at once.
enum GeoJSONHead {
    static func merged(_ parts: [GeoJSONPart]) throws -> Data {
        guard let first = parts.first else { return Data() }
        let reference = blanked(first)
        for part in parts.dropFirst() where blanked(part) != reference {
            throw GeoPlanError.input(path: part.text.path, reason: "its GeoJSON header (layer name, members, bbox "
                                     + "line) differs from that of \"\(first.text.path)\", so the two were not "
                                     + "written by one run; merge only the parts of one geoplan run --partition")
        }
        guard let line = first.bboxLine else { return reference }
        let boxes = try parts.compactMap { part in try part.bbox.map { try checked($0, path: part.text.path) } }
        guard let union = try union(of: boxes, paths: parts.filter { $0.bbox != nil }.map(\.text.path)) else {
            return reference  // no feature has a geometry: GDAL leaves the line blank
        }
        let text = "\"bbox\": [ " + union.joined(separator: ", ") + " ],"
        // GDAL writes into the reserved line only what is shorter than it less one (`SPACE_FOR_BBOX`).
        guard text.utf8.count < line.count - 1 else {
            throw GeoPlanError.input(path: first.text.path, reason: "the merged bbox \(text) does not fit the line "
                                     + "GDAL reserves for it, so GDAL would have written it elsewhere; geoplan merge "
                                     + "cannot reproduce that layout: run without --partition")
        }
        var head = reference
        let padded = text + String(repeating: " ", count: line.count - text.utf8.count)
        head.replaceSubrange(line, with: Data(padded.utf8))
        return head
    }

    /// The head with the bbox line blanked, as GDAL reserves it before writing features.
    static func blanked(_ part: GeoJSONPart) -> Data {
        var head = part.text.bytes(part.text.head)
        if let line = part.bboxLine {
            head.replaceSubrange(line, with: Data(repeating: UInt8(ascii: " "), count: line.count))
        }
        return head
    }

    /// The numbers of a part's bbox as Doubles beside their text, refusing a box across the antimeridian, which
    /// GDAL grows by rules that depend on the order of features.
    private static func checked(_ numbers: [String], path: String) throws -> [(text: String, value: Double)] {
        let values = numbers.map { (text: $0, value: Double($0) ?? .nan) }
        let half = values.count / 2
        if values[0].value > values[half].value {
            throw GeoPlanError.input(path: path, reason: "its bbox crosses the antimeridian (west \(numbers[0]) > "
                                     + "east \(numbers[half])); geoplan merge cannot reproduce GDAL's bbox for such "
                                     + "data exactly: run without --partition")
        }
        return values
    }

    /// Smallest minimums and largest maximums, each number's text taken from the part that has it; nil for no boxes.
    private static func union(of boxes: [[(text: String, value: Double)]], paths: [String]) throws -> [String]? {
        guard let first = boxes.first else { return nil }
        let half = first.count / 2
        var best = first
        for (box, path) in zip(boxes, paths).dropFirst() {
            guard box.count == first.count else {
                throw GeoPlanError.input(path: path, reason: "its bbox has \(box.count) numbers where other parts' "
                                         + "have \(first.count) (3D against 2D); merge only the parts of one run")
            }
            for index in box.indices {
                let better = index < half ? box[index].value < best[index].value : box[index].value > best[index].value
                if better { best[index] = box[index] }
            }
        }
        return best.map(\.text)
    }
}
