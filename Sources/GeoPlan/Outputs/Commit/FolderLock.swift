import Foundation

/// An exclusive lock on an output folder, so that two geoplan processes never write the same outputs at once.
///
/// `flock(2)` on the folder itself: no lock file is left in a planner's folder, and the kernel releases the lock
/// when the holder exits, however it exits (`kill -9` included), so a lock is never left behind by a dead process.
/// Not `Sendable`: it belongs to the output set that took it.
final class FolderLock {
    let folder: String
    private var descriptor: Int32
    /// Set when the file system cannot lock (some network file systems): the folder is written unlocked, and the
    /// caller says so.
    private(set) var unsupported: String?

    /// Takes the lock, waiting for it when `wait` is true; otherwise a lock still held after `grace` is an error.
    init(folder: String, wait: Bool, grace: TimeInterval = FolderLock.grace) throws {
        self.folder = folder
        descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw GeoPlanError.output(
                path: folder,
                reason: "cannot open the folder to lock it: "
                    + systemErrorText(errno))
        }
        let graceEnds = Date().addingTimeInterval(grace)
        while flock(descriptor, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0 {
            let code = errno
            if code == EINTR { continue }
            if code == EWOULDBLOCK && Date() < graceEnds {
                usleep(5_000)
                continue
            }
            close(descriptor)
            descriptor = -1
            if code == EWOULDBLOCK { throw FolderBusy(folder: folder) }
            if Self.unsupportedErrors.contains(code) {
                unsupported = systemErrorText(code)
                return
            }
            throw GeoPlanError.output(path: folder, reason: "cannot lock it: \(systemErrorText(code))")
        }
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }  // closing releases the lock
    }

    /// How long a refused lock is tried again before the folder is called busy. A child process forked by this one
    /// (or by a library it uses) shares its descriptors until it execs, so a lock this process just released can
    /// look held for a moment; a real concurrent geoplan holds it for a whole run and is still refused at once to
    /// a person.
    static let grace: TimeInterval = 0.2

    /// What `flock` says on a file system that cannot lock (some network file systems).
    static let unsupportedErrors: Set<Int32> = [ENOLCK, EOPNOTSUPP, EINVAL, ENOSYS]
}

/// Another geoplan holds the folder's lock.
public struct FolderBusy: Error, Hashable, Sendable, CustomStringConvertible {
    public let folder: String

    public var description: String {
        "cannot write in \"\(folder)\": another geoplan is writing in this folder; wait for it to finish, or pass "
            + "--wait to wait for it"
    }
}
