import Foundation
import Locking

/// One of the process's console streams (stdout or stderr), written with write(2) and every result checked.
///
/// `FileHandle.write` traps when the stream is closed, full or a broken pipe; a planner piping `geoplan info` into
/// `head`, or a cron job with stderr closed, must not see a crash after the work is done. So the first failed
/// write is remembered, later writes to the stream are dropped, and the process exits with
/// `ExitStatus.consoleUnwritable` once the command has finished (see `Console.exitStatus(after:)`).
///
/// The failure is behind a lock, held for each whole write, which also keeps lines from two threads whole.
final class ConsoleStream: Sendable {
    static let standardOutput = ConsoleStream(descriptor: STDOUT_FILENO)
    static let standardError = ConsoleStream(descriptor: STDERR_FILENO)

    private let descriptor: Int32
    /// The errno of the first failed write; the lock is held across each write.
    private let failure = LockedBox<Int32?>(nil)

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// The errno of the first failed write, or nil while every write has succeeded.
    var failedWith: Int32? {
        failure.current
    }

    func write(_ text: String) {
        write(Data(text.utf8))
    }

    /// Writes all of `data`, resuming after short writes and interrupted calls; stops at the first error.
    func write(_ data: Data) {
        failure.withLock { failure in
            guard failure == nil else { return }
            data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
                guard var next = buffer.baseAddress else { return }
                var remaining = buffer.count
                while remaining > 0 {
                    let written = systemWrite(descriptor, next, remaining)
                    if written < 0 {
                        if errno == EINTR { continue }
                        failure = errno
                        return
                    }
                    if written == 0 {  // nothing taken and no error: treat as full rather than loop for ever
                        failure = ENOSPC
                        return
                    }
                    next += written
                    remaining -= written
                }
            }
        }
    }

    /// Called once at start, before any file is opened: a stream the process was started without (`>&-`) would
    /// otherwise be the number the next `open` returns, and results meant for the console would go into a data
    /// file. The slot is held by /dev/null opened read-only, so a write to it fails (EBADF) as it would have, and
    /// only a command that had something to say there reports it.
    func guardClosedDescriptor() {
        guard fcntl(descriptor, F_GETFD) == -1, errno == EBADF else { return }
        let placeholder = open("/dev/null", O_RDONLY)
        if placeholder >= 0, placeholder != descriptor {
            _ = dup2(placeholder, descriptor)
            close(placeholder)
        }
    }
}

#if canImport(Darwin)
    private let systemWrite = Darwin.write
#else
    private let systemWrite = Glibc.write
#endif
