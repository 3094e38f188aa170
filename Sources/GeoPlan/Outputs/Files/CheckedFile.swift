import Foundation

/// A file geoplan writes itself, every byte checked: writes are buffered, short writes are resumed, and any
/// failure (a full disk, an I/O error) is thrown naming the output, never ignored. `finish()` flushes, fsyncs and
/// closes, so a file that finished is on disk whole. The file is created new (`O_EXCL`): it never writes into a
/// file that was already there.
///
/// Not `Sendable`: one writer, one thread. Errors name `displayPath` (the output the user asked for), not the
/// staging path the bytes go to.
public final class CheckedFile {
    public let path: String
    public let displayPath: String
    private let fileSystem: any FileSystem
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private let bufferSize: Int
    public private(set) var bytesWritten = 0

    public init(
        creating path: String, displayPath: String? = nil, bufferSize: Int = 1 << 20,
        fileSystem: any FileSystem = SystemFileSystem()
    ) throws {
        self.path = path
        self.displayPath = displayPath ?? path
        self.fileSystem = fileSystem
        self.bufferSize = max(bufferSize, 1)
        descriptor = fileSystem.open(path, flags: O_WRONLY | O_CREAT | O_EXCL, mode: 0o644)
        guard descriptor >= 0 else {
            throw GeoPlanError.output(
                path: self.displayPath,
                reason: "cannot create \"\(path)\": "
                    + systemErrorText(descriptor))
        }
        buffer.reserveCapacity(self.bufferSize)
    }

    deinit {
        if descriptor >= 0 { _ = fileSystem.close(descriptor) }
    }

    public func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
    }

    public func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    public func write(_ data: Data) throws {
        try data.withUnsafeBytes { try write($0) }
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard descriptor >= 0 else {
            throw GeoPlanError.output(path: displayPath, reason: "written to after it was finished")
        }
        if buffer.count + bytes.count > bufferSize { try flush() }
        if bytes.count >= bufferSize {
            try writeAll(bytes)
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    /// Flushes, fsyncs and closes: after it returns the whole file is on disk.
    public func finish() throws {
        guard descriptor >= 0 else { return }
        try flush()
        let synced = fileSystem.fsync(descriptor)
        let closed = fileSystem.close(descriptor)
        descriptor = -1
        if synced < 0 { throw failure("cannot flush it to disk", synced) }
        if closed < 0 { throw failure("cannot close it", closed) }
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { try writeAll($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < bytes.count {
            let result = fileSystem.write(descriptor, UnsafeRawBufferPointer(rebasing: bytes[offset...]))
            if result == -Int(EINTR) { continue }
            guard result > 0 else {
                // write(2) returning 0 for a non-empty buffer means no progress can be made: treat it as a full disk.
                throw failure(
                    "writing failed after \(bytesWritten + offset) bytes", result == 0 ? -ENOSPC : Int32(result))
            }
            offset += result
        }
        bytesWritten += bytes.count
    }

    private func failure(_ what: String, _ code: Int32) -> GeoPlanError {
        GeoPlanError.output(path: displayPath, reason: "\(what): \(systemErrorText(code))")
    }
}
