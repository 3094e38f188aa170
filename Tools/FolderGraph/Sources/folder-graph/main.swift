import FolderGraphCore
import Foundation

// folder-graph: the folder → folder dependency graph of a Swift source tree, its cycles and its layer order.
// Exit status: 0 clean, 1 a cycle or an edge against the layers, 2 a usage or reading error.

let usage = """
    usage: folder-graph [--root DIR] [--layers FILE | --no-layers] [--dot | --report]
      --root DIR      the tree whose top-level folders are the graph's nodes (default Sources/GeoPlan)
      --layers FILE   the allowed layer order, bottom layer first (default Tools/FolderGraph/layers.txt)
      --no-layers     check cycles only
      --dot           print the graph for Graphviz (`dot -Tsvg`) and exit 0
      --report        print every edge with its count and an example, then the check
    Files directly in DIR are the node "(root)". Exits 1 on a cycle between folders or an edge pointing up a layer.
    """

func fail(_ message: String, status: Int32 = 2) -> Never {
    FileHandle.standardError.write(Data("folder-graph: \(message)\n".utf8))
    exit(status)
}

/// The argument an option takes.
@MainActor func value(after option: String) -> String {
    guard let value = arguments.popFirst() else { fail("\(option) needs a value\n\(usage)") }
    return value
}

var root = "Sources/GeoPlan"
var layersPath: String? = "Tools/FolderGraph/layers.txt"
var mode = "check"
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--root": root = value(after: argument)
    case "--layers": layersPath = value(after: argument)
    case "--no-layers": layersPath = nil
    case "--dot": mode = "dot"
    case "--report": mode = "report"
    case "-h", "--help":
        print(usage)
        exit(0)
    default: fail("unknown argument \"\(argument)\"\n\(usage)")
    }
}

do {
    let layers = try layersPath.map { path in
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else { throw FolderGraphError.unreadable(path) }
        return try Layers(text: text, path: path)
    }
    let verdict = Verdict(graph: FolderGraph(files: try SourceFile.load(root: root)), layers: layers)
    switch mode {
    case "dot":
        print(verdict.dot())
        exit(0)
    case "report":
        print(verdict.edgeReport())
        print("")
    default: break
    }
    print(verdict.summary(root: root))
    exit(verdict.passed ? 0 : 1)
} catch {
    fail("\(error)")
}
