/// Indicator values rolled up from areas to the groups that contain them (tambons to districts and provinces,
/// municipal pieces to their local government), each by the rule its kind demands.
///
/// Sums and areas add. A ratio (a density, a rate per 10,000 people) is recomputed from the rolled-up
/// numerator and denominator — never averaged, which would weigh a small tambon like a large one. A mean is
/// weighted by the column that measures what it is a mean over (area, people).
struct RollUp {
    enum Rule: Hashable, Sendable {
        /// Σ values (extensive: people, counts, km², km of road).
        case sum
        /// Σ numerator / Σ denominator × scale, from two other columns (by position).
        case ratio(numerator: Int, denominator: Int, scale: Double)
        /// Σ value·weight / Σ weight, weighted by another column (by position).
        case weightedMean(weight: Int)
    }

    /// The groups in order of first appearance, and per group one value per column (nil: no value to roll up,
    /// or a zero denominator).
    static func aggregate(_ rows: [[Double?]], groups: [String], rules: [Rule]) -> [(group: String, values: [Double?])] {
        var order: [String] = []
        var members: [String: [Int]] = [:]
        for (row, group) in groups.enumerated() {
            if members[group] == nil { order.append(group) }
            members[group, default: []].append(row)
        }
        return order.map { group in
            let rowsOfGroup = (members[group] ?? []).map { rows[$0] }
            func sum(_ column: Int) -> Double? {
                let values = rowsOfGroup.compactMap { $0[column] }
                return values.isEmpty ? nil : values.reduce(0, +)
            }
            let values = rules.enumerated().map { column, rule -> Double? in
                switch rule {
                case .sum:
                    return sum(column)
                case let .ratio(numerator, denominator, scale):
                    guard let top = sum(numerator), let bottom = sum(denominator), bottom != 0 else { return nil }
                    return top / bottom * scale
                case let .weightedMean(weight):
                    var total = 0.0, weights = 0.0
                    for row in rowsOfGroup {
                        guard let value = row[column], let w = row[weight], w > 0 else { continue }
                        total += value * w
                        weights += w
                    }
                    return weights > 0 ? total / weights : nil
                }
            }
            return (group, values)
        }
    }
}
