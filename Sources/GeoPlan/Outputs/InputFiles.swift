import Foundation

/// Every file a command reads — each input and the files that belong to it (a Shapefile's `.dbf`, `.prj`, `.cpg`,
/// a raster's `.aux.xml`, a GeoPackage's `-wal`) — so that no output can replace or delete one of them, whatever
/// the options. Files are compared by device and inode (a hard link or a symbolic link to an input is the input)
/// and, for names that do not exist yet, by their canonical path.
public struct InputFiles: Hashable, Sendable {
    /// Extensions of the files GIS formats keep beside their main file (`roads.shp` → `roads.dbf`).
    static let companionExtensions: Set<String> = [
        "shp", "shx", "dbf", "prj", "cpg", "qix", "sbn", "sbx", "fbn", "fbx", "ain", "aih", "atx", "ixs", "mxs",
        "xml", "qmd", "qml", "sld", "csvt", "prjx", "aux", "tfw", "tifw", "tfwx", "wld", "jgw", "pgw", "gfw", "hdr",
        "ovr", "msk", "rrd", "lyr", "lyrx",
    ]
    /// Suffixes added to a whole file name (`dem.tif.aux.xml`, `tambons.gpkg-wal`).
    static let appendedSuffixes = [".aux.xml", ".ovr", ".msk", "-wal", "-shm", "-journal", ".xml"]

    private struct Identity: Hashable, Sendable {
        let device: UInt64
        let inode: UInt64
    }

    /// For each file: the input it belongs to, by identity and by canonical path.
    private var byIdentity: [Identity: String] = [:]
    private var byPath: [String: String] = [:]

    public init(_ inputs: [String] = []) {
        for input in inputs { add(input) }
    }

    /// Adds an input (a path as the user gave it, or a GDAL virtual path such as `/vsizip/x.zip/a.shp`).
    public mutating func add(_ input: String) {
        guard let local = Self.localPath(of: input) else { return }
        let path = OutputTarget.canonical(local)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            byPath[path] = input
            return
        }
        var files = [path]
        if isFolder.boolValue {
            // A folder GDAL opens as one dataset (a folder of Shapefiles): all of it is the input.
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            files += names.map { (path as NSString).appendingPathComponent($0) }
        } else {
            files += Self.companions(of: path)
        }
        for file in files {
            byPath[file] = byPath[file] ?? input
            if let identity = Self.identity(of: file) { byIdentity[identity] = byIdentity[identity] ?? input }
        }
    }

    /// The input that `path` is, or belongs to (nil when it is none of them).
    public func input(containing path: String) -> String? {
        if let identity = Self.identity(of: path), let input = byIdentity[identity] { return input }
        return byPath[OutputTarget.canonical(path)]
    }

    public var isEmpty: Bool { byPath.isEmpty }

    /// Adds another command part's inputs.
    public mutating func merge(_ other: InputFiles) {
        byIdentity.merge(other.byIdentity) { mine, _ in mine }
        byPath.merge(other.byPath) { mine, _ in mine }
    }

    /// The files beside `path` that belong to it: same stem and a companion extension, or its name plus a suffix.
    static func companions(of path: String) -> [String] {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let stem = (name as NSString).deletingPathExtension.lowercased()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { other in
            guard other != name else { return false }
            let lower = other.lowercased()
            if appendedSuffixes.contains(where: { lower == name.lowercased() + $0 }) { return true }
            let otherStem = (lower as NSString).deletingPathExtension
            return otherStem == stem && companionExtensions.contains((lower as NSString).pathExtension)
        }.map { (folder as NSString).appendingPathComponent($0) }
    }

    /// The file on this machine behind a path: itself, or the archive behind `/vsizip/`, `/vsitar/`, `/vsigzip/`
    /// (nil for remote or in-memory files, which geoplan cannot write over).
    static func localPath(of input: String) -> String? {
        guard input.hasPrefix("/vsi") else { return input }
        for prefix in ["/vsizip/", "/vsitar/", "/vsigzip/", "/vsi7z/", "/vsirar/"] where input.hasPrefix(prefix) {
            let rest = String(input.dropFirst(prefix.count))
            // The archive ends at its extension; what follows is a path inside it.
            let archiveEnds = [".zip", ".tar.gz", ".tgz", ".tar", ".gz", ".7z", ".rar", ".kmz"]
            for ending in archiveEnds {
                if let range = rest.range(of: ending + "/", options: .caseInsensitive) {
                    return String(rest[..<range.lowerBound]) + ending
                }
                if rest.lowercased().hasSuffix(ending) { return rest }
            }
            return rest
        }
        return nil
    }

    private static func identity(of path: String) -> Identity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }
}
