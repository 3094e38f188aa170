import Foundation

/// Paths to the project's shipped data and a scratch folder per test.
public enum Fixtures {
    /// The repository's root folder (three levels above this file).
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A file under `shapes/`, e.g. `shape("tambons/phuket/phuket.shp")`.
    public static func shape(_ relative: String) -> String {
        root.appendingPathComponent("shapes").appendingPathComponent(relative).path
    }

    public static let phuket = shape("tambons/phuket/phuket.shp")
    public static let nonthaburi = shape("tambons/nonthaburi/nonthaburi.shp")
    public static let nakhonPathom = shape("tambons/nakhon-pathom/nakhon-pathom.shp")
    public static let provinces = shape("provinces/provinces-simplified.shp")

    /// A file under `Tests/Fixtures/`.
    public static func testData(_ relative: String) -> String {
        root.appendingPathComponent("Tests/Fixtures").appendingPathComponent(relative).path
    }
}

/// A temporary folder deleted when the value is released.
public final class TemporaryFolder {
    public let url: URL

    public init(_ label: String = "geoplan-test") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// A path inside the folder.
    public func path(_ name: String) -> String {
        url.appendingPathComponent(name).path
    }

    /// Names of the files inside the folder (hidden ones included), sorted.
    public func contents() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
    }

    /// Copies a shapefile and its sidecars in, returning the new `.shp` path.
    public func copyShapefile(_ shp: String, as name: String? = nil) throws -> String {
        let source = URL(fileURLWithPath: shp)
        let stem = name ?? source.deletingPathExtension().lastPathComponent
        for ext in ["shp", "shx", "dbf", "prj", "cpg"] {
            let part = source.deletingPathExtension().appendingPathExtension(ext)
            if FileManager.default.fileExists(atPath: part.path) {
                try FileManager.default.copyItem(at: part, to: url.appendingPathComponent("\(stem).\(ext)"))
            }
        }
        return path("\(stem).shp")
    }

    /// Writes text into a file in the folder and returns its path.
    @discardableResult
    public func write(_ text: String, to name: String) throws -> String {
        let file = path(name)
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    @discardableResult
    public func write(_ bytes: [UInt8], to name: String) throws -> String {
        let file = path(name)
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return file
    }
}
