import Foundation

/// The few file-system calls geoplan's output layer makes, behind one seam so that tests can make any of them
/// fail (a full disk at the third write, a rename refused in the middle of a commit) and watch what is left.
///
/// Each call returns 0 or a byte count on success and `-errno` on failure, as the system call would.
public protocol FileSystem: Sendable {
    func open(_ path: String, flags: Int32, mode: mode_t) -> Int32
    func write(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int
    func fsync(_ descriptor: Int32) -> Int32
    func close(_ descriptor: Int32) -> Int32
    func rename(_ from: String, _ to: String) -> Int32
    func unlink(_ path: String) -> Int32
    func mkdir(_ path: String) -> Int32
}

/// The real calls.
public struct SystemFileSystem: FileSystem {
    public init() {}

    public func open(_ path: String, flags: Int32, mode: mode_t) -> Int32 {
        let descriptor = Foundation.open(path, flags | O_CLOEXEC, mode)
        return descriptor >= 0 ? descriptor : -errno
    }

    public func write(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int {
        let written = Foundation.write(descriptor, bytes.baseAddress, bytes.count)
        return written >= 0 ? written : -Int(errno)
    }

    public func fsync(_ descriptor: Int32) -> Int32 {
        Foundation.fsync(descriptor) == 0 ? 0 : -errno
    }

    public func close(_ descriptor: Int32) -> Int32 {
        Foundation.close(descriptor) == 0 ? 0 : -errno
    }

    public func rename(_ from: String, _ to: String) -> Int32 {
        Foundation.rename(from, to) == 0 ? 0 : -errno
    }

    public func unlink(_ path: String) -> Int32 {
        Foundation.unlink(path) == 0 ? 0 : -errno
    }

    public func mkdir(_ path: String) -> Int32 {
        Foundation.mkdir(path, 0o755) == 0 ? 0 : -errno
    }
}

extension FileSystem {
    /// Flushes a folder's entries (the names a rename or a new file changed) to disk.
    func syncFolder(_ path: String) -> Int32 {
        let descriptor = open(path, flags: O_RDONLY | O_DIRECTORY, mode: 0)
        guard descriptor >= 0 else { return descriptor }
        let synced = fsync(descriptor)
        _ = close(descriptor)
        // Some file systems cannot fsync a folder (EINVAL): nothing more can be done there.
        return synced == -EINVAL ? 0 : synced
    }
}

/// The text of an error number, for messages: "No space left on device".
func systemErrorText(_ code: Int32) -> String {
    String(cString: strerror(abs(code)))
}
