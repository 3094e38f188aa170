import Foundation

/// Outputs that are one small file geoplan writes itself (an SVG, an HTML page, a legend): checked like any
/// output before work starts, written through a temporary sibling and a rename.
enum TextOutput {
    /// The folder exists, the file does not (unless overwriting), and it is none of the inputs.
    static func check(_ path: String, overwrite: Bool, inputs: [String]) throws {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        var isFolder: ObjCBool = false
        let folder = url.deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw GeoPlanError.output(path: path, reason: "its folder \"\(folder)\" does not exist; create it first")
        }
        if inputs.contains(where: { URL(fileURLWithPath: $0).standardizedFileURL.path == url.path }) {
            throw GeoPlanError.output(path: path, reason: "it is an input; write to another file")
        }
        if FileManager.default.fileExists(atPath: url.path), !overwrite {
            throw GeoPlanError.output(path: path, reason: "it already exists; pass --overwrite to replace it")
        }
    }

    static func write(_ data: Data, to path: String) throws {
        try Runner.atomicWrite(data, to: path)
    }
}
