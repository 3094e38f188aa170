import Foundation

/// Paths that are not files GDAL can read: opening a FIFO blocks until a writer comes (forever, for a path typed
/// by mistake), and a device such as `/dev/zero` never ends. Both are refused before GDAL sees them.
enum SpecialFile {
    /// What `path` is when it is no regular file or folder ("a FIFO (named pipe)"), nil otherwise.
    static func kind(of path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        default: return nil
        }
    }

    /// Throws `.notRecognized` for a special file, saying what it is.
    static func refuse(_ path: String) throws {
        guard !path.hasPrefix("/vsi"), let kind = kind(of: path) else { return }
        throw GDALError.notRecognized(path: path, message: "it is \(kind), not a file: give the path of a data file")
    }
}
