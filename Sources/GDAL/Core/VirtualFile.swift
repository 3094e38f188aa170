import CGDAL
import Foundation

/// A file behind GDAL's virtual file systems (`/vsizip/…`, `/vsimem/…`, `/vsicurl/…`), read or described through
/// GDAL's VSI layer: the only layer that can see inside an archive or ask a server.
public enum VirtualFile {
    /// Whether the path is on a network file system, where reading it whole to know whether it changed would mean
    /// downloading it (`/vsicurl/`, `/vsis3/`, …, also inside an archive path).
    public static func isRemote(_ path: String) -> Bool {
        remotePrefixes.contains { path.contains($0) }
    }

    /// What the server or file system says of the file: its size, modification time (seconds since 1970, 0 when
    /// unknown) and, for HTTP objects, the ETag. Nil when it cannot be stat'ed.
    public static func describe(_ path: String) -> (size: Int, modified: Int, etag: String?)? {
        GDALLibrary.ensureRegistered()
        // VSIStatBufL is `struct stat64`, which Swift sees as opaque; on 64-bit Linux and macOS it is laid out as
        // `struct stat`.
        var info = stat()
        let flags = VSI_STAT_EXISTS_FLAG | VSI_STAT_NATURE_FLAG | VSI_STAT_SIZE_FLAG
        // returns 0 on success; asks only for size and time (a HEAD request for HTTP)
        let status = withUnsafeMutablePointer(to: &info) { VSIStatExL(path, OpaquePointer($0), Int32(flags)) }
        guard status == 0 else { return nil }
        var etag: String?
        if isRemote(path), let headers = VSIGetFileMetadata(path, "HEADERS", nil) {
            // a NULL-terminated NAME=VALUE list owned by the caller
            defer { CSLDestroy(headers) }
            var index = 0
            while let entry = headers[index] {
                let parts = String(cString: entry).split(separator: "=", maxSplits: 1).map(String.init)
                if parts.count == 2, parts[0].lowercased() == "etag" { etag = parts[1] }
                index += 1
            }
        }
        let size = Int(exactly: info.st_size) ?? Int.max
        #if os(Linux)
            let modified = Int(info.st_mtim.tv_sec)
        #else
            let modified = Int(info.st_mtimespec.tv_sec)
        #endif
        return (size, modified, etag)
    }

    /// Streams the file's bytes through GDAL's VSI layer in chunks, calling `body` for each; false when it cannot
    /// be opened or read.
    public static func read(_ path: String, _ body: (UnsafeRawBufferPointer) -> Void) -> Bool {
        GDALLibrary.ensureRegistered()
        // returns NULL when the file cannot be opened
        guard let file = VSIFOpenL(path, "rb") else { return false }
        defer { _ = VSIFCloseL(file) }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = buffer.withUnsafeMutableBytes { bytes in VSIFReadL(bytes.baseAddress, 1, bytes.count, file) }
            if count == 0 { return VSIFEofL(file) != 0 }
            buffer.withUnsafeBytes { bytes in body(UnsafeRawBufferPointer(rebasing: bytes[0..<count])) }
        }
    }

    private static let remotePrefixes = [
        "/vsicurl", "/vsis3", "/vsigs", "/vsiaz", "/vsiadls", "/vsioss",
        "/vsiswift", "/vsiwebhdfs", "/vsihdfs",
    ]
}
