import Foundation

/// Where the CLI writes: results to stdout, messages to stderr.
enum Console {
    static func print(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// A warning on stderr, prefixed so scripts can tell it from results.
    static func warn(_ text: String) {
        FileHandle.standardError.write(Data(("warning: " + text + "\n").utf8))
    }

    /// An error on stderr, on one line.
    static func error(_ error: any Error) {
        let text = "\(error)".replacingOccurrences(of: "\n", with: " ")
        FileHandle.standardError.write(Data(("error: " + text + "\n").utf8))
    }

    /// Whether stderr is a terminal (progress is shown only then).
    static var stderrIsTerminal: Bool {
        isatty(STDERR_FILENO) != 0
    }

    /// Prints a value as pretty JSON with sorted keys.
    static func printJSON<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        FileHandle.standardOutput.write(data)
        FileHandle.standardOutput.write(Data("\n".utf8))
    }
}
