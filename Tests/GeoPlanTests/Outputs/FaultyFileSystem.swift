import Foundation
import Locking

@testable import GeoPlan

/// The real file system, except that one call (or every call from one on) fails, as a full disk, a failing
/// device or a crash would: for fault injection at every step of a commit.
final class FaultyFileSystem: FileSystem, Sendable {
    enum Mode {
        /// Only call number `n` fails (a transient error: what follows, the roll-back included, works).
        case once
        /// Call `n` and every later one fail without effect: the disk as a crash at that moment leaves it.
        case crash
    }

    private let real = SystemFileSystem()
    private let failing: Int
    private let mode: Mode
    private let error: Int32
    private let calls = LockedBox(0)

    /// - Parameter failing: the number (from 1) of the call that fails.
    init(failing: Int, mode: Mode = .once, error: Int32 = EIO) {
        self.failing = failing
        self.mode = mode
        self.error = error
    }

    /// How many calls were made.
    var callCount: Int { calls.current }

    /// Whether the failure was reached.
    var failed: Bool { callCount >= failing }

    private func fails() -> Bool {
        let call = calls.withLock { count in
            count += 1
            return count
        }
        return mode == .once ? call == failing : call >= failing
    }

    func open(_ path: String, flags: Int32, mode: mode_t) -> Int32 {
        fails() ? -error : real.open(path, flags: flags, mode: mode)
    }

    func write(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int {
        fails() ? -Int(error) : real.write(descriptor, bytes)
    }

    func fsync(_ descriptor: Int32) -> Int32 {
        fails() ? -error : real.fsync(descriptor)
    }

    func close(_ descriptor: Int32) -> Int32 {
        // A descriptor is always released, even when the call "fails" (as close(2) does).
        let failed = fails()
        let closed = real.close(descriptor)
        return failed ? -error : closed
    }

    func rename(_ from: String, _ to: String) -> Int32 {
        fails() ? -error : real.rename(from, to)
    }

    func unlink(_ path: String) -> Int32 {
        fails() ? -error : real.unlink(path)
    }

    func mkdir(_ path: String) -> Int32 {
        fails() ? -error : real.mkdir(path)
    }
}
