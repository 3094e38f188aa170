import Foundation

/// Where a command will write, checked before any work starts: the folder exists, the file does not (unless
/// overwriting is allowed), and it is none of the inputs.
public struct OutputTarget: Hashable, Sendable {
    public let path: String
    public let format: OutputFormat
    public let overwrite: Bool

    /// Checks the path; throws `GeoPlanError.output` with a message that says what to do.
    /// - Parameter createFolder: create a missing folder (a run's output folder) instead of refusing.
    public init(path: String, overwrite: Bool, inputs: [String], createFolder: Bool = false) throws {
        guard let format = OutputFormat(path: path) else {
            throw GeoPlanError.output(path: path, reason: "geoplan cannot tell the format from the extension; use "
                                      + OutputFormat.supportedExtensionsText)
        }
        try self.init(path: path, format: format, overwrite: overwrite, inputs: inputs, createFolder: createFolder)
    }

    /// The same checks for a file whose format is not told by its extension (a TopoJSON file, an SVG map):
    /// `format` says which sidecars belong to it.
    init(path: String, format: OutputFormat, overwrite: Bool, inputs: [String], createFolder: Bool = false) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        if createFolder { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw GeoPlanError.output(path: path, reason: "its folder \"\(folder)\" does not exist; create it first")
        }
        guard FileManager.default.isWritableFile(atPath: folder) else {
            throw GeoPlanError.output(path: path, reason: "its folder \"\(folder)\" is not writable")
        }
        let target = OutputTarget.canonical(path)
        for input in inputs where OutputTarget.sameFileSet(OutputTarget.canonical(input), target, format: format) {
            throw GeoPlanError.output(path: path, reason: "it is the input \"\(input)\"; write to another file")
        }
        var isDirectoryAtPath: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectoryAtPath) {
            if isDirectoryAtPath.boolValue {
                throw GeoPlanError.output(path: path, reason: "a folder of that name exists")
            }
            if !overwrite {
                throw GeoPlanError.output(path: path, reason: "it already exists; pass --overwrite to replace it")
            }
        }
        self.path = path
        self.format = format
        self.overwrite = overwrite
    }

    /// The absolute path with symbolic links resolved (of the folder when the file does not exist yet).
    static func canonical(_ path: String) -> String {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        if FileManager.default.fileExists(atPath: url.path) {
            return url.resolvingSymlinksInPath().path
        }
        return url.deletingLastPathComponent().resolvingSymlinksInPath().appendingPathComponent(url.lastPathComponent)
            .path
    }

    /// Whether two canonical paths name the same file, counting a Shapefile's parts as one (`a.shp` and `a.dbf`).
    static func sameFileSet(_ input: String, _ output: String, format: OutputFormat) -> Bool {
        if input == output { return true }
        let stem = { (path: String) in (path as NSString).deletingPathExtension }
        let shapefileParts = ["shp", "shx", "dbf", "prj", "cpg"]
        let bothShapefile = [input, output].allSatisfy {
            shapefileParts.contains(($0 as NSString).pathExtension.lowercased())
        }
        return bothShapefile && stem(input) == stem(output)
    }
}
