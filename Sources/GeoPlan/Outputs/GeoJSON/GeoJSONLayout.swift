/// How geoplan lays out a GeoJSON file, which `geoplan merge` relies on to join partitions as text:
///
/// ```
/// {
/// "type": "FeatureCollection",
/// "name": "tambons",
/// "features": [
/// {"type":"Feature","id":"TH830101","properties":{…},"bbox":[…],"geometry":{…}},
/// {"type":"Feature",…}
/// ],
/// "bbox": [98.2579103,7.4785022,98.4833251,8.2003327]
/// }
/// ```
///
/// One feature per line (line breaks inside strings are escaped), `,\n` between features, and the collection's
/// bbox after the features, where a streaming writer knows it (no `bbox` line without any geometry). The bbox's
/// numbers are written as the coordinates are, so the text of a union of boxes is the text of its extreme parts'.
enum GeoJSONLayout {
    static let featuresLine = "\n\"features\": [\n"
    static let separator = ",\n"
    /// The end of a file whose features have no geometry (or that has no features).
    static let tailWithoutBox = "\n]\n}\n"
    static let boxPrefix = "\n],\n\"bbox\": ["
    static let boxSuffix = "]\n}\n"

    static func head(name: String) -> [UInt8] {
        var out = JSONByteBuffer()
        out.append(raw: "{\n\"type\": \"FeatureCollection\",\n\"name\": ")
        out.appendString(name)
        out.append(raw: ",")
        return out.bytes + Array(featuresLine.utf8)
    }

    /// The tail for the collection's bbox numbers as text; without one when nil.
    static func tail(box: [String]?) -> [UInt8] {
        guard let box else { return Array(tailWithoutBox.utf8) }
        return Array((boxPrefix + box.joined(separator: ",") + boxSuffix).utf8)
    }
}
