import Foundation

/// The breaks of the simple methods, over sorted values (nulls already removed). Each returns increasing upper
/// bounds ending at the maximum, and the reason when it made fewer classes than asked.
enum BreakRules {
    /// mapclassify's `quantile`: scipy's `scoreatpercentile` at 100/k, 200/k … 100 percent, interpolating
    /// linearly between the two values around `p·(n−1)`; equal breaks (ties) are merged.
    static func quantiles(sorted: [Double], classes: Int) -> [Double] {
        let step = 100.0 / Double(classes)
        var breaks: [Double] = []
        for index in 0..<classes {
            let percent = index == classes - 1 ? 100.0 : step + Double(index) * step
            let position = percent / 100.0 * Double(sorted.count - 1)
            let below = Int(position.rounded(.down))
            let fraction = position - Double(below)
            let value =
                fraction == 0 || below + 1 >= sorted.count
                ? sorted[below]
                : sorted[below] + (sorted[below + 1] - sorted[below]) * fraction
            if breaks.last != value { breaks.append(value) }  // sorted input: equal breaks are neighbours
        }
        return breaks
    }

    /// Classes of width (maximum − minimum)/k; the last break is the maximum itself, not a sum that may miss it.
    static func equalInterval(minimum: Double, maximum: Double, classes: Int) -> [Double] {
        let width = (maximum - minimum) / Double(classes)
        return (1..<classes).map { minimum + Double($0) * width } + [maximum]
    }

    /// Breaks one σ apart, centred on the mean (see ``ClassificationMethod/standardDeviation``); breaks at or
    /// beyond the data's ends are dropped, and `dropped` says how many classes that removed.
    static func standardDeviation(sorted: [Double], classes: Int) -> (
        breaks: [Double], mean: Double, sigma: Double,
        dropped: Int
    ) {
        let count = Double(sorted.count)
        let mean = sorted.reduce(0, +) / count
        let sigma = (sorted.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / count).squareRoot()
        let minimum = sorted[0]
        let maximum = sorted[sorted.count - 1]
        let inner = (1..<max(classes, 1)).map { mean + (Double($0) - Double(classes) / 2) * sigma }
        // A break below the minimum would close an empty first class; one at or above the maximum an empty last.
        let kept = inner.filter { $0 >= minimum && $0 < maximum }
        return (kept + [maximum], mean, sigma, inner.count - kept.count)
    }

    /// Checks manual breaks before any value is seen: some, finite, strictly increasing, not too many.
    static func validateManual(_ breaks: [Double], property: String?, allowed: ClosedRange<Int>) throws {
        func refuse(_ reason: String) -> ClassificationError {
            .badManualBreaks(property: property, reason: reason)
        }
        guard !breaks.isEmpty else {
            throw refuse("none were given; give the upper bound of each class, e.g. 100, 500, 2000")
        }
        guard breaks.count <= allowed.upperBound else {
            throw refuse("\(breaks.count) were given; give at most \(allowed.upperBound)")
        }
        if let bad = breaks.firstIndex(where: { !$0.isFinite }) {
            throw refuse("break \(bad + 1) is \(breaks[bad]); every break must be a finite number")
        }
        if let bad = breaks.indices.dropFirst().first(where: { breaks[$0] <= breaks[$0 - 1] }) {
            throw refuse(
                "break \(bad + 1) (\(breaks[bad])) is not above break \(bad) (\(breaks[bad - 1])); give the "
                    + "breaks in increasing order, each once")
        }
    }
}
