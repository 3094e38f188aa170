import CGDAL

/// A file in GDAL's in-memory file system (`/vsimem/`), holding a copy of some bytes until `remove()`: the
/// fuzzer's bytes are opened by GDAL's drivers exactly as a file on disk would be, without touching the disk.
public struct MemoryFile {
    public let path: String

    /// Writes `bytes` to `/vsimem/geoplan-fuzz/<name>`, replacing what was there.
    public init(name: String, bytes: [UInt8]) {
        path = "/vsimem/geoplan-fuzz/\(name)"
        VSIUnlink(path)
        // GDAL takes ownership of a buffer it allocated, so the file outlives this scope; a zero-byte file still
        // needs a valid pointer.
        guard let buffer = VSIMalloc(max(bytes.count, 1)) else { return }
        bytes.withUnsafeBytes { source in
            if let base = source.baseAddress { buffer.copyMemory(from: base, byteCount: bytes.count) }
        }
        let handle = VSIFileFromMemBuffer(
            path, buffer.assumingMemoryBound(to: GByte.self),
            vsi_l_offset(bytes.count), 1)
        if let handle { VSIFCloseL(handle) } else { VSIFree(buffer) }
    }

    public func remove() {
        VSIUnlink(path)
    }
}
