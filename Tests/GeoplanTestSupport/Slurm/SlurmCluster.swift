import Foundation

/// A one-node Slurm cluster on loopback for one test: its own munged (with a key of its own), slurmctld and slurmd,
/// all children of this process, with every file in one folder. `stop()` (or releasing it) cancels what is still
/// queued and stops the daemons, so nothing is left running.
public final class SlurmCluster {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    let configuration: SlurmConfiguration
    let tools: [String: String]
    /// In the order they started; stopped in reverse.
    private var daemons: [Daemon] = []
    private var stopped = false

    /// Starts the daemons in `folder` (created; a short path: munge's socket lives there) and waits until the node
    /// is idle, at most `readyWithin` seconds.
    public init(in folder: String, cpus: Int, memoryMegabytes: Int = 1000, readyWithin: Double = 120) throws {
        guard let tools = SlurmTools.paths else {
            throw Failure(description: SlurmTools.unavailableReason ?? "Slurm not installed")
        }
        self.tools = tools
        let controllerPort = try LoopbackPort.free()
        var nodePort = try LoopbackPort.free()
        while nodePort == controllerPort { nodePort = try LoopbackPort.free() }
        configuration = SlurmConfiguration(
            folder: folder, controllerPort: controllerPort, nodePort: nodePort, cpus: cpus,
            memoryMegabytes: memoryMegabytes)
        try configuration.write()
        do {
            try startDaemons()
            try waitUntilIdle(within: readyWithin)
        } catch {
            stop()
            throw error
        }
    }

    deinit {
        stop()
    }

    /// The environment for the daemons and for commands run against this cluster: this process's, without any
    /// Slurm variables of an outer cluster, with `SLURM_CONF` naming this one's file and `extraPath` first on
    /// `PATH`. sbatch passes it on to the jobs (`--export=ALL` is its default).
    public func environment(extraPath: [String] = []) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment.filter { key, _ in
            !["SLURM_", "SBATCH_", "SALLOC_", "SRUN_"].contains { key.hasPrefix($0) }
        }
        environment["SLURM_CONF"] = configuration.file
        let path = environment["PATH"] ?? "/usr/bin:/bin"
        environment["PATH"] = (extraPath + [path, "/usr/sbin", "/sbin"]).joined(separator: ":")
        return environment
    }

    private func startDaemons() throws {
        let environment = environment()
        let logs = configuration.path("log")
        try writeMungeKey()
        let munged = try Daemon(
            "munged", executable: tool("munged"),
            arguments: [
                "--foreground", "--socket=\(configuration.mungeSocket)",
                "--key-file=\(configuration.path("munge/key"))", "--pid-file=\(configuration.path("munge/pid"))",
                "--log-file=\(configuration.path("log/munged.log"))", "--seed-file=\(configuration.path("munge/seed"))",
            ], environment: environment, logFolder: logs)
        daemons.append(munged)
        try waitFor("munged to open its socket", within: 10) {
            FileManager.default.fileExists(atPath: configuration.mungeSocket)
        }
        daemons.append(
            try Daemon(
                "slurmctld", executable: tool("slurmctld"), arguments: ["-D", "-f", configuration.file],
                environment: environment, logFolder: logs))
        daemons.append(
            try Daemon(
                "slurmd", executable: tool("slurmd"),
                arguments: ["-D", "-f", configuration.file, "-N", SlurmConfiguration.nodeName],
                environment: environment, logFolder: logs))
    }

    /// 1 KiB of random bytes, readable by its owner only (munged refuses a key others can read).
    private func writeMungeKey() throws {
        var generator = SystemRandomNumberGenerator()
        let key = Data((0..<1024).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
        let path = configuration.path("munge/key")
        guard FileManager.default.createFile(atPath: path, contents: key, attributes: [.posixPermissions: 0o600])
        else { throw Failure(description: "cannot write the munge key \(path)") }
    }

    func tool(_ name: String) -> String { tools[name] ?? name }

    private func waitUntilIdle(within seconds: Double) throws {
        try waitFor("the node to be idle (sinfo)", within: seconds) {
            let states = try? run("\(tool("sinfo")) -h -N -o %T")
            return states?.status == 0 && states?.output.trimmingCharacters(in: .whitespacesAndNewlines) == "idle"
        }
    }

    /// Polls `condition` every 0.2 s; throws with the daemons' logs after `seconds`, or as soon as a daemon exits.
    func waitFor(_ what: String, within seconds: Double, _ condition: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            if try condition() { return }
            if let gone = daemons.first(where: { !$0.isRunning }) {
                throw Failure(description: "\(gone.name) exited while waiting for \(what)\n\(logs)")
            }
            if Date() >= deadline {
                throw Failure(description: "waited \(Int(seconds)) s for \(what)\n\(logs)")
            }
            usleep(200_000)
        }
    }

    /// Runs `command` with `/bin/sh -c` in `directory` against this cluster; returns its status and its output
    /// (standard output and error together).
    public func run(_ command: String, in directory: String? = nil, extraPath: [String] = []) throws -> (
        status: Int32, output: String
    ) {
        try Shell.run(command, environment: environment(extraPath: extraPath), in: directory)
    }

    /// The end of each daemon's log and console output, for failure messages.
    public var logs: String {
        let files =
            ["munged.log", "slurmctld.log", "slurmd.log"].map { configuration.path("log/\($0)") }
            + daemons.map(\.consoleLog)
        return files.map { file in
            let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? "(none)"
            let tail = text.split(separator: "\n", omittingEmptySubsequences: false).suffix(30)
            return "--- \(file)\n" + tail.joined(separator: "\n")
        }.joined(separator: "\n")
    }

    /// Cancels every job still queued or running, then stops slurmd, slurmctld and munged; safe to call twice.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        // slurmd leaves running jobs to their slurmstepd when it stops, so they are cancelled first.
        if daemons.count == 3, daemons.allSatisfy(\.isRunning) {
            _ = try? run("\(tool("scancel")) --user=\(geteuid())")
            try? waitFor("cancelled jobs to end", within: 15) {
                (try? run("\(tool("squeue")) -h"))?.output.isEmpty ?? true
            }
        }
        for daemon in daemons.reversed() { daemon.stop() }
        // Anything of this cluster's still alive (a job step whose node went first) carries its SLURM_CONF.
        for pid in processesLeftBehind() { kill(pid, SIGKILL) }
    }

    /// Processes other than this one whose environment names this cluster's `slurm.conf`.
    public func processesLeftBehind() -> [pid_t] {
        let marker = Data("SLURM_CONF=\(configuration.file)\u{0}".utf8)
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { pid_t($0) }.filter { pid in
            // Read to the end: /proc files report a size of 0.
            guard pid != getpid(), let handle = FileHandle(forReadingAtPath: "/proc/\(pid)/environ"),
                let environment = try? handle.readToEnd()
            else { return false }
            try? handle.close()
            return environment.range(of: marker) != nil
        }
    }
}
