/// Quantiles of values with weights (a pixel's covered fraction), by the weighted generalisation of R's type 7
/// rule that exactextract uses: pixels of equal value are one point whose weight is their total; with the n
/// points sorted by value, point k (from 0) sits at s_k = k·w_k + (n − 1)·Σ_{i<k} w_i on a scale of
/// (n − 1)·Σ w, and the q quantile is interpolated linearly between the points around q·(n − 1)·Σ w. With
/// distinct values and equal weights this is R's default `quantile(type = 7)`.
struct WeightedQuantiles {
    private var pairs: [(value: Double, weight: Double)] = []
    private var positions: [Double] = []
    private var total = 0.0
    private var prepared = false

    mutating func add(_ value: Double, weight: Double) {
        guard weight > 0 else { return }
        pairs.append((value, weight))
        prepared = false
    }

    var isEmpty: Bool { pairs.isEmpty }

    /// The q quantile (0…1), nil without values.
    mutating func quantile(_ q: Double) -> Double? {
        guard !pairs.isEmpty, q.isFinite, q >= 0, q <= 1 else { return nil }
        prepare()
        let target = q * total * Double(pairs.count - 1)
        // the first point beyond the target
        var low = 0, high = positions.count
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

    private mutating func prepare() {
        guard !prepared else { return }
        pairs.sort { $0.value < $1.value }
        var merged: [(value: Double, weight: Double)] = []
        for pair in pairs {
            if let last = merged.last, last.value == pair.value {
                merged[merged.count - 1].weight += pair.weight
            } else {
                merged.append(pair)
            }
        }
        pairs = merged
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
