import Foundation

/// What a commit is doing, written before it moves anything, so that a commit cut short — a failure, `kill -9`, a
/// power cut — can be finished or undone: by the process itself when a step fails, or by the next geoplan that
/// locks one of the folders.
///
/// The protocol (`OutputSet.commit`): the new files are complete and fsynced in staging; the journal is written in
/// every folder the set writes (secondaries first, then the primary, each `prepared`); the files the set replaces
/// are moved aside into staging; the new files are moved in; the primary's state becomes `committed` (an atomic
/// rename: this is the moment the new set wins); then the set-aside files, the staging folders and the journals
/// (secondaries first) are removed. Recovery reads the decision from the primary: `committed` rolls forward (removes
/// what was set aside), anything else — `prepared`, or no primary at all — rolls back (puts every set-aside file
/// back and removes the new files moved in). Either way the folders hold one complete set.
struct CommitJournal: Codable, Equatable {
    static let prefix = "journal-"

    enum State: String, Codable {
        case prepared, committed
    }

    /// One name the commit changes: a new file moved in (`staged`), an old one set aside (`replaced`), or both.
    struct Entry: Codable, Equatable {
        var final: String
        var staged: String?
        var replaced: String?
        /// The staged file's inode (kept by the rename): a roll-back removes a file moved in only if it is this one,
        /// never a later commit's file of the same name.
        var inode: UInt64?
    }

    var transaction: String
    var pid: Int32
    var state: State
    /// The journal that holds the decision (this one's own path in the primary folder).
    var primary: String
    /// Every folder the commit writes in, the primary's first.
    var folders: [String]
    var entries: [Entry]
    var stagingFolders: [String]

    func path(in folder: String) -> String {
        BookkeepingFolder.file("\(Self.prefix)\(transaction).json", in: folder)
    }

    static let temporarySuffix = ".tmp"

    /// Removes the half-written journals a dead process left (never decisions: a journal counts once renamed).
    static func removeTemporary(in folder: String) {
        let bookkeeping = (folder as NSString).appendingPathComponent(BookkeepingFolder.name)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: bookkeeping)) ?? []
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(temporarySuffix) {
            try? FileManager.default.removeItem(atPath: (bookkeeping as NSString).appendingPathComponent(name))
        }
    }

    /// The journals left in a folder, by path (unreadable ones are skipped and left there).
    static func pending(in folder: String) -> [(path: String, journal: CommitJournal)] {
        let bookkeeping = (folder as NSString).appendingPathComponent(BookkeepingFolder.name)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: bookkeeping)) ?? []
        return names.filter { $0.hasPrefix(prefix) && $0.hasSuffix(".json") }.sorted().compactMap { name in
            let path = (bookkeeping as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path),
                let journal = try? JSONDecoder().decode(CommitJournal.self, from: data)
            else { return nil }
            return (path, journal)
        }
    }

    /// Writes the journal at `path` through a temporary file, fsynced, and a rename: it is there whole or not at all.
    func write(to path: String, fileSystem: any FileSystem) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let temporary = path + Self.temporarySuffix
        _ = fileSystem.unlink(temporary)
        do {
            let file = try CheckedFile(creating: temporary, displayPath: path, fileSystem: fileSystem)
            try file.write(try encoder.encode(self))
            try file.finish()
            let renamed = fileSystem.rename(temporary, path)
            guard renamed == 0 else {
                throw GeoPlanError.output(
                    path: path,
                    reason: "cannot write the commit journal: "
                        + systemErrorText(renamed))
            }
        } catch {
            _ = fileSystem.unlink(temporary)
            throw error
        }
        let synced = fileSystem.syncFolder((path as NSString).deletingLastPathComponent)
        guard synced == 0 else {
            throw GeoPlanError.output(path: path, reason: "cannot write the commit journal: \(systemErrorText(synced))")
        }
    }

    /// Whether the primary has decided for the new set.
    var isDecidedCommitted: Bool {
        guard let data = FileManager.default.contents(atPath: primary),
            let decision = try? JSONDecoder().decode(CommitJournal.self, from: data)
        else { return false }
        return decision.state == .committed
    }

    /// Puts every set-aside file back and removes the new files that were moved in, last entry first. Returns the
    /// names it could not restore (empty when the old set is whole again).
    func rollBack(fileSystem: any FileSystem) -> [String] {
        var failed: [String] = []
        for entry in entries.reversed() {
            if let replaced = entry.replaced, FileManager.default.fileExists(atPath: replaced) {
                // rename(2) over the new file: the old one is back in one step
                if fileSystem.rename(replaced, entry.final) != 0 { failed.append(entry.final) }
            } else if entry.replaced == nil, let staged = entry.staged, !FileManager.default.fileExists(atPath: staged),
                let inode = entry.inode, Self.inode(of: entry.final) == inode
            {
                // Moved in where nothing was before: this commit's own file.
                if fileSystem.unlink(entry.final) != 0 { failed.append(entry.final) }
            }
        }
        return failed
    }

    static func inode(of path: String) -> UInt64? {
        var info = stat()
        return lstat(path, &info) == 0 ? UInt64(info.st_ino) : nil
    }

    /// Removes the staging folders (with the set-aside files) and the journals, secondaries first.
    func finish(fileSystem: any FileSystem) {
        for staging in stagingFolders { try? FileManager.default.removeItem(atPath: staging) }
        for folder in folders where path(in: folder) != primary { _ = fileSystem.unlink(path(in: folder)) }
        _ = fileSystem.unlink(primary)
        for folder in folders { _ = fileSystem.syncFolder(folder) }
    }
}
