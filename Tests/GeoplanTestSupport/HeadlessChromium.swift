import Foundation
import Locking

/// Opens a local page in headless Chromium (Debian's `chromium` package) to take a screenshot or dump its DOM,
/// with a network log, so tests can check what a page drew and that it fetched nothing.
///
/// Every run gets a fresh profile, background services switched off and every host name resolving to nothing
/// (`--host-resolver-rules`), so even a page that tries to fetch cannot reach the network; the net log still
/// records the attempt, which is what `NetLog.pageRequests` looks for.
public enum HeadlessChromium {
    public enum Failure: Error, CustomStringConvertible {
        case notInstalled
        case timedOut(seconds: Double, arguments: [String])
        case failed(status: Int32, stderr: String)

        public var description: String {
            switch self {
            case .notInstalled:
                return "Chromium not found (looked for $GEOPLAN_CHROMIUM, then chromium, chromium-browser, "
                    + "google-chrome on PATH); on Debian: apt-get install -y chromium fonts-thai-tlwg"
            case let .timedOut(seconds, arguments):
                return "Chromium did not finish within \(seconds) s: \(arguments.joined(separator: " "))"
            case let .failed(status, stderr):
                return "Chromium exited with status \(status): \(stderr.suffix(2000))"
            }
        }
    }

    /// The browser's path, or nil when none is installed.
    public static let executable: String? = {
        let environment = ProcessInfo.processInfo.environment
        if let chosen = environment["GEOPLAN_CHROMIUM"], FileManager.default.isExecutableFile(atPath: chosen) {
            return chosen
        }
        let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for folder in folders where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return "\(folder)/\(name)"
            }
        }
        return nil
    }()

    /// Whether browser tests should run: when Chromium is installed, and always on CI (`CI=true`), where a missing
    /// browser is a failure rather than a reason to skip.
    public static var shouldRun: Bool {
        executable != nil || ProcessInfo.processInfo.environment["CI"] == "true"
    }

    /// What one run left behind.
    public struct Run {
        /// The PNG written by `--screenshot`, if one was asked for.
        public let screenshot: String?
        /// The DOM after load, if `--dump-dom` was asked for.
        public let dom: String?
        /// Chromium's net log (JSON) for the whole run.
        public let netLog: String
    }

    /// Screenshots `page` (a local file) at `width`×`height` into `folder`.
    public static func screenshot(
        _ page: String, width: Int, height: Int, in folder: TemporaryFolder,
        name: String = "screenshot"
    ) throws -> Run {
        let png = folder.path("\(name).png")
        let log = folder.path("\(name)-net.json")
        _ = try run(
            ["--screenshot=\(png)", "--window-size=\(width),\(height)", "--hide-scrollbars"],
            page: page, netLog: log, profile: folder.path("\(name)-profile"))
        return Run(screenshot: png, dom: nil, netLog: log)
    }

    /// Loads `page` at `width`×`height` and returns its DOM after the load event (scripts included).
    public static func dumpDOM(
        _ page: String, width: Int, height: Int, in folder: TemporaryFolder,
        name: String = "dom"
    ) throws -> Run {
        let log = folder.path("\(name)-net.json")
        let dom = try run(
            ["--dump-dom", "--window-size=\(width),\(height)"], page: page, netLog: log,
            profile: folder.path("\(name)-profile"))
        return Run(screenshot: nil, dom: dom, netLog: log)
    }

    /// Runs the browser on `page` with `extra` arguments and returns its standard output.
    static func run(
        _ extra: [String], page: String, netLog: String, profile: String,
        timeout: Double = 30
    ) throws -> String {
        guard let executable else { throw Failure.notInstalled }
        let arguments =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-extensions", "--disable-default-apps", "--mute-audio",
                "--host-resolver-rules=MAP * ~NOTFOUND",
                "--user-data-dir=\(profile)", "--log-net-log=\(netLog)", "--net-log-capture-mode=Default",
            ] + extra + [URL(fileURLWithPath: page).absoluteString]
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes while the browser runs, so a full pipe cannot stall it.
        let collected = LockedBox((out: Data(), err: Data()))
        let group = DispatchGroup()
        for (pipe, isError) in [(output, false), (errors, true)] {
            group.enter()
            DispatchQueue.global().async {
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                collected.withLock { if isError { $0.err = data } else { $0.out = data } }
                group.leave()
            }
        }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            throw Failure.timedOut(seconds: timeout, arguments: arguments)
        }
        process.waitUntilExit()
        group.wait()
        guard process.terminationStatus == 0 else {
            throw Failure.failed(
                status: process.terminationStatus, stderr: String(decoding: collected.current.err, as: UTF8.self))
        }
        return String(decoding: collected.current.out, as: UTF8.self)
    }
}
