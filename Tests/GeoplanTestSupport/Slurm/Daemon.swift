import Foundation

/// A daemon run in the foreground as this process's child (munged -F, slurmctld -D, slurmd -D), so the test
/// knows its pid for certain, reaps it itself, and can stop it: no pid file to trust, no orphan left to init.
///
/// Spawned with `posix_spawn` and reaped with `waitpid`, not Foundation's `Process`: that one takes the closing of
/// a pipe the child inherited for the child's exit and then blocks in `waitpid` on its only monitoring thread, and
/// slurmctld closes every descriptor it inherits as it starts, which stalls every `Process` of the test run.
final class Daemon {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let name: String
    /// Where its standard output and error go: what it says before its own log file is open.
    let consoleLog: String
    let pid: pid_t
    private var exited = false

    init(_ name: String, executable: String, arguments: [String], environment: [String: String], logFolder: String)
        throws
    {
        self.name = name
        consoleLog = (logFolder as NSString).appendingPathComponent("\(name).console")
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, consoleLog, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // Nothing else of the test process: a descriptor holding another test's output-folder lock must not live on
        // in a daemon. (glibc's addclosefrom_np is not visible to Swift; a descriptor closed meanwhile is ignored.)
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for descriptor in open.compactMap({ Int32($0) }) where descriptor > 2 {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }
        // Signals as a fresh program has them: a test thread (a Dispatch worker) blocks SIGTERM, and a child keeps its
        // parent's mask, so slurmd and munged would not hear `stop()`'s SIGTERM.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard spawned == 0 else {
            throw Failure(description: "cannot start \(executable): \(String(cString: strerror(spawned)))")
        }
        self.pid = pid
    }

    /// Whether it still runs; reaps it once it has exited.
    var isRunning: Bool {
        guard !exited else { return false }
        var status: Int32 = 0
        let result = waitpid(pid, &status, WNOHANG)
        if result == pid || (result == -1 && errno == ECHILD) { exited = true }
        return !exited
    }

    /// SIGTERM, then SIGKILL if it has not gone within `grace` seconds; returns once it has been reaped.
    func stop(grace: Double = 10) {
        guard isRunning else { return }
        kill(pid, SIGTERM)
        let deadline = Date().addingTimeInterval(grace)
        while isRunning && Date() < deadline { usleep(20_000) }
        guard isRunning else { return }
        kill(pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        exited = true
    }
}
