import Foundation
import GeoPlan

/// Where the CLI writes: results to stdout, messages to stderr, each through a checked `ConsoleStream`.
enum Console {
    /// Before anything else: a closed or broken console must become a remembered error, not a kill or a trap.
    static func prepare() {
        // A reader that went away (`geoplan info x.shp | head -1`) then gives EPIPE, handled like any failed write,
        // instead of SIGPIPE ending the process in the middle of a commit.
        signal(SIGPIPE, SIG_IGN)
        ConsoleStream.standardOutput.guardClosedDescriptor()
        ConsoleStream.standardError.guardClosedDescriptor()
    }

    /// The status to exit with once the command has ended with `status`: its own failure wins; a success that
    /// could not be fully printed is `ExitStatus.consoleUnwritable`.
    static func exitStatus(after status: Int32) -> Int32 {
        let output = ConsoleStream.standardOutput.failedWith
        // Said on stderr when it works, except for a reader that left on purpose (`| head`).
        if let output, output != EPIPE {
            ConsoleStream.standardError.write(
                "error: the results could not be written to stdout ("
                    + String(cString: strerror(output)) + ")\n")
        }
        guard status == ExitStatus.success else { return status }
        let failed = output != nil || ConsoleStream.standardError.failedWith != nil
        return failed ? ExitStatus.consoleUnwritable : status
    }

    static func print(_ text: String) {
        ConsoleStream.standardOutput.write(CommandLineWording.render(text) + "\n")
    }

    /// A warning on stderr, prefixed so scripts can tell it from results.
    static func warn(_ text: String) {
        ConsoleStream.standardError.write("warning: " + CommandLineWording.render(text) + "\n")
    }

    /// An error on stderr, on one line.
    static func error(_ error: any Error) {
        let text = CommandLineWording.render("\(error)").replacingOccurrences(of: "\n", with: " ")
        ConsoleStream.standardError.write("error: " + text + "\n")
    }

    /// Text on stderr as it is (usage messages, the progress line).
    static func printToStandardError(_ text: String) {
        ConsoleStream.standardError.write(CommandLineWording.render(text))
    }

    /// Whether stderr is a terminal (progress is shown only then).
    static var stderrIsTerminal: Bool {
        isatty(STDERR_FILENO) != 0
    }

    /// Prints a value as pretty JSON with sorted keys; a non-finite number is written as null (`ReportJSON`).
    static func printJSON<T: Encodable>(_ value: T) throws {
        // Remedy tokens hold no character JSON escapes, so they render in the encoded text (`Remedy.init`).
        var data = Data(
            CommandLineWording.render(
                String(
                    decoding: try ReportJSON.encode(value, pretty: true),
                    as: UTF8.self)
            ).utf8)
        data.append(contentsOf: Array("\n".utf8))
        ConsoleStream.standardOutput.write(data)
    }
}
