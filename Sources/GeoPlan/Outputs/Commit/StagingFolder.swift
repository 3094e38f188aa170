import Foundation

/// A folder in `<folder>/.geoplan` (same file system as the outputs, so `rename` is atomic) where one process writes its
/// outputs before they are committed, and where the outputs they replace wait until the commit is decided.
///
/// Named `staging-<pid>-<random>`, it holds a `lock` file its owner keeps `flock`ed while it lives: a
/// staging folder whose lock can be taken belongs to a dead process (killed, crashed) and is removed by the next
/// geoplan that locks the folder (`removeAbandoned`); a live process's never is.
final class StagingFolder {
    static let prefix = "staging-"

    let path: String
    private var lockDescriptor: Int32
    private var nextEntry = 0

    init(in folder: String) throws {
        path = (try BookkeepingFolder.path(in: folder) as NSString).appendingPathComponent(
            "\(Self.prefix)\(getpid())-\(UUID().uuidString.prefix(8).lowercased())")
        guard mkdir(path, 0o755) == 0 else {
            throw GeoPlanError.output(
                path: folder,
                reason: "cannot create a staging folder in it: "
                    + systemErrorText(errno))
        }
        lockDescriptor = open((path as NSString).appendingPathComponent("lock"), O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        // A file system that cannot lock (ENOLCK…) leaves the folder unlocked: its owner's PID is in its name.
        guard lockDescriptor >= 0,
            flock(lockDescriptor, LOCK_EX | LOCK_NB) == 0 || FolderLock.unsupportedErrors.contains(errno)
        else {
            let reason = systemErrorText(errno)
            try? FileManager.default.removeItem(atPath: path)
            throw GeoPlanError.output(path: folder, reason: "cannot lock its staging folder: \(reason)")
        }
    }

    deinit {
        remove()
    }

    /// A new empty subfolder for one output's files (a Shapefile and a CSV may both write `X.prj`).
    func makeEntryFolder() throws -> String {
        nextEntry += 1
        let entry = (path as NSString).appendingPathComponent(String(nextEntry))
        guard mkdir(entry, 0o755) == 0 else {
            throw GeoPlanError.output(path: path, reason: "cannot create a staging folder: \(systemErrorText(errno))")
        }
        return entry
    }

    /// Where the output an entry replaces waits until the commit is decided.
    var replacedFolder: String { (path as NSString).appendingPathComponent("replaced") }

    /// Removes the folder and everything in it; then releases its lock.
    func remove() {
        guard lockDescriptor >= 0 else { return }
        if !kept { try? FileManager.default.removeItem(atPath: path) }
        close(lockDescriptor)
        lockDescriptor = -1
    }

    /// Leaves the folder on disk when released: it holds earlier outputs a failed roll-back could not put back,
    /// which the commit journal names for the next geoplan (or a person) to restore.
    func keepOnDisk() {
        kept = true
    }

    private var kept = false

    /// Removes the staging folders in `folder` that no live process owns: their lock can be taken (the owner died),
    /// or they carry no lock and the PID in their name is not running. Returns their names.
    @discardableResult
    static func removeAbandoned(in folder: String, keeping kept: Set<String> = []) -> [String] {
        let bookkeeping = (folder as NSString).appendingPathComponent(BookkeepingFolder.name)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: bookkeeping)) ?? []
        var removed: [String] = []
        for name in names where name.hasPrefix(prefix) && !kept.contains(name) {
            let staging = (bookkeeping as NSString).appendingPathComponent(name)
            guard isAbandoned(staging, name: name) else { continue }
            try? FileManager.default.removeItem(atPath: staging)
            removed.append(name)
        }
        return removed
    }

    private static func isAbandoned(_ staging: String, name: String) -> Bool {
        let lockPath = (staging as NSString).appendingPathComponent("lock")
        let descriptor = open(lockPath, O_RDWR | O_CLOEXEC)
        guard descriptor >= 0 else {
            // No lock file: made by an older geoplan, or killed between mkdir and the lock. Go by the PID, if any.
            let fields = name.dropFirst(prefix.count).split(separator: "-")
            guard let pid = fields.first.flatMap({ Int32($0) }), fields.count == 2 else { return false }
            return kill(pid, 0) != 0 && errno == ESRCH
        }
        defer { close(descriptor) }  // also releases the lock taken just to test it
        return flock(descriptor, LOCK_EX | LOCK_NB) == 0
    }
}
