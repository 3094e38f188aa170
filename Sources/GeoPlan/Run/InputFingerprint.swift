import Foundation
import GDAL

/// What `--resume` compares to know whether an input changed: an FNV-1a 64 checksum and a size, of
/// - a file (a shapefile with its .shx, .dbf, .prj, .cpg);
/// - a folder: every file in it, by name and content;
/// - a path inside a local archive (`/vsizip/tambons.zip/tambons.shp`): the whole archive, and the path inside it;
/// - a network object (`/vsicurl/`, `/vsis3/`): the size, modification time and ETag the server gives, as
///   GDAL's VSI layer reports them, not its bytes (that would be a download per check);
/// - any other virtual file (`/vsimem/`): its bytes, read through GDAL.
/// Nil when it cannot be known: then nothing that read it is ever taken as up to date.
enum InputFingerprint {
    static func of(_ path: String) -> (fnv1a64: String?, bytes: Int?) {
        if VirtualFile.isRemote(path) {
            guard let remote = VirtualFile.describe(path) else { return (nil, nil) }
            var hash = FNV1a()
            hash.add(Data("\(remote.size) \(remote.modified) \(remote.etag ?? "")".utf8))
            return (hash.hex, remote.size)
        }
        if path.hasPrefix("/vsi") {
            if let archive = localArchive(in: path) {
                let (fnv, bytes) = FileChecksum.of(archive, alone: true)
                var hash = FNV1a()
                hash.add(Data("\(fnv ?? "") \(path)".utf8))
                return (fnv == nil ? nil : hash.hex, bytes)
            }
            var hash = FNV1a()
            var total = 0
            let read = VirtualFile.read(path) { chunk in
                total += chunk.count
                hash.add(chunk)
            }
            return read ? (hash.hex, total) : (nil, nil)
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            return folder(path)
        }
        return FileChecksum.of(path)
    }

    /// The local file behind `/vsizip/`, `/vsitar/` or `/vsigzip/` (the longest leading part of the path that
    /// is a regular file), or nil.
    static func localArchive(in path: String) -> String? {
        guard let prefix = ["/vsizip/", "/vsitar/", "/vsigzip/"].first(where: path.hasPrefix) else { return nil }
        var rest = String(path.dropFirst(prefix.count))
        if rest.hasPrefix("{"), let close = rest.firstIndex(of: "}") {
            rest = String(rest[rest.index(after: rest.startIndex)..<close])
        }
        var candidate = rest
        while !candidate.isEmpty, candidate != "/" {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isFolder), !isFolder.boolValue {
                return candidate
            }
            candidate = (candidate as NSString).deletingLastPathComponent
        }
        return nil
    }

    /// Every regular file of the folder, in name order, by name and content.
    private static func folder(_ path: String) -> (String?, Int?) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return (nil, nil) }
        var hash = FNV1a()
        var total = 0
        for name in names.sorted() {
            let file = (path as NSString).appendingPathComponent(name)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: file, isDirectory: &isFolder), !isFolder.boolValue else {
                continue
            }
            let (fnv, bytes) = FileChecksum.of(file, alone: true)
            guard let fnv, let bytes else { return (nil, nil) }
            hash.add(Data("\(name) \(fnv) \(bytes)\n".utf8))
            total += bytes
        }
        return (hash.hex, total)
    }
}
