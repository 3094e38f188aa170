import Foundation

/// The checks between expression (and ratio) indicators: every id they read is declared, and none reads itself
/// through others. Both are linear in the indicators and their references, and neither recurses: a spec of 40,000
/// expressions, each reading the one before, is checked in a loop.
extension SpecReader {
    /// Problems past this many get no "did you mean" (each costs a pass over every id), so that a spec of
    /// thousands of wrong references is still checked in linear time.
    static let suggestedProblems = 100
    /// Lists of ids in messages stop after this many.
    static let listedIDs = 20

    func checkReferences(of drafts: [Draft], declared: [String]) {
        let known = Set(declared)
        for draft in drafts {
            for (id, location) in draft.references where !known.contains(id) {
                let others = declared.lazy.filter { $0 != draft.spec.id }
                let suggestion =
                    errorCount < Self.suggestedProblems
                    ? Suggestion.didYouMean(id, among: Array(others))
                    : ""
                let count = known.count - (known.contains(draft.spec.id) ? 1 : 0)
                fail(
                    location,
                    "unknown indicator \"\(id)\" in \(draft.typeName == "ratio" ? "ratio" : "expression")"
                        + suggestion + " (indicators: \(Self.list(others, count: count)))")
            }
        }
    }

    /// `a, b, c` — or the first `listedIDs` and `… (40,000 in all)`.
    static func list<Names: Sequence<String>>(_ names: Names, count: Int) -> String {
        let shown = Array(names.prefix(listedIDs))
        return shown.joined(separator: ", ") + (count > shown.count ? ", … (\(count) in all)" : "")
    }

    /// Expressions (and ratios) that read each other in a loop, each loop reported once, from the member written
    /// first. A depth-first search in the spec's order with its own stack of frames.
    func checkCycles(in drafts: [Draft]) {
        var byID: [String: Draft] = [:]
        for draft in drafts where draft.expressionNode != nil && byID[draft.spec.id] == nil {
            byID[draft.spec.id] = draft
        }
        let order = drafts.map(\.spec.id).filter { byID[$0] != nil }
        let writtenAt = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })

        struct Frame {
            let id: String
            /// The expression ids it reads, each once, in written order.
            let next: [String]
            var position = 0
        }
        func frame(_ id: String) -> Frame {
            var seen = Set<String>()
            let next = (byID[id]?.references ?? []).map(\.id).filter { byID[$0] != nil && seen.insert($0).inserted }
            return Frame(id: id, next: next)
        }

        var done = Set<String>()
        var stackIndex: [String: Int] = [:]  // where each id on the stack is
        var stack: [Frame] = []
        var reported: Set<Set<String>> = []
        for root in order where !done.contains(root) {
            stackIndex[root] = 0
            stack.append(frame(root))
            while let top = stack.last {
                guard top.position < top.next.count else {
                    stackIndex[top.id] = nil
                    done.insert(top.id)
                    stack.removeLast()
                    continue
                }
                let next = top.next[top.position]
                stack[stack.count - 1].position += 1
                if let start = stackIndex[next] {
                    // Each loop costs its length to report; past the problems worth reading, loops go unreported.
                    guard errorCount < Self.suggestedProblems else { continue }
                    reportCycle(stack[start...].map(\.id), writtenAt: writtenAt, byID: byID, reported: &reported)
                } else if !done.contains(next) {
                    stackIndex[next] = stack.count
                    stack.append(frame(next))
                }
            }
        }
    }

    private func reportCycle(
        _ members: [String], writtenAt: [String: Int], byID: [String: Draft],
        reported: inout Set<Set<String>>
    ) {
        guard reported.insert(Set(members)).inserted else { return }
        let first = members.indices.min { writtenAt[members[$0], default: 0] < writtenAt[members[$1], default: 0] } ?? 0
        let rotated = Array(members[first...] + members[..<first])
        let shown =
            rotated.count > Self.listedIDs
            ? rotated.prefix(Self.listedIDs - 1) + ["… (\(rotated.count) in all)"] : rotated[...]
        let loop = (shown + [rotated[0]]).joined(separator: " → ")
        fail(byID[rotated[0]]?.expressionNode?.location, "expressions refer to each other in a cycle: \(loop)")
    }
}
