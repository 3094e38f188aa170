import Foundation
import Locking

extension CommandRunner {
    /// Where one of the child's console streams goes.
    public enum Stream: Sendable {
        /// A pipe read to its end, as `run` does.
        case captured
        /// No stream at all, as the shell's `>&-` leaves it.
        case closed
        /// `/dev/full`, where every write fails with ENOSPC.
        case full
        /// A pipe whose reader has gone, as `| head -c 1` leaves it once head has its byte: a write fails with
        /// EPIPE (and would raise SIGPIPE). Closed before the child starts, so the test does not depend on timing.
        case brokenPipe
    }

    /// Runs `geoplan` with its stdout and stderr set up as given; a captured stream's text is in the result, the
    /// others' is empty.
    public static func run(_ arguments: [String], stdout: Stream, stderr: Stream = .captured) throws -> Result {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        var readers: [(fd: Int32, isError: Bool)] = []
        var parentEnds: [Int32] = []  // write ends the parent closes once the child has its copies
        for (target, stream) in [(Int32(1), stdout), (Int32(2), stderr)] {
            switch stream {
            case .captured, .brokenPipe:
                var ends: [Int32] = [0, 0]
                guard closeOnExecPipe(&ends) else { throw POSIXError(.EMFILE) }
                posix_spawn_file_actions_adddup2(&actions, ends[1], target)
                posix_spawn_file_actions_addclose(&actions, ends[0])
                posix_spawn_file_actions_addclose(&actions, ends[1])
                parentEnds.append(ends[1])
                if stream == .captured {
                    readers.append((ends[0], target == 2))
                } else {
                    close(ends[0])  // the reader is gone before the child writes anything
                }
            case .closed:
                posix_spawn_file_actions_addclose(&actions, target)
            case .full:
                posix_spawn_file_actions_addopen(&actions, target, "/dev/full", O_WRONLY, 0)
            }
        }
        let command = [executable.path] + arguments
        var argv: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, command[0], &actions, nil, &argv, environ)
        for fd in parentEnds { close(fd) }
        guard spawned == 0 else {
            for reader in readers { close(reader.fd) }
            throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .ENOENT)
        }
        let texts = LockedBox((out: "", err: ""))
        let group = DispatchGroup()
        for reader in readers {
            group.enter()
            DispatchQueue.global().async {
                let data = FileHandle(fileDescriptor: reader.fd, closeOnDealloc: true).readDataToEndOfFile()
                let text = String(decoding: data, as: UTF8.self)
                texts.withLock { if reader.isError { $0.err = text } else { $0.out = text } }
                group.leave()
            }
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        group.wait()
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Result(
            status: exitStatus, stdout: texts.current.out, stderr: texts.current.err,
            maxResidentKilobytes: 0)
    }
}
