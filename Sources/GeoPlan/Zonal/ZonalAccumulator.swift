/// Running statistics of one area's pixels: each pixel with data is added with its covered fraction, its
/// ground area and (for the `weighted_*` statistics) its weight; only what the asked statistics need is kept.
struct ZonalAccumulator {
    private let keepsValues: Bool
    private let keepsHistogram: Bool
    private let weighted: Bool
    /// Whether `stdev` is asked for: only then is the running mean and sum of squares kept (its division per
    /// pixel is the costliest step of `add`; sum and mean do not need it).
    private let keepsSpread: Bool

    /// Σ c over pixels with data.
    private(set) var coverage = 0.0
    /// Σ c·x.
    private(set) var sum = 0.0
    /// Σ c·A over pixels with data, m².
    private(set) var groundArea = 0.0
    private(set) var minimum = Double.infinity
    private(set) var maximum = -Double.infinity
    // Weighted mean and sum of squares by West's incremental algorithm (stable where Σx² − n·mean² is not).
    private var mean = 0.0, squares = 0.0
    private var weightedMean = 0.0, weightedSquares = 0.0
    /// Σ c·w and Σ c·w·x.
    private(set) var weight = 0.0
    private(set) var weightedSum = 0.0
    /// Per distinct value: Σ c and Σ c·A (m²).
    private(set) var histogram: [Double: (coverage: Double, area: Double)] = [:]
    private var quantiles = WeightedQuantiles()

    init(statistics: [ZonalStatistic]) {
        keepsValues = statistics.contains { $0.needsValues }
        keepsHistogram = statistics.contains { $0.needsHistogram }
        weighted = statistics.contains { $0.isWeighted }
        keepsSpread = statistics.contains(.stdev)
    }

    /// Adds a pixel with data: value x, covered fraction c (0…1], ground area A (m²), weight w (1 without weights).
    mutating func add(value x: Double, coverage c: Double, pixelArea: Double, weight w: Double = 1) {
        guard c > 0 else { return }
        coverage += c
        sum += c * x
        groundArea += c * pixelArea
        minimum = Swift.min(minimum, x)
        maximum = Swift.max(maximum, x)
        if keepsSpread {
            let delta = x - mean
            mean += delta * c / coverage
            squares += c * delta * (x - mean)
        }
        if weighted, w > 0 {
            let cw = c * w
            weight += cw
            weightedSum += cw * x
            let delta = x - weightedMean
            weightedMean += delta * cw / weight
            weightedSquares += cw * delta * (x - weightedMean)
        }
        if keepsHistogram {
            let previous = histogram[x] ?? (0, 0)
            histogram[x] = (previous.coverage + c, previous.area + c * pixelArea)
        }
        if keepsValues { quantiles.add(x, weight: c) }
    }

    /// Whether the distinct values kept (quantiles' pairs, the histogram) passed
    /// `ZonalLimits.maximumDistinctValues`; the caller stops adding and says so.
    var exceedsDistinctValues: Bool {
        quantiles.exceedsLimit || histogram.count > ZonalLimits.maximumDistinctValues
    }

    /// The value of one statistic. Where the area covers no pixel with data, `count` and `variety` are 0 and
    /// the others nil (null in outputs: no data is not zero people). Per-class ones come from `values(of:…)`.
    mutating func value(of statistic: ZonalStatistic) -> Double? {
        guard coverage > 0 else { return statistic == .count || statistic == .variety ? 0 : nil }
        switch statistic {
        case .count: return coverage
        case .sum: return sum
        case .mean: return sum / coverage
        case .min: return minimum
        case .max: return maximum
        case .stdev: return (Swift.max(squares, 0) / coverage).squareRoot()
        case let .quantile(q): return quantiles.quantile(q)
        case .majority: return extreme(largest: true)
        case .minority: return extreme(largest: false)
        case .variety: return Double(histogram.count)
        case .weightedSum: return weightedSum
        case .weightedMean: return weight > 0 ? weightedSum / weight : nil
        case .weightedStdev: return weight > 0 ? (Swift.max(weightedSquares, 0) / weight).squareRoot() : nil
        case .fraction, .area: return nil
        }
    }

    /// Per class value: the share of the ground area with data (`fraction`) or the ground area in units of
    /// `unitSquareMetres` (`area`); 0 for a class the area does not have, nil for fractions without data.
    func values(of statistic: ZonalStatistic, classes: [Double], unitSquareMetres: Double) -> [Double?] {
        classes.map { value in
            let area = histogram[value]?.area ?? 0
            if statistic == .area { return area / unitSquareMetres }
            return groundArea > 0 ? area / groundArea : nil
        }
    }

    /// The value covering the most (or least) of the area; ties go to the smaller value, so the answer does not
    /// depend on the order pixels came in.
    private func extreme(largest: Bool) -> Double? {
        var best: (value: Double, coverage: Double)?
        for (value, entry) in histogram {
            guard let current = best else {
                best = (value, entry.coverage)
                continue
            }
            let better = largest ? entry.coverage > current.coverage : entry.coverage < current.coverage
            if better || (entry.coverage == current.coverage && value < current.value) {
                best = (value, entry.coverage)
            }
        }
        return best?.value
    }
}
