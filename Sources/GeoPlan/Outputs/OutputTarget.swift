import Foundation

/// Where a command will write, checked before any work starts: the folder exists, the file does not (unless
/// overwriting is allowed), and neither it nor a sidecar its format writes is a file of any input (by path, or by
/// inode: a link to an input is the input). The check is made again under the folder's lock when the output is
/// staged (`OutputSet.stage`), and for every file actually written when it is committed.
public struct OutputTarget: Hashable, Sendable {
    public let path: String
    public let format: OutputFormat
    public let overwrite: Bool
    /// The inputs of the command, with their sidecars: never written over.
    public let inputFiles: InputFiles
    /// Whether the writer may leave sidecars beside the main file (GDAL's Shapefile and CSV drivers do; geoplan's
    /// own CSV and JSON writers do not).
    public let writesSidecars: Bool
    /// A folder of tiles may replace an earlier folder of tiles.
    let isTileSet: Bool

    /// Checks the path; throws `GeoPlanError.output` with a message that says what to do.
    /// - Parameter createFolder: create a missing folder (a run's output folder) instead of refusing.
    public init(path: String, overwrite: Bool, inputs: [String], createFolder: Bool = false) throws {
        try self.init(path: path, overwrite: overwrite, inputFiles: InputFiles(inputs), createFolder: createFolder)
    }

    public init(
        path: String, overwrite: Bool, inputFiles: InputFiles, createFolder: Bool = false,
        writesSidecars: Bool = true
    ) throws {
        guard let format = OutputFormat(path: path) else {
            throw GeoPlanError.output(
                path: path,
                reason: "geoplan cannot tell the format from the extension; use "
                    + OutputFormat.supportedExtensionsText)
        }
        try self.init(
            path: path, format: format, overwrite: overwrite, inputFiles: inputFiles,
            createFolder: createFolder, writesSidecars: writesSidecars)
    }

    /// The same checks for a file whose format is not told by its extension (a TopoJSON file, an SVG map):
    /// `format` says which sidecars belong to it.
    init(path: String, format: OutputFormat, overwrite: Bool, inputs: [String], createFolder: Bool = false) throws {
        try self.init(
            path: path, format: format, overwrite: overwrite, inputFiles: InputFiles(inputs),
            createFolder: createFolder, writesSidecars: false)
    }

    init(
        path: String, format: OutputFormat, overwrite: Bool, inputFiles: InputFiles, createFolder: Bool = false,
        writesSidecars: Bool = true, isTileSet: Bool = false
    ) throws {
        let folder =
            (path as NSString).deletingLastPathComponent.isEmpty
            ? "."
            : (path as NSString).deletingLastPathComponent
        if createFolder { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) else {
            throw GeoPlanError.output(path: path, reason: "its folder \"\(folder)\" does not exist; create it first")
        }
        guard isFolder.boolValue else {
            throw GeoPlanError.output(path: path, reason: "\"\(folder)\" is a file, not a folder")
        }
        guard FileManager.default.isWritableFile(atPath: folder) else {
            throw GeoPlanError.output(path: path, reason: "its folder \"\(folder)\" is not writable")
        }
        self.path = path
        self.format = format
        self.overwrite = overwrite
        self.inputFiles = inputFiles
        self.writesSidecars = writesSidecars
        self.isTileSet = isTileSet
        try checkAgain(overwrite: overwrite, inputs: inputFiles)
    }

    /// A tile set: an MBTiles file, or a folder of tiles. An existing folder is replaced (with `overwrite`) only
    /// when it is a tile set (it has the `metadata.json` GDAL writes), never any other folder.
    init(tilesPath path: String, overwrite: Bool, inputFiles: InputFiles) throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            let metadata = (path as NSString).appendingPathComponent("metadata.json")
            guard FileManager.default.fileExists(atPath: metadata) else {
                throw GeoPlanError.output(
                    path: path,
                    reason: "a folder of that name exists and is not a tile set "
                        + "(no metadata.json); choose another name")
            }
            guard overwrite else {
                throw GeoPlanError.output(path: path, reason: "it already exists; pass --overwrite to replace it")
            }
        }
        try self.init(
            path: path, format: .geoJSON, overwrite: overwrite, inputFiles: inputFiles,
            writesSidecars: false, isTileSet: true)
    }

    /// The folder the output goes in.
    public var folder: String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    /// The files the output may write: its own, and the sidecars its format may write beside it.
    var possibleFiles: [String] {
        Self.possibleFiles(of: path, format: format, writesSidecars: writesSidecars)
    }

    static func possibleFiles(of path: String, format: OutputFormat, writesSidecars: Bool) -> [String] {
        guard writesSidecars else { return [path] }
        let stem = (path as NSString).deletingPathExtension
        return [path] + format.sidecarExtensions.map { "\(stem).\($0)" }
    }

    /// Why writing `path` (and `files` beside it) would touch an input, nil when it would not: "it is the input
    /// …", "it would write "x.prj", a file of the input …".
    static func inputClash(_ path: String, files: [String], inputs: [InputFiles]) -> String? {
        for file in files {
            guard let input = inputs.lazy.compactMap({ $0.input(containing: file) }).first else { continue }
            let what = file == path ? "it is" : "it would write \"\((file as NSString).lastPathComponent)\", a file of"
            return "\(what) the input \"\(input)\""
        }
        return nil
    }

    var canonicalPath: String { Self.canonical(path) }

    /// The checks that depend on what is on disk, made again under the folder's lock.
    func checkAgain(overwrite: Bool, inputs: InputFiles) throws {
        if let clash = Self.inputClash(path, files: possibleFiles, inputs: [inputs, inputFiles]) {
            throw GeoPlanError.output(
                path: path,
                reason: clash + "; write to another "
                    + (clash.hasPrefix("it is") ? "file" : "folder or name"))
        }
        var isDirectoryAtPath: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectoryAtPath) {
            if isDirectoryAtPath.boolValue, !isTileSet {
                throw GeoPlanError.output(path: path, reason: "a folder of that name exists")
            }
            if !overwrite {
                throw GeoPlanError.output(path: path, reason: "it already exists; pass --overwrite to replace it")
            }
        }
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
}
