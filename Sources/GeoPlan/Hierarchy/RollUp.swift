/// The arithmetic of roll-ups: a group's value from its members' (tambons to districts and provinces, municipal
/// pieces to their local government). Which applies to an indicator is its `RollUpRule`.
///
/// Sums and areas add. A ratio (a density, a rate per 10,000 people) is evaluated again on the rolled-up
/// numerator and denominator — never averaged, which would weigh a small tambon like a large one. A mean is
/// weighted by what it is a mean over (area, people).
enum RollUp {
    /// Σ of the members' values; nil when any member has none (a district total missing a tambon is wrong).
    static func sum(_ values: [Double?], of members: [Int]) -> Double? {
        var total = 0.0
        for member in members {
            guard values.indices.contains(member), let value = values[member] else { return nil }
            total += value
        }
        return total
    }

    /// Σ value·weight / Σ weight; nil when any member has no value, or the weights add up to nothing. A member
    /// without a weight (or a negative one) weighs nothing.
    static func weightedMean(_ values: [Double?], weights: [Double?], of members: [Int]) -> Double? {
        var total = 0.0
        var weightSum = 0.0
        for member in members {
            guard values.indices.contains(member), let value = values[member] else { return nil }
            let weight = weights.indices.contains(member) ? max(weights[member] ?? 0, 0) : 0
            total += value * weight
            weightSum += weight
        }
        return weightSum > 0 ? total / weightSum : nil
    }
}
