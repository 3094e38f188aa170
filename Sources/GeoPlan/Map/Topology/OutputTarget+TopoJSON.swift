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
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw GeoPlanError.output(path: path, reason: "its folder \"\(folder)\" does not exist; create it first")
        }
        guard FileManager.default.isWritableFile(atPath: folder) else {
            throw GeoPlanError.output(path: path, reason: "its folder \"\(folder)\" is not writable")
        }
        let target = OutputTarget.canonical(path)
        for input in inputs where OutputTarget.sameFileSet(OutputTarget.canonical(input), target, format: .geoJSON) {
            throw GeoPlanError.output(path: path, reason: "it is the input \"\(input)\"; write to another file")
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw GeoPlanError.output(path: path, reason: "a folder of that name exists") }
            if !overwrite {
                throw GeoPlanError.output(path: path, reason: "it already exists; pass --overwrite to replace it")
            }
        }
        self.path = path
        format = .geoJSON
        self.overwrite = overwrite
    }
}
