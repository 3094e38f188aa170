import Foundation
import Locking

/// The outputs of one command, committed together or not at all.
///
/// Each output is written into staging (`stage`); `commit()` then puts all of them in place so that, after any
/// failure or crash at any moment, each folder holds either the whole earlier set or the whole new one — never a
/// mix, never a partial file (see `CommitJournal` for the protocol). Every folder the set writes in is locked for
/// the set's life (`FolderLock`), so two geoplan processes never interleave; taking a folder's lock first finishes
/// or undoes any commit a dead process left there, and removes staging folders no live process owns.
///
/// geoplan replaces or removes only what it wrote itself: the outputs it was asked for (an existing one only with
/// `overwrite`), and an earlier output's sidecars only when they still carry the mark it left on them (`WrittenMark`).
/// No file of an input — by path, symbolic or hard link — is ever replaced.
///
/// Public methods are serialised by one lock, so a signal handler's `abandonAll()` can run on another thread: it
/// waits for a commit under way to finish (or roll back), then removes the staging.
public final class OutputSet: @unchecked Sendable {
    public let overwrite: Bool
    public let wait: Bool
    private var inputs: InputFiles
    private let fileSystem: any FileSystem
    private let mutex = NSRecursiveLock()
    private var locks: [String: FolderLock] = [:]
    private var staging: [String: StagingFolder] = [:]
    private var outputs: [StagedOutput.Member] = []
    private var isOpen = true
    /// Said while locking and committing: interrupted commits finished, earlier sidecars left alone.
    public private(set) var warnings: [String] = []

    public init(
        inputs: InputFiles = InputFiles(), overwrite: Bool, wait: Bool = false,
        fileSystem: any FileSystem = SystemFileSystem()
    ) {
        self.inputs = inputs
        self.overwrite = overwrite
        self.wait = wait
        self.fileSystem = fileSystem
        ActiveOutputSets.shared.insert(self)
    }

    deinit {
        abandon()
        ActiveOutputSets.shared.remove(self)
    }

    /// The outputs staged so far, in order.
    public var paths: [String] {
        mutex.withLock { outputs.map(\.target.path) }
    }

    /// How many outputs are staged (to tell which files a part of a command staged: `stagedFiles(from:)`).
    public var count: Int {
        mutex.withLock { outputs.count }
    }

    /// The files of the outputs staged from position `first` on, as written so far: final path and staged path.
    public func stagedFiles(from first: Int = 0) -> [(final: String, staged: String)] {
        mutex.withLock {
            outputs.dropFirst(first).flatMap { output in
                let names = ((try? FileManager.default.contentsOfDirectory(atPath: output.entryFolder)) ?? []).sorted()
                return names.map {
                    (
                        (output.folder as NSString).appendingPathComponent($0),
                        (output.entryFolder as NSString).appendingPathComponent($0)
                    )
                }
            }
        }
    }

    /// Locks `folder` now (a run locks its output folder before computing, so a second run waits or fails at once).
    public func lock(folder: String) throws {
        try mutex.withLock { try lockFolder(Self.canonicalFolder(folder)) }
    }

    /// Checks `target` again under its folder's lock and gives the place its writer writes to.
    public func stage(_ target: OutputTarget) throws -> StagedOutput {
        try mutex.withLock {
            guard isOpen else {
                throw GeoPlanError.output(
                    path: target.path, reason: "its output set was already committed or abandoned")
            }
            let folder = Self.canonicalFolder(target.folder)
            try lockFolder(folder)
            try target.checkAgain(overwrite: target.overwrite, inputs: inputs)
            inputs.merge(target.inputFiles)
            if let other = outputs.first(where: { $0.target.canonicalPath == target.canonicalPath }) {
                throw GeoPlanError.output(
                    path: target.path,
                    reason: "two outputs would be written to it (also "
                        + "\"\(other.target.path)\"); give them different names")
            }
            let stagingFolder = try staging[folder] ?? StagingFolder(in: folder)
            staging[folder] = stagingFolder
            let entry = try stagingFolder.makeEntryFolder()
            let member = StagedOutput.Member(target: target, folder: folder, entryFolder: entry)
            outputs.append(member)
            return StagedOutput(member: member, owner: nil)
        }
    }

    /// Puts every staged output in place, all together; on failure the earlier outputs are all still there.
    public func commit() throws {
        try mutex.withLock {
            guard isOpen else { return }
            guard !outputs.isEmpty else { return release() }
            // Committed or not, the set is done: its staging goes (unless a failed roll-back keeps it for recovery).
            defer { release() }
            try apply(try plan())
        }
    }

    /// Removes everything staged; nothing is committed. Safe to call more than once.
    public func abandon() {
        mutex.withLock {
            guard isOpen else { return }
            release()
        }
    }

    /// Finishes or undoes a commit a dead geoplan left in `folder`, and removes its staging, when no other geoplan
    /// is writing there (then it is that one's to do); writes nothing new. Returns what was done.
    public static func recoverInterrupted(in folder: String) throws -> [String] {
        guard
            FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(BookkeepingFolder.name))
        else { return [] }
        let set = OutputSet(overwrite: false)
        do {
            try set.lock(folder: folder)
        } catch is FolderBusy {
            return []
        }
        set.abandon()
        return set.warnings
    }

    /// Abandons every set of this process that has not committed (for SIGINT and SIGTERM). A commit under way
    /// finishes or rolls back first.
    public static func abandonAll() {
        for set in ActiveOutputSets.shared.all() { set.abandon() }
    }

    // MARK: - Locking and recovery

    private func lockFolder(_ folder: String) throws {
        guard locks[folder] == nil else { return }
        let lock = try FolderLock(folder: folder, wait: wait)
        locks[folder] = lock
        if let reason = lock.unsupported {
            warnings.append(
                "\"\(folder)\" cannot be locked (\(reason)): make sure no other geoplan writes there at "
                    + "the same time")
        }
        for (path, journal) in CommitJournal.pending(in: folder) where FileManager.default.fileExists(atPath: path) {
            for other in journal.folders where other != folder { try lockFolder(Self.canonicalFolder(other)) }
            guard FileManager.default.fileExists(atPath: path) else { continue }  // recovered while locking
            try recover(journal, foundIn: folder)
        }
        CommitJournal.removeTemporary(in: folder)
        let removed = StagingFolder.removeAbandoned(
            in: folder,
            keeping: Set(
                staging.values.map {
                    ($0.path as NSString).lastPathComponent
                }))
        if !removed.isEmpty {
            warnings.append(
                "removed \(removed.count) staging folder(s) left in \"\(folder)\" by a geoplan that was "
                    + "killed: \(removed.joined(separator: ", "))")
        }
    }

    private func recover(_ journal: CommitJournal, foundIn folder: String) throws {
        if journal.isDecidedCommitted {
            journal.finish(fileSystem: fileSystem)
            warnings.append(
                "finished the commit a geoplan (pid \(journal.pid)) was making in \"\(folder)\" when it "
                    + "stopped: its new outputs are in place")
            return
        }
        let failed = journal.rollBack(fileSystem: fileSystem)
        guard failed.isEmpty else {
            throw GeoPlanError.output(
                path: folder,
                reason: "a geoplan (pid \(journal.pid)) stopped while committing "
                    + "here, and its earlier outputs cannot be put back (\(failed.joined(separator: ", "))); "
                    + "they are in \(journal.stagingFolders.joined(separator: ", ")): restore them by "
                    + "hand, then remove \(journal.primary)")
        }
        journal.finish(fileSystem: fileSystem)
        warnings.append(
            "undid the unfinished commit of a geoplan (pid \(journal.pid)) that stopped in \"\(folder)\": "
                + "its earlier outputs are back in place")
    }

    private func release() {
        for folder in staging.values { folder.remove() }
        staging = [:]
        for folder in locks.keys { BookkeepingFolder.removeIfEmpty(in: folder) }
        locks = [:]
        isOpen = false
    }

    // MARK: - Commit

    /// Every name the commit changes, checked: nothing of an input, no name written twice, nothing replaced that
    /// geoplan did not write or was not told to overwrite. Also fsyncs the staged files.
    private func plan() throws -> CommitJournal {
        var entries: [CommitJournal.Entry] = []
        var claimed: [String: String] = [:]
        var replacedIndex = 0
        func setAside(_ final: String, folder: String) -> String? {
            guard FileManager.default.fileExists(atPath: final) || isSymbolicLink(final) else { return nil }
            replacedIndex += 1
            let name = "\(replacedIndex)-" + (final as NSString).lastPathComponent
            return ((staging[folder]?.replacedFolder ?? folder) as NSString).appendingPathComponent(name)
        }
        for output in outputs {
            let target = output.target
            let mainName = (target.path as NSString).lastPathComponent
            let produced = ((try? FileManager.default.contentsOfDirectory(atPath: output.entryFolder)) ?? []).sorted()
            guard produced.contains(mainName) else {
                throw GeoPlanError.output(path: target.path, reason: "the writer produced no file")
            }
            // Sidecars first, the main file last: a reader never finds a new main file beside old sidecars.
            for name in produced.filter({ $0 != mainName }) + [mainName] {
                let final = (output.folder as NSString).appendingPathComponent(name)
                let staged = (output.entryFolder as NSString).appendingPathComponent(name)
                if let input = inputs.input(containing: final) {
                    throw GeoPlanError.output(
                        path: target.path,
                        reason: "it would write \"\(final)\", a file of the "
                            + "input \"\(input)\"; write to another folder or name")
                }
                if let other = claimed[final] {
                    throw GeoPlanError.output(
                        path: target.path,
                        reason: "it and \"\(other)\" would both write "
                            + "\"\(name)\"; give them different names")
                }
                claimed[final] = target.path
                let exists = FileManager.default.fileExists(atPath: final) || isSymbolicLink(final)
                if exists, name == mainName, !target.overwrite {
                    throw GeoPlanError.output(
                        path: target.path, reason: "it already exists; pass --overwrite to replace it")
                }
                if exists, name != mainName, !target.overwrite, !WrittenMark.isMarked(final) {
                    throw GeoPlanError.output(
                        path: target.path,
                        reason: "it would replace \"\(final)\", which geoplan "
                            + "did not write; move it away or pass --overwrite")
                }
                try syncFile(staged, naming: target.path)
                WrittenMark.mark(staged)
                entries.append(
                    .init(
                        final: final, staged: staged, replaced: setAside(final, folder: output.folder),
                        inode: CommitJournal.inode(of: staged)))
            }
            // An earlier output's sidecar the new one does not have: removed if geoplan wrote it, else left alone.
            let stem = (mainName as NSString).deletingPathExtension
            for ext in target.format.sidecarExtensions where !produced.contains("\(stem).\(ext)") {
                let name = "\(stem).\(ext)"
                let final = (output.folder as NSString).appendingPathComponent(name)
                guard FileManager.default.fileExists(atPath: final), claimed[final] == nil,
                    inputs.input(containing: final) == nil
                else { continue }
                if WrittenMark.isMarked(final) {
                    claimed[final] = target.path
                    entries.append(.init(final: final, staged: nil, replaced: setAside(final, folder: output.folder)))
                } else {
                    warnings.append(
                        "\"\(final)\" was left as it is (geoplan did not write it); it may not match the "
                            + "new \"\(target.path)\"")
                }
            }
            _ = fileSystem.syncFolder(output.entryFolder)
        }
        var seen = Set<String>()
        let folders = outputs.map(\.folder).filter { seen.insert($0).inserted }
        let transaction = "\(getpid())-\(UUID().uuidString.prefix(8).lowercased())"
        let primary = BookkeepingFolder.file("\(CommitJournal.prefix)\(transaction).json", in: folders[0])
        return CommitJournal(
            transaction: transaction, pid: getpid(), state: .prepared, primary: primary,
            folders: folders, entries: entries, stagingFolders: staging.values.map(\.path).sorted())
    }

    /// Writes the journals, moves the earlier files aside and the new ones in, decides, cleans up; rolls back on
    /// any failure before the decision.
    private func apply(_ prepared: CommitJournal) throws {
        var journal = prepared
        for folder in staging.values {
            let made = fileSystem.mkdir(folder.replacedFolder)
            guard made == 0 else {
                throw GeoPlanError.output(
                    path: folder.path, reason: "cannot prepare the commit: \(systemErrorText(made))")
            }
        }
        // Secondaries first, the primary last: a secondary without a primary means "not decided, roll back".
        do {
            for folder in journal.folders.reversed() {
                try journal.write(to: journal.path(in: folder), fileSystem: fileSystem)
            }
        } catch {
            journal.finish(fileSystem: fileSystem)
            throw error
        }
        do {
            for entry in journal.entries {
                guard let replaced = entry.replaced else { continue }
                try move(entry.final, to: replaced, naming: entry.final, doing: "cannot set the earlier file aside")
            }
            for entry in journal.entries {
                guard let staged = entry.staged else { continue }
                try move(staged, to: entry.final, naming: entry.final, doing: "cannot move the finished file in")
            }
            for folder in journal.folders { _ = fileSystem.syncFolder(folder) }
            journal.state = .committed
            try journal.write(to: journal.primary, fileSystem: fileSystem)  // the new set wins here
        } catch {
            let failed = journal.rollBack(fileSystem: fileSystem)
            guard failed.isEmpty else {
                // The journal stays: the next geoplan to lock the folder tries again.
                for folder in staging.values { folder.keepOnDisk() }
                throw GeoPlanError.output(
                    path: journal.folders[0],
                    reason: "\(error); and the earlier outputs could "
                        + "not all be put back (\(failed.joined(separator: ", "))): the next geoplan "
                        + "run in this folder will try again")
            }
            journal.finish(fileSystem: fileSystem)
            throw error
        }
        journal.finish(fileSystem: fileSystem)
    }

    private func move(_ from: String, to: String, naming path: String, doing what: String) throws {
        let moved = fileSystem.rename(from, to)
        guard moved == 0 else {
            throw GeoPlanError.output(path: path, reason: "\(what): \(systemErrorText(moved))")
        }
    }

    /// fsyncs a staged file whoever wrote it (GDAL's drivers do not), so that a commit moves in only what is on disk.
    private func syncFile(_ path: String, naming output: String) throws {
        let descriptor = fileSystem.open(path, flags: O_RDONLY, mode: 0)
        guard descriptor >= 0 else { return }  // a folder of tiles: its files were written by GDAL, nothing to open
        let synced = fileSystem.fsync(descriptor)
        _ = fileSystem.close(descriptor)
        guard synced == 0 || synced == -EINVAL || synced == -EISDIR else {
            throw GeoPlanError.output(path: output, reason: "cannot flush it to disk: \(systemErrorText(synced))")
        }
    }

    private func isSymbolicLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    static func canonicalFolder(_ folder: String) -> String {
        URL(fileURLWithPath: folder.isEmpty ? "." : folder).standardizedFileURL.resolvingSymlinksInPath().path
    }
}

/// The output sets of this process that may still hold staging, for the signal handler. Weak: a set that is gone
/// has cleaned up already. (Process-wide by nature: a signal is.)
final class ActiveOutputSets: Sendable {
    static let shared = ActiveOutputSets()

    private struct Weak {
        weak var set: OutputSet?
    }

    private let sets = LockedBox([ObjectIdentifier: Weak]())

    func insert(_ set: OutputSet) {
        sets.withLock { $0[ObjectIdentifier(set)] = Weak(set: set) }
    }

    func remove(_ set: OutputSet) {
        sets.withLock { _ = $0.removeValue(forKey: ObjectIdentifier(set)) }
    }

    func all() -> [OutputSet] {
        sets.withLock { $0.values.compactMap(\.set) }
    }
}
