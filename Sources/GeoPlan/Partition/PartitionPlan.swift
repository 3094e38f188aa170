/// Splits a boundary set's areas into N partitions that separate runs can compute, deterministically and without
/// splitting a group (a province's tambons stay together, so per-province work is not repeated in every part).
///
/// Groups are taken in order of first appearance in the layer and dealt out as contiguous runs: a group goes
/// wholly to the partition in which the number of areas before it falls, against the cumulative targets
/// i × total / N. Partitions therefore hold near-equal numbers of areas (each within one group's size of
/// total / N), and one is empty when a large group spans a whole target.
public enum PartitionPlan {
    /// What `groupedBy` says when every area is its own group.
    public static let ungrouped = "none: ids have no hierarchy"

    /// Group keys for area ids: a Thai P-code hierarchy (`TH100101` → province `TH10`) when every id is a common
    /// alphabetic prefix and at least 4 digits, all of one length; otherwise each id is its own group.
    public static func groupKeys(ids: [String]) -> (keys: [String], groupedBy: String) {
        guard let prefix = hierarchyPrefix(of: ids) else { return (ids, ungrouped) }
        let keys = ids.map { String($0.prefix(prefix.count + 2)) }
        return (keys, "province: first 2 digits after \(prefix)")
    }

    /// Group keys from a field the user named: areas with equal values stay together. Missing values form one
    /// group with empty ones.
    public static func groupKeys(values: [String?], field: String) -> (keys: [String], groupedBy: String) {
        (values.map { $0 ?? "" }, "field \(field)")
    }

    /// The 0-based layer positions, ascending, of the areas that partition `request.index` computes. Over
    /// K = 1…N the results are disjoint and together exactly `0..<keys.count`.
    public static func positions(keys: [String], request: PartitionRequest) -> [Int] {
        let owner = partitionOfEachGroup(keys: keys, count: request.count)
        return keys.indices.filter { owner[keys[$0]] == request.index - 1 }
    }

    /// The sidecar's `partition` record for this request.
    public static func record(keys: [String], groupedBy: String, request: PartitionRequest) -> PartitionRecord {
        PartitionRecord(
            index: request.index, count: request.count, areas: keys.count, groupedBy: groupedBy,
            positions: positions(keys: keys, request: request))
    }

    /// The 0-based partition of every group key.
    static func partitionOfEachGroup(keys: [String], count: Int) -> [String: Int] {
        var sizes: [String: Int] = [:]
        var order: [String] = []
        for key in keys {
            if sizes[key] == nil { order.append(key) }
            sizes[key, default: 0] += 1
        }
        let total = keys.count
        var owner: [String: Int] = [:]
        var before = 0
        for key in order {
            // t_i = i × total / N ≤ before < t_(i+1)  ⇔  i = ⌊before × N / total⌋, in exact integers.
            owner[key] = before * count / total
            before += sizes[key, default: 0]
        }
        return owner
    }

    /// The common alphabetic prefix ("TH") when every id is that prefix and at least 4 ASCII digits, all ids of
    /// one length; nil otherwise.
    static func hierarchyPrefix(of ids: [String]) -> String? {
        guard let first = ids.first else { return nil }
        let prefix = String(first.prefix { $0.isASCII && $0.isLetter })
        guard !prefix.isEmpty else { return nil }
        let length = first.count
        guard length - prefix.count >= 4 else { return nil }
        for id in ids {
            guard id.count == length, id.hasPrefix(prefix),
                id.dropFirst(prefix.count).allSatisfy({ $0.isASCII && $0.isNumber })
            else { return nil }
        }
        return prefix
    }
}
