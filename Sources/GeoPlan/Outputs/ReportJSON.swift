import Foundation

/// The one way geoplan encodes its JSON reports (`--json`, provenance `meta.json`, the legend, the map's tooltips,
/// TopoJSON properties, merged sidecars): a non-finite number (an overflowed mean, a NaN area) is written as
/// `null`, which JSON can hold, instead of `JSONEncoder` throwing `EncodingError.invalidValue` after the work is
/// done.
///
/// `JSONEncoder` can only turn a non-finite number into a string; it is told to write a marker string that no
/// text geoplan reads can hold (it contains NUL characters, which C strings, and so GDAL's values, cannot), and
/// the encoded marker is then replaced by `null`.
public enum ReportJSON {
    public static func encode<T: Encodable>(_ value: T, formatting: JSONEncoder.OutputFormatting) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = formatting
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: marker,
            negativeInfinity: marker, nan: marker)
        let data = try encoder.encode(value)
        guard data.range(of: encodedMarker) != nil else { return data }
        return Data(
            String(decoding: data, as: UTF8.self)
                .replacingOccurrences(of: String(decoding: encodedMarker, as: UTF8.self), with: "null").utf8)
    }

    /// Pretty-printed with sorted keys and unescaped slashes: what a person or a diff reads.
    public static func encode<T: Encodable>(_ value: T, pretty: Bool) throws -> Data {
        try encode(
            value,
            formatting: pretty
                ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                : [.sortedKeys, .withoutEscapingSlashes])
    }

    private static let marker = "\u{0}geoplan-non-finite\u{0}"
    /// The marker as `JSONEncoder` writes it: quoted, with its NULs escaped.
    private static let encodedMarker = Data(#""\u0000geoplan-non-finite\u0000""#.utf8)
}
