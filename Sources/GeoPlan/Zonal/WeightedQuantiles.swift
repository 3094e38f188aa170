/// Quantiles of values with weights (a pixel's covered fraction), by the weighted generalisation of R's type 7
/// rule that exactextract uses: pixels of equal value are one point whose weight is their total; with the n
/// points sorted by value, point k (from 0) sits at s_k = k·w_k + (n − 1)·Σ_{i<k} w_i on a scale of
/// (n − 1)·Σ w, and the q quantile is interpolated linearly between the points around q·(n − 1)·Σ w. With
/// distinct values and equal weights this is R's default `quantile(type = 7)`.
///
/// Memory: pixels of equal value are merged whenever the pairs kept reach twice `limit`, so a raster of classes or
/// integers keeps one pair per value; more than `limit` distinct values set `exceedsLimit` (the caller refuses
/// the area), so at most 2 × `limit` pairs (16 bytes each) are ever held.
struct WeightedQuantiles {
    /// Distinct values kept at most.
    var limit = ZonalLimits.maximumDistinctValues
    /// Whether more than `limit` distinct values were added.
    private(set) var exceedsLimit = false
    private var pairs: [(value: Double, weight: Double)] = []
    private var positions: [Double] = []
    private var total = 0.0
    private var prepared = false

    mutating func add(_ value: Double, weight: Double) {
        guard weight > 0, !exceedsLimit else { return }
        pairs.append((value, weight))
        prepared = false
        if pairs.count >= 2 * limit { merge() }
    }

    var isEmpty: Bool { pairs.isEmpty }

    /// The q quantile (0…1), nil without values.
    mutating func quantile(_ q: Double) -> Double? {
        guard !pairs.isEmpty, q.isFinite, q >= 0, q <= 1 else { return nil }
        prepare()
        let target = q * total * Double(pairs.count - 1)
        // the first point beyond the target
        var low = 0
        var high = positions.count
        while low < high {
            let middle = (low + high) / 2
            if positions[middle] <= target { low = middle + 1 } else { high = middle }
        }
        if low == 0 { return pairs[0].value }
        if low == positions.count { return pairs[pairs.count - 1].value }
        let (left, right) = (low - 1, low)
        return pairs[left].value + (target - positions[left]) * (pairs[right].value - pairs[left].value)
            / (positions[right] - positions[left])
    }

    /// Sorts the pairs by value and merges equal values, in place (no second array).
    private mutating func merge() {
        pairs.sort { $0.value < $1.value }
        var kept = 0
        for index in pairs.indices {
            if kept > 0, pairs[kept - 1].value == pairs[index].value {
                pairs[kept - 1].weight += pairs[index].weight
            } else {
                pairs[kept] = pairs[index]
                kept += 1
            }
        }
        pairs.removeLast(pairs.count - kept)
        if pairs.count > limit { exceedsLimit = true }
    }

    private mutating func prepare() {
        guard !prepared else { return }
        merge()
        positions = []
        positions.reserveCapacity(pairs.count)
        let n = Double(pairs.count)
        var before = 0.0
        for (k, pair) in pairs.enumerated() {
            positions.append(Double(k) * pair.weight + (n - 1) * before)
            before += pair.weight
        }
        total = before
        prepared = true
    }
}
