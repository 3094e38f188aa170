/// The folder → folder dependency graph of one source tree.
public struct FolderGraph {
    /// All references from one folder to another: how many, and the first one met (files in path order).
    public struct Edge: Equatable, Sendable {
        public let from: String
        public let to: String
        public var count: Int
        public let example: Reference
        /// How often each name is used along this edge: what would have to move to remove it.
        public var names: [String: Int] = [:]

        /// `Map/MapMaker.swift:12 JSONValue`, the form every report prints an edge's example in.
        public var exampleText: String { "\(example.file):\(example.line) \(example.name)" }
    }

    /// Every folder with a Swift file, sorted.
    public let folders: [String]
    /// Every edge, sorted by source then target.
    public let edges: [Edge]

    public init(files: [SourceFile]) {
        let declarations = Declarations(files)
        var byPair: [String: Edge] = [:]
        var order: [String] = []
        for file in files {
            for reference in ReferenceCollector.references(in: file, declarations) {
                let key = reference.from + "\u{0}" + reference.to
                if byPair[key] == nil {
                    byPair[key] = Edge(from: reference.from, to: reference.to, count: 0, example: reference)
                    order.append(key)
                }
                byPair[key]?.count += 1
                byPair[key]?.names[reference.name, default: 0] += 1
            }
        }
        folders = Set(files.map(\.folder)).sorted()
        edges = order.compactMap { byPair[$0] }.sorted { ($0.from, $0.to) < ($1.from, $1.to) }
    }

    /// The folders `folder` points to.
    func targets(of folder: String) -> [String] { edges.filter { $0.from == folder }.map(\.to) }

    public func edge(_ from: String, _ to: String) -> Edge? { edges.first { $0.from == from && $0.to == to } }
}
