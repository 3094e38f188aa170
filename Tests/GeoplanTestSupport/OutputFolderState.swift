import Foundation

/// The bytes of every file in a folder (subfolders aside), to prove that a command changed nothing there — or
/// that what is there is exactly one complete set of outputs.
public struct FolderSnapshot: Equatable, CustomStringConvertible {
    public let files: [String: Data]

    public init(_ folder: String, excluding excluded: Set<String> = []) throws {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where !excluded.contains(name) {
            let path = (folder as NSString).appendingPathComponent(name)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else {
                continue
            }
            files[name] = try Data(contentsOf: URL(fileURLWithPath: path))
        }
        self.files = files
    }

    public var description: String {
        files.keys.sorted().map { "\($0) (\(files[$0]?.count ?? 0) bytes)" }.joined(separator: ", ")
    }
}

/// What the tests that need privileges do without them: skip with the reason outside CI, fail in CI
/// (`CI=true`), where the suite runs as root and nothing may be skipped silently.
public enum Privileges {
    public static var isRoot: Bool { geteuid() == 0 }

    public static var inCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// A small tmpfs mounted at `path` (root only), unmounted by the returned value's `unmount()`.
    public static func mountSmallDisk(at path: String, bytes: Int) throws -> SmallDisk {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let result = try Shell.run("mount -t tmpfs -o size=\(bytes) tmpfs '\(path)'")
        guard result.status == 0 else { throw SmallDisk.Failure(message: result.output) }
        return SmallDisk(path: path)
    }
}

/// A tmpfs the tests mounted; unmounted when released.
public final class SmallDisk {
    public struct Failure: Error, CustomStringConvertible {
        public let message: String
        public var description: String { "cannot mount a tmpfs: \(message)" }
    }

    public let path: String

    init(path: String) {
        self.path = path
    }

    deinit {
        _ = try? Shell.run("umount '\(path)'")
    }
}

/// `/bin/sh -c` with its output (stdout and stderr together) and exit status.
public enum Shell {
    /// - Parameters:
    ///   - environment: the command's environment (nil: this process's);
    ///   - directory: where it runs (nil: here).
    public static func run(
        _ command: String, environment: [String: String]? = nil, in directory: String? = nil
    ) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        if let environment { process.environment = environment }
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.standardInput = FileHandle.nullDevice
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
