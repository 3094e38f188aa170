import Foundation

/// The merged GeoJSON file's head and tail: the parts' common head, and a tail with the union of their bboxes,
/// exactly as geoplan's writer writes them for all the features at once.
enum GeoJSONHead {
    /// The head every part shares (the layer's name and members up to `"features": [`).
    static func merged(_ parts: [GeoJSONPart]) throws -> Data {
        guard let first = parts.first else { return Data() }
        let reference = first.text.bytes(first.text.head)
        for part in parts.dropFirst() where part.text.bytes(part.text.head) != reference {
            throw GeoPlanError.input(
                path: part.text.path,
                reason: "its GeoJSON header (layer name, members) differs "
                    + "from that of \"\(first.text.path)\", so the two were not written by one run; "
                    + "merge only the parts of one geoplan run --partition")
        }
        return reference
    }

    /// The tail for text parts read by `GeoJSONPart`: `]`, the union of their bboxes (none when no part has one)
    /// and `}`.
    static func mergedTail(_ texts: [TextPart]) throws -> Data {
        var boxes: [[(text: String, value: Double)]] = []
        var paths: [String] = []
        for text in texts {
            let tail = text.data.subdata(in: text.tail)
            // an empty part's tail starts after the line break it shares with "features": [
            guard let numbers = GeoJSONPart.tailNumbers(tail) ?? GeoJSONPart.tailNumbers(Data("\n".utf8) + tail) else {
                throw GeoPlanError.input(
                    path: text.path,
                    reason: "its end is not \"]\", an optional bbox and \"}\" "
                        + "as geoplan writes them; was it edited or cut short? Rerun that partition")
            }
            guard let numbers else { continue }
            boxes.append(try checked(numbers, path: text.path))
            paths.append(text.path)
        }
        return Data(GeoJSONLayout.tail(box: try union(of: boxes, paths: paths)))
    }

    /// The numbers of a part's bbox as Doubles beside their text, refusing a box across the antimeridian (west >
    /// east), whose union with others is not defined.
    private static func checked(_ numbers: [String], path: String) throws -> [(text: String, value: Double)] {
        let values = numbers.map { (text: $0, value: Double($0) ?? .nan) }
        let half = values.count / 2
        if values[0].value > values[half].value {
            throw GeoPlanError.input(
                path: path,
                reason: "its bbox crosses the antimeridian (west \(numbers[0]) > "
                    + "east \(numbers[half])); geoplan merge cannot reproduce such a bbox exactly: "
                    + "run without --partition")
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
                throw GeoPlanError.input(
                    path: path,
                    reason: "its bbox has \(box.count) numbers where other parts' "
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
