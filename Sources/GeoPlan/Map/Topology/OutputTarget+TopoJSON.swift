import Foundation

extension OutputTarget {
    /// Whether a path names a TopoJSON file (`.topojson`), which GDAL reads but cannot write.
    public static func isTopoJSON(_ path: String) -> Bool {
        path.lowercased().hasSuffix(".topojson")
    }

    /// A target for a TopoJSON file, checked as ``init(path:overwrite:inputs:createFolder:)`` checks others (the
    /// folder exists and is writable, the file is not an input and exists only with `overwrite`). Any extension is
    /// accepted (`.topojson`, `.json`); it is staged as one JSON file with no sidecars, like GeoJSON.
    public init(topoJSONPath path: String, overwrite: Bool, inputs: [String]) throws {
        try self.init(path: path, format: .geoJSON, overwrite: overwrite, inputs: inputs)
    }
}
