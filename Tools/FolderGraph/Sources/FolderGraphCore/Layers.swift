/// The allowed layer order: folders listed from the bottom layer up, one layer a line, the folders of one layer
/// separated by spaces or commas; `#` starts a comment. An edge may point to its own layer or a lower one.
public struct Layers: Equatable {
    /// layers[0] is the bottom.
    public let layers: [[String]]
    private let level: [String: Int]

    public init(text: String, path: String = "layers.txt") throws {
        var layers: [[String]] = []
        var level: [String: Int] = [:]
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let names = line.split { $0 == " " || $0 == "," || $0 == "\t" }.map(String.init)
            if names.isEmpty { continue }
            for name in names {
                if level[name] != nil {
                    throw FolderGraphError.badLayers(path: path, line: number + 1, reason: "\(name) is listed twice")
                }
                level[name] = layers.count
            }
            layers.append(names)
        }
        self.layers = layers
        self.level = level
    }

    public func level(of folder: String) -> Int? { level[folder] }

    /// What breaks the order: folders of the tree the file does not place, and edges that point up a layer.
    public func violations(in graph: FolderGraph) -> (unplaced: [String], upward: [FolderGraph.Edge]) {
        let unplaced = graph.folders.filter { level[$0] == nil }
        let upward = graph.edges.filter { edge in
            guard let from = level[edge.from], let to = level[edge.to] else { return false }
            return to > from
        }
        return (unplaced, upward)
    }

    /// Listed folders the tree does not have (renamed or removed): worth a note, not a failure.
    public func missing(from graph: FolderGraph) -> [String] {
        layers.joined().filter { !graph.folders.contains($0) }
    }
}
