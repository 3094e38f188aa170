/// The import cycles of a folder graph.
///
/// Listing every elementary cycle can take exponential time; instead, for every edge that lies on some cycle
/// (both ends in one strongly connected component), the shortest cycle through it. Every edge to break is shown.
public enum Cycles {
    /// The strongly connected components with more than one folder (Tarjan's algorithm), each sorted.
    public static func components(of graph: FolderGraph) -> [[String]] {
        var index: [String: Int] = [:]
        var low: [String: Int] = [:]
        var stack: [String] = []
        var onStack: Set<String> = []
        var result: [[String]] = []

        func connect(_ folder: String) {
            index[folder] = index.count
            low[folder] = index[folder]
            stack.append(folder)
            onStack.insert(folder)
            for next in graph.targets(of: folder) {
                if index[next] == nil {
                    connect(next)
                    low[folder] = min(low[folder] ?? 0, low[next] ?? 0)
                } else if onStack.contains(next) {
                    low[folder] = min(low[folder] ?? 0, index[next] ?? 0)
                }
            }
            guard low[folder] == index[folder] else { return }
            var component: [String] = []
            while let top = stack.popLast() {
                onStack.remove(top)
                component.append(top)
                if top == folder { break }
            }
            if component.count > 1 { result.append(component.sorted()) }
        }

        for folder in graph.folders where index[folder] == nil { connect(folder) }
        return result.sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// For every edge inside a component, the shortest cycle through it; each cycle once, starting at its
    /// alphabetically first folder, the shortest first.
    public static func cycles(of graph: FolderGraph) -> [[String]] {
        var seen: Set<[String]> = []
        var result: [[String]] = []
        for component in components(of: graph) {
            let inside = Set(component)
            for edge in graph.edges where inside.contains(edge.from) && inside.contains(edge.to) {
                guard let back = shortestPath(graph, from: edge.to, to: edge.from, within: inside) else { continue }
                let cycle = rotated([edge.from] + back.dropLast())
                if seen.insert(cycle).inserted { result.append(cycle) }
            }
        }
        return result.sorted { ($0.count, $0.joined(separator: " ")) < ($1.count, $1.joined(separator: " ")) }
    }

    /// Breadth-first: the folders from `start` to `goal`, both included.
    private static func shortestPath(
        _ graph: FolderGraph, from start: String, to goal: String,
        within allowed: Set<String>
    ) -> [String]? {
        var previous: [String: String] = [start: start]
        var queue = [start]
        var head = 0
        while head < queue.count {
            let folder = queue[head]
            head += 1
            if folder == goal { break }
            for next in graph.targets(of: folder) where allowed.contains(next) && previous[next] == nil {
                previous[next] = folder
                queue.append(next)
            }
        }
        guard previous[goal] != nil else { return nil }
        var path = [goal]
        while let last = path.last, last != start, let before = previous[last] { path.append(before) }
        return path.reversed()
    }

    private static func rotated(_ cycle: [String]) -> [String] {
        guard let first = cycle.indices.min(by: { cycle[$0] < cycle[$1] }) else { return cycle }
        return Array(cycle[first...] + cycle[..<first])
    }
}
