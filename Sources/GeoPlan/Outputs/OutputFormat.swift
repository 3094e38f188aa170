/// A vector format geoplan writes, chosen from the output file's extension.
public enum OutputFormat: String, CaseIterable, Hashable, Sendable {
    case geoJSON, geoPackage, flatGeobuf, csv, shapefile

    /// The format for a path's extension, or nil when geoplan does not write that extension.
    public init?(path: String) {
        let lower = path.lowercased()
        guard
            let format = Self.allCases.first(where: { format in
                format.extensions.contains { lower.hasSuffix(".\($0)") }
            })
        else { return nil }
        self = format
    }

    /// File extensions, the first being the usual one.
    public var extensions: [String] {
        switch self {
        case .geoJSON: ["geojson", "json"]
        case .geoPackage: ["gpkg"]
        case .flatGeobuf: ["fgb"]
        case .csv: ["csv"]
        case .shapefile: ["shp"]
        }
    }

    /// GDAL's driver short name.
    public var driverName: String {
        switch self {
        case .geoJSON: "GeoJSON"
        case .geoPackage: "GPKG"
        case .flatGeobuf: "FlatGeobuf"
        case .csv: "CSV"
        case .shapefile: "ESRI Shapefile"
        }
    }

    /// Files the format writes besides the main one (a Shapefile's `.shx`, `.dbf`, `.prj`, `.cpg`; a CSV's `.csvt`).
    public var sidecarExtensions: [String] {
        switch self {
        case .shapefile: ["shx", "dbf", "prj", "cpg", "qix", "sbn", "sbx"]
        case .csv: ["csvt", "prj"]
        case .geoPackage: ["gpkg-wal", "gpkg-shm", "gpkg-journal"]
        default: []
        }
    }

    /// Whether the format stores no CRS (RFC 7946 GeoJSON is WGS 84 by definition; CSV has none at all).
    public var isAlwaysWGS84: Bool { self == .geoJSON }

    /// A list for messages: ".geojson, .gpkg, .fgb, .csv or .shp".
    public static var supportedExtensionsText: String {
        let names = allCases.map { ".\($0.extensions[0])" }
        return names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
    }
}
