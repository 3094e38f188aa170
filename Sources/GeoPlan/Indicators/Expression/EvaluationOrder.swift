/// The order a run computes indicators in: every other indicator in the spec's order, then the expressions, each
/// after the expressions it reads — of those ready, always the one written first.
///
/// Kahn's algorithm with a heap of ready positions: n log n in the number of indicators, and a loop, not a
/// recursion, so a chain of 40,000 expressions each reading the one before needs no deeper stack than one.
enum EvaluationOrder {
    /// - Throws: `GeoPlanError.input` when expressions read each other in a cycle (the spec reader reports
    ///   cycles first, with their lines; this guards specs built in code).
    static func of(_ indicators: [IndicatorSpec]) throws -> [IndicatorSpec] {
        var ordered = indicators.filter { !$0.definition.isDerived }
        let expressions = indicators.filter(\.definition.isDerived)
        // An id that is also another indicator's (a spec built in code) is there from the start.
        let otherIDs = Set(ordered.map(\.id))
        let expressionIDs = Set(expressions.map(\.id)).subtracting(otherIDs)

        // waiting[i]: how many expression ids expression i still waits for; readers[id]: who waits for it.
        var waiting = [Int](repeating: 0, count: expressions.count)
        var readers: [String: [Int]] = [:]
        for (position, indicator) in expressions.enumerated() {
            for id in try indicator.definition.readsIndicators() where expressionIDs.contains(id) {
                waiting[position] += 1
                readers[id, default: []].append(position)
            }
        }

        var ready = MinimumHeap()
        for position in waiting.indices where waiting[position] == 0 { ready.insert(position) }
        var computedIDs = Set<String>()
        while let position = ready.removeMinimum() {
            let indicator = expressions[position]
            ordered.append(indicator)
            // With a repeated id, the first one computed serves its readers (as a lookup by id would).
            guard computedIDs.insert(indicator.id).inserted else { continue }
            for reader in readers[indicator.id] ?? [] {
                waiting[reader] -= 1
                if waiting[reader] == 0 { ready.insert(reader) }
            }
        }
        guard ordered.count == indicators.count else {
            let stuck = expressions.indices.filter { waiting[$0] > 0 }.map { expressions[$0].id }
            throw GeoPlanError.input(
                path: "spec",
                reason: "expressions refer to each other in a cycle: "
                    + stuck.joined(separator: ", "))
        }
        return ordered
    }
}

/// A binary min-heap of positions.
private struct MinimumHeap {
    private var items: [Int] = []

    mutating func insert(_ item: Int) {
        items.append(item)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard items[child] < items[parent] else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func removeMinimum() -> Int? {
        guard let first = items.first else { return nil }
        let last = items.removeLast()
        guard !items.isEmpty else { return first }
        items[0] = last
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < items.count, items[left] < items[smallest] { smallest = left }
            if right < items.count, items[right] < items[smallest] { smallest = right }
            guard smallest != parent else { return first }
            items.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
