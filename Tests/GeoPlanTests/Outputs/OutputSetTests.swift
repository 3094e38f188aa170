import Foundation
import GeoplanTestSupport
import Testing

@testable import GeoPlan

/// The commit of a set of outputs: all together or not at all, whatever fails and whenever the process dies.
@Suite struct OutputSetTests {
    /// An earlier set: a GeoJSON file, a CSV, a "Shapefile" of three files, and the run's record.
    static let oldSet = [
        "tambons.geojson": "old geojson", "tambons.csv": "old csv", "tambons.shp": "old shp",
        "tambons.dbf": "old dbf", "tambons.shx": "old shx", "tambons.meta.json": "old meta",
    ]
    static let newSet = [
        "tambons.geojson": "new geojson", "tambons.csv": "new csv", "tambons.shp": "new shp",
        "tambons.dbf": "new dbf", "tambons.shx": "new shx", "tambons.prj": "new prj",
        "tambons.meta.json": "new meta",
    ]

    /// The outputs in the folder (geoplan's bookkeeping folder aside) and their text.
    static func files(in folder: TemporaryFolder) throws -> [String: String] {
        var files: [String: String] = [:]
        for name in folder.contents() where name != BookkeepingFolder.name {
            files[name] = try String(contentsOfFile: folder.path(name), encoding: .utf8)
        }
        return files
    }

    /// What is left in geoplan's bookkeeping folder (staging, journals); it is removed once empty.
    static func leftovers(in folder: TemporaryFolder) -> [String] {
        let bookkeeping = folder.path(BookkeepingFolder.name)
        return ((try? FileManager.default.contentsOfDirectory(atPath: bookkeeping)) ?? []).sorted()
    }

    /// Stages the new set in `set`: each file written by "its writer" into staging.
    static func stageNewSet(_ set: OutputSet, in folder: TemporaryFolder) throws {
        for main in ["tambons.geojson", "tambons.csv", "tambons.shp"] {
            let staged = try set.stage(OutputTarget(path: folder.path(main), overwrite: true, inputs: []))
            let stem = (staged.stagingPath as NSString).deletingPathExtension
            for (name, text) in newSet
            where (name as NSString).deletingPathExtension == "tambons"
                && (name == main
                    || main == "tambons.shp" && ["dbf", "shx", "prj"].contains((name as NSString).pathExtension))
            {
                try text.write(
                    toFile: stem + "." + (name as NSString).pathExtension, atomically: false,
                    encoding: .utf8)
            }
        }
        try set.stage(Data("new meta".utf8), at: folder.path("tambons.meta.json"))
    }

    /// Writes the old set through geoplan, so that each file carries geoplan's mark.
    static func commitOldSet(in folder: TemporaryFolder) throws {
        let set = OutputSet(overwrite: true)
        for (name, text) in oldSet where !name.hasSuffix(".dbf") && !name.hasSuffix(".shx") {
            if name == "tambons.shp" {
                let staged = try set.stage(OutputTarget(path: folder.path(name), overwrite: true, inputs: []))
                let stem = (staged.stagingPath as NSString).deletingPathExtension
                for ext in ["shp", "dbf", "shx"] {
                    try "old \(ext)".write(toFile: "\(stem).\(ext)", atomically: false, encoding: .utf8)
                }
            } else {
                try set.stage(Data(text.utf8), at: folder.path(name))
            }
        }
        try set.commit()
    }

    @Test func theWholeSetAppearsTogetherWithNothingLeftBehind() throws {
        let folder = try TemporaryFolder()
        let set = OutputSet(overwrite: false)
        try Self.stageNewSet(set, in: folder)
        #expect(try Self.files(in: folder).isEmpty)  // staged, not in place
        try set.commit()
        #expect(try Self.files(in: folder) == Self.newSet)
        #expect(!folder.contents().contains(BookkeepingFolder.name))  // nothing but the outputs
        #expect(Self.newSet.keys.allSatisfy { WrittenMark.isMarked(folder.path($0)) })
    }

    @Test func anAbandonedSetLeavesNothing() throws {
        let folder = try TemporaryFolder()
        do {
            let set = OutputSet(overwrite: false)
            try Self.stageNewSet(set, in: folder)
        }
        #expect(try Self.files(in: folder).isEmpty)
        #expect(Self.leftovers(in: folder).isEmpty)
    }

    /// Every call the commit makes fails in turn (a full disk, an I/O error): each time the folder still holds the
    /// whole old set, and nothing staged is left; then, with no failure, the whole new set.
    @Test func aFailureAtAnyStepOfTheCommitLeavesTheOldSet() throws {
        var step = 1
        while true {
            let folder = try TemporaryFolder()
            try Self.commitOldSet(in: folder)
            let faulty = FaultyFileSystem(failing: step)
            let set = OutputSet(overwrite: true, fileSystem: faulty)
            try Self.stageNewSet(set, in: folder)
            do {
                try set.commit()
            } catch {
                #expect(faulty.failed)
                #expect(try Self.files(in: folder) == Self.oldSet, "step \(step): \(error)")
                #expect(Self.leftovers(in: folder).isEmpty, "step \(step)")
                step += 1
                continue
            }
            if faulty.failed {
                // A failure the commit may ignore (flushing a folder where it cannot be flushed): the new set won.
                #expect(try Self.files(in: folder) == Self.newSet, "step \(step)")
                step += 1
                continue
            }
            #expect(try Self.files(in: folder) == Self.newSet)
            #expect(Self.leftovers(in: folder).isEmpty)
            break
        }
        #expect(step > 20)  // the commit has many steps, and each was tried
    }

    /// The process dies at any step of the commit (every call from then on has no effect, as after a crash); the
    /// next geoplan to lock the folder finds the whole old set, or the whole new one, and nothing else.
    @Test func aCrashAtAnyStepIsFinishedOrUndoneByTheNextGeoplan() throws {
        var outcomes: [Bool] = []
        for step in 1...200 {
            let folder = try TemporaryFolder()
            try Self.commitOldSet(in: folder)
            let crash = FaultyFileSystem(failing: step, mode: .crash)
            do {
                let set = OutputSet(overwrite: true, fileSystem: crash)
                try Self.stageNewSet(set, in: folder)
                try? set.commit()
            }
            guard crash.failed else { break }  // the commit finished before this step: all steps tried
            let next = OutputSet(overwrite: true)
            try next.lock(folder: folder.url.path)
            let files = try Self.files(in: folder)
            #expect(files == Self.oldSet || files == Self.newSet, "step \(step): \(files.keys.sorted())")
            #expect(Self.leftovers(in: folder).isEmpty, "step \(step): \(Self.leftovers(in: folder))")
            outcomes.append(files == Self.newSet)
        }
        #expect(outcomes.count > 20)
        #expect(outcomes.contains(false) && outcomes.contains(true))  // crashes before and after the decision
    }

    /// A set over two folders (a partition's units and crosswalk): a crash at any step leaves both folders with
    /// the old files or both with the new, whichever folder the next geoplan locks first.
    @Test(arguments: [0, 1])
    func aCrashAcrossTwoFoldersIsUndoneOrFinishedInBoth(lockingFirst: Int) throws {
        var outcomes: Set<Bool> = []
        for step in 1...200 {
            let root = try TemporaryFolder()
            let folders = ["a", "b"].map { root.path($0) }
            for folder in folders {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
            let files = [
                (folders[0] as NSString).appendingPathComponent("units.gpkg"),
                (folders[1] as NSString).appendingPathComponent("crosswalk.csv"),
            ]
            let old = OutputSet(overwrite: true)
            for file in files { try old.stage(Data("old".utf8), at: file) }
            try old.commit()
            let crash = FaultyFileSystem(failing: step, mode: .crash)
            do {
                let set = OutputSet(overwrite: true, fileSystem: crash)
                for file in files { try set.stage(Data("new".utf8), at: file) }
                try? set.commit()
            }
            guard crash.failed else { break }
            let next = OutputSet(overwrite: true)
            try next.lock(folder: folders[lockingFirst])
            let texts = try files.map { try String(contentsOfFile: $0, encoding: .utf8) }
            #expect(texts == ["old", "old"] || texts == ["new", "new"], "step \(step): \(texts)")
            // The other folder's journal, if the crash left one there, is for the next geoplan there to finish.
            try next.lock(folder: folders[1 - lockingFirst])
            #expect(try files.map { try String(contentsOfFile: $0, encoding: .utf8) } == texts, "step \(step)")
            next.abandon()
            for folder in folders {
                let bookkeeping = (folder as NSString).appendingPathComponent(BookkeepingFolder.name)
                #expect(!FileManager.default.fileExists(atPath: bookkeeping), "step \(step): \(folder)")
            }
            outcomes.insert(texts == ["new", "new"])
        }
        #expect(outcomes == [true, false])
    }

    /// A roll-back of a stale journal never removes a later commit's file that took the same name.
    @Test func aRollBackRemovesOnlyTheFileItMovedIn() throws {
        let folder = try TemporaryFolder()
        let final = try folder.write("a later commit's file", to: "units.gpkg")
        let journal = CommitJournal(
            transaction: "1-stale", pid: 1, state: .prepared, primary: folder.path("missing.json"),
            folders: [folder.url.path],
            entries: [
                .init(
                    final: final, staged: folder.path("gone/units.gpkg"), replaced: nil,
                    inode: (CommitJournal.inode(of: final) ?? 0) + 1)
            ], stagingFolders: [])
        #expect(journal.rollBack(fileSystem: SystemFileSystem()).isEmpty)
        #expect(try String(contentsOfFile: final, encoding: .utf8) == "a later commit's file")
        let own = CommitJournal(
            transaction: "2-own", pid: 1, state: .prepared, primary: folder.path("missing.json"),
            folders: [folder.url.path],
            entries: [
                .init(
                    final: final, staged: folder.path("gone/units.gpkg"), replaced: nil,
                    inode: CommitJournal.inode(of: final))
            ], stagingFolders: [])
        #expect(own.rollBack(fileSystem: SystemFileSystem()).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: final))
    }

    @Test func aSecondWriterFailsAtOnceOrWaits() throws {
        let folder = try TemporaryFolder()
        let first = OutputSet(overwrite: false)
        try first.lock(folder: folder.url.path)
        let second = OutputSet(overwrite: false)
        #expect(throws: FolderBusy.self) { try second.lock(folder: folder.url.path) }
        do {
            try second.lock(folder: folder.url.path)
        } catch {
            #expect("\(error)".contains("another geoplan is writing in this folder"))
            #expect("\(error)".contains("--wait"))
        }
        let waiting = OutputSet(overwrite: false, wait: true)
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { first.abandon() }
        let started = Date()
        try waiting.lock(folder: folder.url.path)
        #expect(Date().timeIntervalSince(started) >= 0.2)
    }

    /// A lock held for a moment by another descriptor (as a just-forked child holds its parent's until it execs)
    /// is waited through; one held longer than the grace is still refused.
    @Test func aLockHeldForAMomentIsWaitedThrough() throws {
        let folder = try TemporaryFolder()
        let other = open(folder.url.path, O_RDONLY | O_DIRECTORY)
        #expect(other >= 0)
        defer { close(other) }
        #expect(flock(other, LOCK_EX | LOCK_NB) == 0)
        let release = Thread {
            usleep(50_000)
            _ = flock(other, LOCK_UN)
        }
        release.start()
        // A long grace here, so that a loaded machine cannot make the release late; the default is short.
        _ = try FolderLock(folder: folder.url.path, wait: false, grace: 10)

        #expect(flock(other, LOCK_EX | LOCK_NB) == 0)
        let started = Date()
        #expect(throws: FolderBusy.self) { try OutputSet(overwrite: false).lock(folder: folder.url.path) }
        #expect(Date().timeIntervalSince(started) >= FolderLock.grace * 0.9)
    }

    @Test func theExistenceCheckIsMadeUnderTheLock() throws {
        let folder = try TemporaryFolder()
        let target = try OutputTarget(path: folder.path("a.csv"), overwrite: false, inputs: [])
        try folder.write("written meanwhile by someone else", to: "a.csv")
        let set = OutputSet(overwrite: false)
        #expect(throws: GeoPlanError.self) { try set.stage(target) }
        #expect(
            try String(contentsOfFile: folder.path("a.csv"), encoding: .utf8) == "written meanwhile by someone else")
    }

    @Test func stagingLeftByADeadProcessIsRemovedButALiveOnesIsNot() throws {
        let folder = try TemporaryFolder()
        let bookkeeping = try BookkeepingFolder.path(in: folder.url.path)
        // Dead: its lock file is not held by anyone.
        let dead = (bookkeeping as NSString).appendingPathComponent("staging-999999-deadbeef")
        try FileManager.default.createDirectory(atPath: dead + "/1", withIntermediateDirectories: true)
        try "half".write(toFile: dead + "/1/tambons.geojson", atomically: false, encoding: .utf8)
        FileManager.default.createFile(atPath: dead + "/lock", contents: nil)
        // Live: a staging folder this process holds (its lock is held).
        let live = try StagingFolder(in: folder.url.path)
        let set = OutputSet(overwrite: false)
        try set.lock(folder: folder.url.path)
        #expect(!FileManager.default.fileExists(atPath: dead))
        #expect(FileManager.default.fileExists(atPath: live.path))
        #expect(set.warnings.contains { $0.contains("staging-999999-deadbeef") })
    }

    @Test func anEarlierSidecarIsRemovedOnlyIfGeoplanWroteIt() throws {
        let folder = try TemporaryFolder()
        try Self.commitOldSet(in: folder)  // tambons.shp, .dbf, .shx marked as geoplan's
        try folder.write("someone's index", to: "tambons.qix")
        let set = OutputSet(overwrite: true)
        let staged = try set.stage(OutputTarget(path: folder.path("tambons.shp"), overwrite: true, inputs: []))
        let stem = (staged.stagingPath as NSString).deletingPathExtension
        for ext in ["shp", "shx"] {
            try "new \(ext)".write(toFile: "\(stem).\(ext)", atomically: false, encoding: .utf8)
        }
        try set.commit()
        let files = try Self.files(in: folder)
        #expect(files["tambons.dbf"] == nil)  // geoplan's own, no longer part of the output
        #expect(files["tambons.qix"] == "someone's index")  // not geoplan's: left, and said
        #expect(set.warnings.contains { $0.contains("tambons.qix") && $0.contains("did not write") })
    }

    @Test func aSidecarGeoplanDidNotWriteIsReplacedOnlyWithOverwrite() throws {
        let folder = try TemporaryFolder()
        try folder.write("someone's prj", to: "out.prj")
        let set = OutputSet(overwrite: false)
        let staged = try set.stage(OutputTarget(path: folder.path("out.csv"), overwrite: false, inputs: []))
        let stem = (staged.stagingPath as NSString).deletingPathExtension
        for ext in ["csv", "prj"] {
            try "new \(ext)".write(toFile: "\(stem).\(ext)", atomically: false, encoding: .utf8)
        }
        #expect(throws: GeoPlanError.self) { try set.commit() }
        #expect(try Self.files(in: folder) == ["out.prj": "someone's prj"])
    }

    @Test func noOutputFileMayBeAFileOfAnInput() throws {
        let folder = try TemporaryFolder()
        for ext in ["shp", "dbf", "shx", "prj"] { try folder.write("input \(ext)", to: "roads.\(ext)") }
        let inputs = InputFiles([folder.path("roads.shp")])
        // The output itself, through a hard link and a symbolic link.
        #expect(link(folder.path("roads.dbf"), folder.path("hard.csv")) == 0)
        #expect(symlink(folder.path("roads.shp"), folder.path("soft.geojson")) == 0)
        for name in ["roads.shp", "roads.dbf", "hard.csv", "soft.geojson"] {
            #expect(throws: GeoPlanError.self, "\(name)") {
                try OutputTarget(path: folder.path(name), overwrite: true, inputFiles: inputs)
            }
        }
        // A CSV through GDAL would write roads.prj; geoplan's own CSV writes no sidecar and may go there.
        #expect(throws: GeoPlanError.self) {
            try OutputTarget(path: folder.path("roads.csv"), overwrite: true, inputFiles: inputs)
        }
        _ = try OutputTarget(path: folder.path("roads.csv"), overwrite: true, inputFiles: inputs, writesSidecars: false)
        // A sidecar produced after all is refused at the commit, and nothing is changed.
        let set = OutputSet(inputs: inputs, overwrite: true)
        let staged = try set.stage(
            OutputTarget(
                path: folder.path("roads.csv"), overwrite: true, inputFiles: inputs,
                writesSidecars: false))
        let stem = (staged.stagingPath as NSString).deletingPathExtension
        for ext in ["csv", "prj"] {
            try "new \(ext)".write(toFile: "\(stem).\(ext)", atomically: false, encoding: .utf8)
        }
        #expect(throws: GeoPlanError.self) { try set.commit() }
        #expect(try String(contentsOfFile: folder.path("roads.prj"), encoding: .utf8) == "input prj")
        #expect(!FileManager.default.fileExists(atPath: folder.path("roads.csv")))
    }

    @Test func inputsInsideArchivesAreTheArchive() {
        #expect(InputFiles.localPath(of: "/vsizip//data/x.zip/a/b.shp") == "/data/x.zip")
        #expect(InputFiles.localPath(of: "/vsizip/data/x.ZIP") == "data/x.ZIP")
        #expect(InputFiles.localPath(of: "/vsicurl/https://example.org/a.fgb") == nil)
    }
}
