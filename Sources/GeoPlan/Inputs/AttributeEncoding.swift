import EncodingDetection
import Foundation
import GDAL

/// How an input's attribute text is decoded, how that was decided, and what the user should know about it.
///
/// Shapefiles: the DBF's own bytes decide (see `ShapefileEncodingDetector`); GDAL then recodes with the
/// `ENCODING` open option. Other formats are UTF-8 by rule (GeoJSON, GeoPackage, FlatGeobuf, KML) or by
/// assumption (CSV); text that is not valid UTF-8 is then refused when read, naming the feature and field.
/// `--encoding` overrides either way.
public struct AttributeEncoding: Sendable {
    public let openOptions: OpenOptions
    public let report: EncodingReport
    public let warnings: [String]

    public static func decide(for path: String, override: String?) throws -> AttributeEncoding {
        let requested = try override.map { name -> TextEncoding in
            guard let encoding = TextEncoding(parsing: name) else {
                throw GeoPlanError.input(
                    path: path,
                    reason: "unknown text encoding \"\(name)\" given with "
                        + "\(Remedy.encoding().token); use for example UTF-8, CP874 (Thai "
                        + "TIS-620) or ISO-8859-1")
            }
            return encoding
        }
        let dbfs = shapefileTables(at: path)
        guard !dbfs.isEmpty else {
            return otherFormat(path: path, override: requested)
        }
        let decisions = try dbfs.map { dbf in
            try ShapefileEncodingDetector.decide(dbf: dbf, cpgText: cpgText(for: dbf), override: requested)
        }
        if let undecided = decisions.first(where: \.isUndetermined) {
            throw GeoPlanError.unknownEncoding(
                path: path,
                detail: undecided.summary + "; name it with "
                    + "\(Remedy.encoding("CP874").token) for Thai TIS-620, or "
                    + "\(Remedy.encoding("ISO-8859-1").token)")
        }
        let encodings = Set(decisions.map(\.encoding.gdalName))
        guard encodings.count == 1, let first = decisions.first else {
            let list = zip(dbfs, decisions).map { "\($0.0.lastPathComponent): \($0.1.encoding.displayName)" }
            throw GeoPlanError.unknownEncoding(
                path: path,
                detail: "the shapefiles in this folder use different text "
                    + "encodings (\(list.joined(separator: ", "))); open them one by one")
        }
        let options = OpenOptions(driverOptions: ["ENCODING": first.encoding.gdalName], textDecoding: .utf8)
        let name = first.source == .asciiOnly ? "ASCII" : first.encoding.displayName
        let report = EncodingReport(name: name, source: first.sourceDescription, summary: first.summary)
        return AttributeEncoding(openOptions: options, report: report, warnings: decisions.flatMap(\.warnings))
    }

    private static func otherFormat(path: String, override: TextEncoding?) -> AttributeEncoding {
        guard let override, override.gdalName != TextEncoding.utf8.gdalName else {
            let report = EncodingReport(
                name: "UTF-8", source: "format",
                summary: "UTF-8 (the format's text encoding; text that is not UTF-8 is refused)")
            return AttributeEncoding(openOptions: OpenOptions(), report: report, warnings: [])
        }
        let report = EncodingReport(
            name: override.displayName, source: Remedy.encoding().token,
            summary: "\(override.displayName), as given with \(Remedy.encoding().token)")
        return AttributeEncoding(
            openOptions: OpenOptions(textDecoding: .recode(from: override.gdalName)),
            report: report, warnings: [])
    }

    /// The `.dbf` of a `.shp`/`.dbf` path, or of every shapefile in a folder; empty for other formats.
    static func shapefileTables(at path: String) -> [URL] {
        let url = URL(fileURLWithPath: path)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return [] }
        if isFolder.boolValue {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            return names.filter { $0.lowercased().hasSuffix(".shp") }.sorted()
                .compactMap { sibling(of: url.appendingPathComponent($0), extension: "dbf") }
        }
        guard ["shp", "dbf"].contains(url.pathExtension.lowercased()) else { return [] }
        return sibling(of: url, extension: "dbf").map { [$0] } ?? []
    }

    /// The `.cpg` text beside a `.dbf`, if there is one.
    static func cpgText(for dbf: URL) -> String? {
        sibling(of: dbf, extension: "cpg").flatMap { try? String(contentsOf: $0, encoding: .utf8) }
    }

    /// A file with the same stem and another extension, in lower or upper case.
    private static func sibling(of url: URL, extension ext: String) -> URL? {
        let stem = url.deletingPathExtension()
        return [ext, ext.uppercased()].map { stem.appendingPathExtension($0) }
            .first { FileManager.default.fileExists(atPath: $0.path) }
    }
}
