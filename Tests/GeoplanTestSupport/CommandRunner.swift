import Foundation
import Locking

/// Runs the built `geoplan` binary, as a user would, and captures what it prints.
public enum CommandRunner {
    public struct Result: Sendable {
        public let status: Int32
        public let stdout: String
        public let stderr: String
        /// Peak resident memory of the child in kilobytes, from Linux's `/proc/PID/status` (`VmHWM`, the new
        /// program's own high-water mark), sampled every 2 ms; 0 where `/proc` does not exist.
        ///
        /// Not `wait4`'s `ru_maxrss`: Linux carries the spawning process's peak into a child across `exec`, so a
        /// child of a large test process would report the test's memory, not its own.
        public let maxResidentKilobytes: Int
    }

    /// The `geoplan` executable built beside the test bundle.
    public static var executable: URL {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = testBinary.deletingLastPathComponent()
        // Inside an .xctest bundle on macOS the binary sits in Contents/MacOS.
        while folder.pathExtension == "xctest" || ["Contents", "MacOS"].contains(folder.lastPathComponent) {
            folder = folder.deletingLastPathComponent()
        }
        return folder.appendingPathComponent("geoplan")
    }

    /// Runs `geoplan` with `arguments` in `directory`, with no terminal attached (so no progress line).
    ///
    /// Spawned with `posix_spawn` and reaped with `waitpid` here (not Foundation's `Process`, which reaps on its
    /// own thread), so the child's `/proc` entry can be sampled until it exits.
    public static func run(_ arguments: [String], in directory: URL? = nil) throws -> Result {
        var outPipe: [Int32] = [0, 0]
        var errPipe: [Int32] = [0, 0]
        guard closeOnExecPipe(&outPipe), closeOnExecPipe(&errPipe) else { throw POSIXError(.EMFILE) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        for fd in outPipe + errPipe { posix_spawn_file_actions_addclose(&actions, fd) }
        let program = executable.path
        var command = [program] + arguments
        if let directory {
            // posix_spawn has no working-directory action on every libc: run through /bin/sh -c 'cd … && exec …'.
            let quoted = command.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(
                separator: " ")
            command = ["/bin/sh", "-c", "cd '\(directory.path)' && exec \(quoted)"]
        }
        var argv: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, command[0], &actions, nil, &argv, environ)
        close(outPipe[1])
        close(errPipe[1])
        guard spawned == 0 else {
            close(outPipe[0])
            close(errPipe[0])
            throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .ENOENT)
        }
        // Read both pipes while the child runs, so a large output cannot block it.
        let buffers = LockedBox((out: Data(), err: Data()))
        let group = DispatchGroup()
        for (fd, isError) in [(outPipe[0], false), (errPipe[0], true)] {
            group.enter()
            DispatchQueue.global().async {
                let data = FileHandle(fileDescriptor: fd, closeOnDealloc: true).readDataToEndOfFile()
                buffers.withLock { if isError { $0.err = data } else { $0.out = data } }
                group.leave()
            }
        }
        let peak = PeakSampler(pid: pid)
        var status: Int32 = 0
        // returns the pid and fills the exit status
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        peak.stop()
        group.wait()
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Result(
            status: exitStatus, stdout: String(decoding: buffers.current.out, as: UTF8.self),
            stderr: String(decoding: buffers.current.err, as: UTF8.self),
            maxResidentKilobytes: peak.kilobytes)
    }
}

/// Samples a running child's `VmHWM` on a background thread until stopped.
private final class PeakSampler: Sendable {
    private let state = LockedBox((peak: 0, running: true))
    private let done = DispatchSemaphore(value: 0)

    init(pid: pid_t) {
        let path = "/proc/\(pid)/status"
        // A thread of its own: on a 2-core machine Dispatch's pool can be taken by the two blocking pipe readers,
        // and a sampler queued behind them would first run after the child has gone.
        Thread.detachNewThread { [self] in
            while state.current.running {
                // Read to the end: /proc files report a size of 0, which String(contentsOfFile:) can take at its word.
                if let handle = FileHandle(forReadingAtPath: path), let data = try? handle.readToEnd(),
                    (try? handle.close()) != nil,
                    let text = String(data: data, encoding: .utf8),
                    let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
                    let value = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
                {
                    state.withLock { $0.peak = max($0.peak, value) }
                }
                usleep(2_000)
            }
            done.signal()
        }
    }

    func stop() {
        state.withLock { $0.running = false }
        done.wait()
    }

    var kilobytes: Int { state.current.peak }
}

/// A pipe whose ends close on exec, so that no other child spawned meanwhile (by a test running beside this one)
/// keeps a write end open, which would make this test's read wait for that child to end. (`pipe2` is not in the
/// Swift overlay; the window between `pipe` and `fcntl` is a few instructions.)
func closeOnExecPipe(_ ends: inout [Int32]) -> Bool {
    guard pipe(&ends) == 0 else { return false }
    for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
    return true
}
