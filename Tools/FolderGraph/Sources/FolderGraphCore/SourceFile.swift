import Foundation
import SwiftParser
import SwiftSyntax

/// One parsed Swift file of the tree, with the top-level folder it belongs to.
public struct SourceFile {
    /// The path relative to the tree's root, as printed in reports (`Map/MapMaker.swift`).
    public let path: String
    /// The top-level folder under the root, or `rootNode` for a file directly in the root.
    public let folder: String
    let tree: SourceFileSyntax
    let converter: SourceLocationConverter

    /// The node files directly in the root belong to: a folder name can never contain parentheses here.
    public static let rootNode = "(root)"

    public init(path: String, text: String) {
        self.path = path
        let parts = path.split(separator: "/")
        folder = parts.count > 1 ? String(parts[0]) : Self.rootNode
        tree = Parser.parse(source: text)
        converter = SourceLocationConverter(fileName: path, tree: tree)
    }

    /// The line a node starts on, after its comments.
    func line(of node: some SyntaxProtocol) -> Int {
        node.startLocation(converter: converter, afterLeadingTrivia: true).line
    }

    /// Every `.swift` file under `root`, sorted by path so that reports (and their first examples) are stable.
    public static func load(root: String) throws -> [SourceFile] {
        let base = URL(fileURLWithPath: root).standardizedFileURL
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else {
            throw FolderGraphError.unreadable(root)
        }
        var paths: [String] = []
        for case let url as URL in walker where url.pathExtension == "swift" {
            let full = url.standardizedFileURL.path
            guard full.hasPrefix(base.path + "/") else { continue }
            paths.append(String(full.dropFirst(base.path.count + 1)))
        }
        if paths.isEmpty { throw FolderGraphError.noSwiftFiles(root) }
        return try paths.sorted().map { path in
            let url = base.appendingPathComponent(path)
            guard let data = FileManager.default.contents(atPath: url.path),
                let text = String(data: data, encoding: .utf8)
            else { throw FolderGraphError.unreadable(url.path) }
            return SourceFile(path: path, text: text)
        }
    }
}

/// What stops the checker before it can judge the tree (exit status 2, not 1).
public enum FolderGraphError: Error, CustomStringConvertible, Equatable {
    case unreadable(String)
    case noSwiftFiles(String)
    case badLayers(path: String, line: Int, reason: String)

    public var description: String {
        switch self {
        case let .unreadable(path): return "cannot read \"\(path)\""
        case let .noSwiftFiles(root): return "no .swift file under \"\(root)\"; is --root right?"
        case let .badLayers(path, line, reason): return "\(path):\(line): \(reason)"
        }
    }
}
