import Foundation
import GeoplanTestSupport
import Locking
import Testing

/// The outputs a planner can trust, proved through the binary as a user runs it: full disks, inputs beside the
/// outputs, an old output that cannot be replaced, two runs at once, `kill -9` and Ctrl-C at any moment.
@Suite(.serialized) struct OutputTrustTests {
    /// A small spec over Nonthaburi's tambons whose `version` column tells which spec wrote a set.
    static func spec(version: Int, in folder: TemporaryFolder, formats: String = "[geojson, csv, gpkg]") throws
        -> String
    {
        try folder.write(
            """
            boundaries:
              - name: tambons
                path: \(Fixtures.nonthaburi)
                id: ADM3_PCODE
                names: [ADM3_EN]
            indicators:
              - {id: area_km2, type: area, unit: km2}
              - {id: version, type: expression, expression: "area_km2 * 0 + \(version)"}
            output:
              folder: out
              formats: \(formats)
            """, to: "v\(version).yaml")
    }

    /// Which spec wrote the set in `out`, if it is one whole set: every output its record lists, byte for byte
    /// (size and checksum), every file of the folder listed, and all of one version. Nil for anything else.
    static func wholeSet(in out: String) throws -> Int? {
        let snapshot = try FolderSnapshot(out)
        guard let record = snapshot.files["tambons.meta.json"],
            let json = try JSONSerialization.jsonObject(with: record) as? [String: Any],
            let outputs = json["outputs"] as? [[String: Any]]
        else { return nil }
        let listed = Set(outputs.compactMap { $0["file"] as? String })
        guard listed.union(["tambons.meta.json"]) == Set(snapshot.files.keys) else { return nil }
        for output in outputs {
            guard let name = output["file"] as? String, let data = snapshot.files[name],
                output["bytes"] as? Int == data.count, output["fnv1a64"] as? String == fnv1a64(data)
            else { return nil }
        }
        guard let csv = snapshot.files["tambons.csv"].map({ String(decoding: $0, as: UTF8.self) }) else { return nil }
        let versions = Set(csv.split(separator: "\r\n").dropFirst().compactMap { $0.split(separator: ",").last })
        return versions.count == 1 ? versions.first.flatMap { Int($0) } : nil
    }

    static func fnv1a64(_ data: Data) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in data { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return String(hash, radix: 16)
    }

    /// Nothing of geoplan's own is left in `folder`: no staging, no journal.
    static func noLeftovers(_ folder: String) -> Bool {
        !FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(".geoplan"))
    }

    /// Skips outside CI (with the reason) or fails in CI when the test needs root.
    static func needsRoot(_ what: String) -> Bool {
        guard !Privileges.isRoot else { return true }
        if Privileges.inCI {
            Issue.record("\(what) needs root, which CI has")
        } else {
            print("skipped: \(what) needs root (run the suite as root, as CI does)")
        }
        return false
    }

    // MARK: - Full disks

    @Test func aFullDiskGivesAnErrorAndNoFileInEveryFormat() throws {
        guard Self.needsRoot("mounting a small tmpfs") else { return }
        let folder = try TemporaryFolder()
        let disk = try Privileges.mountSmallDisk(at: folder.path("small"), bytes: 300_000)
        for format in ["geojson", "gpkg", "shp", "fgb", "csv"] {
            let out = (disk.path as NSString).appendingPathComponent("x.\(format)")
            let result = try CommandRunner.run(["convert", Fixtures.nonthaburi, out])
            #expect(result.status == 1, "\(format): \(result.stdout) \(result.stderr)")
            #expect(result.stderr.contains("x.\(format)"), "\(format): \(result.stderr)")
            #expect(!result.stdout.contains("wrote"), "\(format)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: disk.path).isEmpty, "\(format)")
        }
    }

    @Test func aRunOnAFullDiskKeepsTheEarlierOutputs() throws {
        guard Self.needsRoot("mounting a small tmpfs") else { return }
        let folder = try TemporaryFolder()
        let disk = try Privileges.mountSmallDisk(at: folder.path("disk"), bytes: 6_000_000)
        let spec = (disk.path as NSString).appendingPathComponent("v1.yaml")
        try FileManager.default.copyItem(atPath: try Self.spec(version: 1, in: folder), toPath: spec)
        try FileManager.default.copyItem(
            atPath: try Self.spec(version: 2, in: folder),
            toPath: (disk.path as NSString).appendingPathComponent("v2.yaml"))
        let out = (disk.path as NSString).appendingPathComponent("out")
        #expect(try CommandRunner.run(["run", spec]).status == 0)
        let before = try FolderSnapshot(out)
        // Fill the disk but for 700 kB: the new GeoJSON alone needs twice that.
        let free = try #require(
            try FileManager.default.attributesOfFileSystem(forPath: disk.path)[.systemFreeSize]
                as? NSNumber
        ).intValue
        let filler = (disk.path as NSString).appendingPathComponent("filler")
        _ = try Shell.run("dd if=/dev/zero of='\(filler)' bs=1k count=\((free - 700_000) / 1024) 2>/dev/null")
        let result = try CommandRunner.run([
            "run", (disk.path as NSString).appendingPathComponent("v2.yaml"),
            "--overwrite",
        ])
        #expect(result.status == 1, "\(result.stdout) \(result.stderr)")
        #expect(
            result.stderr.contains("No space left on device") || result.stderr.contains("not written completely"),
            "\(result.stderr)")
        #expect(try FolderSnapshot(out) == before)
        #expect(try Self.wholeSet(in: out) == 1)
        #expect(Self.noLeftovers(out))
    }

    // MARK: - Inputs

    @Test func writingBesideAnInputNeverChangesIt() throws {
        let folder = try TemporaryFolder()
        let shp = try folder.copyShapefile(Fixtures.nonthaburi, as: "x")
        let inputs = try FolderSnapshot(folder.url.path)
        // geoplan's own CSV writes no .prj: beside the input's, allowed, and the input's .prj stays.
        let area = try CommandRunner.run(["area", shp, "--out", folder.path("x.csv")])
        #expect(area.status == 0, "\(area.stderr)")
        // GDAL's CSV would write x.prj, the input's: refused, --overwrite or not.
        for extra in [[], ["--overwrite"]] {
            let convert = try CommandRunner.run(
                ["convert", shp, folder.path("x.csv"), "--to-crs", "EPSG:32647"] + extra)
            #expect(convert.status == 1)
            #expect(convert.stderr.contains("x.prj") && convert.stderr.contains("input"), "\(convert.stderr)")
        }
        // The input's other files through a hard link and a symbolic link.
        #expect(link(folder.path("x.dbf"), folder.path("linked.gpkg")) == 0)
        #expect(symlink(shp, folder.path("soft.geojson")) == 0)
        for name in ["linked.gpkg", "soft.geojson", "x.shp"] {
            let result = try CommandRunner.run(["convert", shp, folder.path(name), "--overwrite"])
            #expect(result.status == 1, "\(name): \(result.stderr)")
            #expect(result.stderr.contains("input"), "\(name): \(result.stderr)")
        }
        let after = try FolderSnapshot(folder.url.path)
        for (name, data) in inputs.files { #expect(after.files[name] == data, "\(name) changed") }
    }

    @Test func aRunWritingAShapefileAndACSVKeepsTheShapefilesPrj() throws {
        let folder = try TemporaryFolder()
        let spec = try Self.spec(version: 1, in: folder, formats: "[shp, csv]")
        let result = try CommandRunner.run(["run", spec])
        #expect(result.status == 0, "\(result.stderr)")
        let out = try FolderSnapshot(folder.path("out"))
        #expect(out.files["tambons.prj"] != nil, "\(out)")
        #expect(Set(out.files.keys).isSuperset(of: ["tambons.shp", "tambons.dbf", "tambons.shx", "tambons.csv"]))
        // Again, replacing its own set: still whole, still with its .prj.
        #expect(try CommandRunner.run(["run", spec, "--overwrite"]).status == 0)
        #expect(try FolderSnapshot(folder.path("out")).files["tambons.prj"] != nil)
    }

    @Test func aSpecsTableInputIsNeverAnOutput() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path("out"), withIntermediateDirectories: true)
        let table = try folder.write("code,people\nTH1201,1\n", to: "out/tambons.csv")
        let spec = try folder.write(
            """
            boundaries:
              - {name: tambons, path: \(Fixtures.nonthaburi), id: ADM3_PCODE}
            inputs:
              - {name: people, type: table, path: out/tambons.csv, code: code}
            indicators:
              - {id: people, type: join, input: people, column: people}
            output: {folder: out, formats: [csv]}
            """, to: "spec.yaml")
        for extra in [["--check"], [], ["--overwrite"]] {
            let result = try CommandRunner.run(["run", spec] + extra)
            #expect(result.status == 1, "\(extra): \(result.stderr)")
            #expect(result.stderr.contains("tambons.csv") && result.stderr.contains("input"), "\(result.stderr)")
        }
        #expect(try String(contentsOfFile: table, encoding: .utf8) == "code,people\nTH1201,1\n")
    }

    // MARK: - Commits

    @Test func anEarlierOutputThatCannotBeReplacedLeavesTheWholeEarlierSet() throws {
        guard Self.needsRoot("chattr +i") else { return }
        let folder = try TemporaryFolder()
        #expect(try CommandRunner.run(["run", try Self.spec(version: 1, in: folder)]).status == 0)
        let out = folder.path("out")
        let before = try FolderSnapshot(out)
        let locked = (out as NSString).appendingPathComponent("tambons.csv")
        let chattr = try Shell.run("chattr +i '\(locked)'")
        guard chattr.status == 0 else {
            Issue.record("chattr +i failed on this file system: \(chattr.output)")
            return
        }
        defer { _ = try? Shell.run("chattr -i '\(locked)'") }
        let result = try CommandRunner.run(["run", try Self.spec(version: 2, in: folder), "--overwrite"])
        #expect(result.status == 1, "\(result.stdout)")
        #expect(result.stderr.contains("tambons.csv"), "\(result.stderr)")
        #expect(try FolderSnapshot(out) == before)
        #expect(try Self.wholeSet(in: out) == 1)
        #expect(Self.noLeftovers(out))
    }

    @Test func aMapAndItsTilesAppearTogetherOrNeither() throws {
        let folder = try TemporaryFolder()
        let arguments = [
            "map", Fixtures.phuket, "--indicator", "Shape_Area", "--out", folder.path("p"), "--max-zoom", "5",
        ]
        // Tiles that cannot be written (their folder is missing): no map either.
        let failed = try CommandRunner.run(arguments + ["--tiles", folder.path("missing/p.mbtiles")])
        #expect(failed.status == 1, "\(failed.stdout)")
        #expect(folder.contents().isEmpty, "\(folder.contents())")
        let made = try CommandRunner.run(arguments + ["--tiles", folder.path("p.mbtiles")])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(Set(folder.contents()) == ["p.svg", "p.html", "p.legend.json", "p.geojson", "p.topojson", "p.mbtiles"])
    }

    @Test func twoRunsIntoOneFolderNeverInterleave() throws {
        for round in 0..<5 {
            let folder = try TemporaryFolder()
            let specs = [try Self.spec(version: 1, in: folder), try Self.spec(version: 2, in: folder)]
            let results = try Self.concurrently(specs.map { ["run", $0] })
            let succeeded = results.filter { $0.status == 0 }
            #expect(succeeded.count == 1, "round \(round): \(results.map(\.stderr))")
            for failed in results where failed.status != 0 {
                #expect(
                    failed.stderr.contains("another geoplan is writing") || failed.stderr.contains("already exists"),
                    "\(failed.stderr)")
            }
            #expect(try Self.wholeSet(in: folder.path("out")) != nil, "round \(round)")
            // Waiting, and replacing: both succeed one after the other, and the folder holds one whole set.
            let waited = try Self.concurrently(specs.map { ["run", $0, "--overwrite", "--wait"] })
            #expect(waited.allSatisfy { $0.status == 0 }, "\(waited.map(\.stderr))")
            #expect(try Self.wholeSet(in: folder.path("out")) != nil, "round \(round)")
            #expect(Self.noLeftovers(folder.path("out")))
        }
    }

    /// `kill -9` at seeded random moments of a run replacing another spec's set: after the next geoplan in the
    /// folder (`run --check` finishes or undoes the cut commit), it holds one whole set, old or new.
    @Test func killedAtAnyMomentTheFolderHoldsOneWholeSet() throws {
        let folder = try TemporaryFolder()
        let specs = [try Self.spec(version: 1, in: folder), try Self.spec(version: 2, in: folder)]
        let out = folder.path("out")
        let started = Date()
        #expect(try CommandRunner.run(["run", specs[0]]).status == 0)
        let duration = Date().timeIntervalSince(started)
        var random = SplitMix64(seed: 42)
        var outcomes: [Int: Int] = [:]
        for trial in 0..<24 {
            guard let current = try Self.wholeSet(in: out) else {
                Issue.record("trial \(trial): no whole set before the kill")
                return
            }
            let other = specs[current == 1 ? 1 : 0]
            // Half the kills anywhere in the run, half near its end, where the commit is.
            let share = Double.random(in: 0..<1, using: &random)
            let delay = trial % 2 == 0 ? share * duration * 1.2 : duration * (0.6 + 0.6 * share)
            let process = try Self.start(["run", other, "--overwrite"])
            usleep(useconds_t(delay * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let check = try CommandRunner.run(["run", other, "--check"])
            #expect(check.status == 0, "\(check.stderr)")
            let set = try Self.wholeSet(in: out)
            let state = try FolderSnapshot(out)
            #expect(set != nil, "trial \(trial) (killed after \(delay) s): \(state)")
            #expect(Self.noLeftovers(out), "trial \(trial)")
            outcomes[set ?? 0, default: 0] += 1
        }
        print("kill -9 trials: \(outcomes)")
    }

    @Test(arguments: [(SIGINT, Int32(130)), (SIGTERM, Int32(143))])
    func interruptedRunsRemoveTheirStagingAndExit(signal: Int32, status: Int32) throws {
        let folder = try TemporaryFolder()
        let specs = [try Self.spec(version: 1, in: folder), try Self.spec(version: 2, in: folder)]
        #expect(try CommandRunner.run(["run", specs[0]]).status == 0)
        let out = folder.path("out")
        let before = try FolderSnapshot(out)
        let process = try Self.start(["run", specs[1], "--overwrite"])
        // Once it is writing (its staging exists), interrupt it.
        let deadline = Date().addingTimeInterval(20)
        while !FileManager.default.fileExists(atPath: (out as NSString).appendingPathComponent(".geoplan")),
            process.isRunning, Date() < deadline
        {
            usleep(1_000)
        }
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        // Interrupted, the earlier set stays; a signal that came during the commit lets it finish (exit code
        // still the signal's); one that came after the run finished changes nothing.
        #expect([0, status].contains(process.terminationStatus), "\(process.terminationStatus)")
        let set = try Self.wholeSet(in: out)
        let unchanged = try FolderSnapshot(out) == before
        #expect(set == 1 && unchanged || set == 2)
        #expect(Self.noLeftovers(out))
    }

    // MARK: - Helpers

    static func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = arguments + ["--quiet"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    static func concurrently(_ commands: [[String]]) throws -> [CommandRunner.Result] {
        let results = LockedBox([CommandRunner.Result?](repeating: nil, count: commands.count))
        let group = DispatchGroup()
        for (index, arguments) in commands.enumerated() {
            group.enter()
            Thread.detachNewThread {
                let result = try? CommandRunner.run(arguments)
                results.withLock { $0[index] = result }
                group.leave()
            }
        }
        group.wait()
        return try results.current.map { try #require($0) }
    }
}
