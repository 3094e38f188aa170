import CSystem
import Foundation

/// How geoplan tells a file it wrote from one it merely finds beside its outputs: every file it commits carries an
/// extended attribute `user.geoplan.written` holding its size and modification time. An earlier output's sidecar
/// that a new output no longer has (a `.qix`, the `.prj` of a layer now without CRS) is removed only when it still
/// carries the mark and still has that size and time — otherwise it is somebody else's, or was changed since, and
/// it is left alone.
///
/// The mark travels with the file through `rename` and is lost by a copy, which errs on the safe side. On a file
/// system without user extended attributes nothing is marked, and earlier sidecars are left (and said).
enum WrittenMark {
    static let attribute = "user.geoplan.written"

    /// Marks a finished file (before it is moved in). Failure only means the file will not be recognised later.
    static func mark(_ path: String) {
        guard let stamp = stamp(of: path) else { return }
        _ = stamp.withCString { value in
            #if canImport(Darwin)
                setxattr(path, attribute, value, strlen(value), 0, 0)
            #else
                setxattr(path, attribute, value, strlen(value), 0)
            #endif
        }
    }

    /// Whether `path` is a file geoplan wrote and nobody changed since.
    static func isMarked(_ path: String) -> Bool {
        var buffer = [CChar](repeating: 0, count: 128)
        #if canImport(Darwin)
            let count = getxattr(path, attribute, &buffer, buffer.count - 1, 0, XATTR_NOFOLLOW)
        #else
            let count = lgetxattr(path, attribute, &buffer, buffer.count - 1)
        #endif
        guard count > 0, let current = stamp(of: path) else { return false }
        return String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self) == current
    }

    /// "size modification-time-in-nanoseconds" of a regular file (nil for anything else).
    private static func stamp(of path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        #if canImport(Darwin)
            let modified = info.st_mtimespec
        #else
            let modified = info.st_mtim
        #endif
        return "\(info.st_size) \(Int64(modified.tv_sec) * 1_000_000_000 + Int64(modified.tv_nsec))"
    }
}
