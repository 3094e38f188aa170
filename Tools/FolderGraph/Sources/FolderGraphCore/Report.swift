/// The checker's verdict on one tree, and its printed forms.
public struct Verdict {
    public let graph: FolderGraph
    public let layers: Layers?
    public let cycles: [[String]]
    public let unplaced: [String]
    public let upward: [FolderGraph.Edge]

    public init(graph: FolderGraph, layers: Layers?) {
        self.graph = graph
        self.layers = layers
        cycles = Cycles.cycles(of: graph)
        let violations = layers?.violations(in: graph)
        unplaced = violations?.unplaced ?? []
        upward = violations?.upward ?? []
    }

    public var passed: Bool { cycles.isEmpty && unplaced.isEmpty && upward.isEmpty }

    /// The check's report: every cycle with an example per edge, then every edge that points up a layer.
    public func summary(root: String) -> String {
        var lines: [String] = []
        let counts = "\(graph.folders.count) folders, \(graph.edges.count) edges"
        if passed {
            let order = layers == nil ? "" : ", every edge points down the layers"
            lines.append("folder-graph: \(root): \(counts), no cycle\(order)")
        } else {
            lines.append(
                "folder-graph: \(root): \(counts); \(cycles.count) cycle(s), \(upward.count) edge(s) "
                    + "pointing up a layer, \(unplaced.count) folder(s) in no layer")
        }
        for (number, cycle) in cycles.enumerated() {
            lines.append("")
            lines.append("cycle \(number + 1): " + (cycle + [cycle[0]]).joined(separator: " → "))
            for (from, to) in zip(cycle, cycle.dropFirst() + [cycle[0]]) {
                if let edge = graph.edge(from, to) { lines.append("  " + describe(edge)) }
            }
        }
        if !upward.isEmpty {
            lines.append("")
            lines.append("edges pointing up a layer (a folder may use only its own layer and those below):")
            for edge in upward { lines.append("  " + describe(edge)) }
        }
        if !unplaced.isEmpty {
            lines.append("")
            lines.append("folders in no layer (add them to the layers file): " + unplaced.joined(separator: ", "))
        }
        if let missing = layers?.missing(from: graph), !missing.isEmpty {
            lines.append("")
            lines.append(
                "note: the layers file lists folders the tree does not have: "
                    + missing.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }

    /// Every edge with its count, first example, and the names it uses (most used first).
    public func edgeReport() -> String {
        let width = graph.edges.map { $0.from.count + $0.to.count + 3 }.max() ?? 0
        return graph.edges.map { edge in
            let pair = "\(edge.from) → \(edge.to)"
            let padding = String(repeating: " ", count: max(0, width - pair.count))
            let names = edge.names.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
                .map { $0.value == 1 ? $0.key : "\($0.key) ×\($0.value)" }.joined(separator: ", ")
            return "\(pair)\(padding)  \(String(edge.count).leftPadded(5))  e.g. \(edge.exampleText)\n"
                + String(repeating: " ", count: width + 9) + "names: \(names)"
        }.joined(separator: "\n")
    }

    /// Graphviz: users above what they use, one rank per layer, edges on a cycle or up a layer in red.
    public func dot() -> String {
        let bad = Set(upward.map { "\($0.from)\u{0}\($0.to)" }).union(
            cycles.flatMap { cycle in
                zip(cycle, cycle.dropFirst() + [cycle[0]]).map { "\($0)\u{0}\($1)" }
            })
        var lines = ["digraph folders {", "  node [shape=box, fontname=\"Helvetica\"];"]
        for (number, layer) in (layers?.layers ?? []).enumerated() {
            let names = layer.filter(graph.folders.contains).map { "\"\($0)\"" }.joined(separator: "; ")
            if !names.isEmpty { lines.append("  { rank=same; \(names); }  // layer \(number)") }
        }
        for folder in graph.folders { lines.append("  \"\(folder)\";") }
        for edge in graph.edges {
            let colour = bad.contains("\(edge.from)\u{0}\(edge.to)") ? ", color=red, fontcolor=red" : ""
            lines.append("  \"\(edge.from)\" -> \"\(edge.to)\" [label=\"\(edge.count)\"\(colour)];")
        }
        lines.append("}")
        return lines.joined(separator: "\n")
    }

    private func describe(_ edge: FolderGraph.Edge) -> String {
        "\(edge.from) → \(edge.to): \(edge.exampleText) (\(edge.count) reference\(edge.count == 1 ? "" : "s"))"
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
