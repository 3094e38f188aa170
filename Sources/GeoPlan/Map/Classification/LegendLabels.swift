import Foundation

/// Legend labels that read cleanly: `0.13 – 75.29`. Bounds show up to 2 decimals (or 2 significant digits of the
/// smallest bound, `0.0012 – 0.0015`), fewer when they need fewer (`0 – 100`), more only when neighbouring bounds
/// would otherwise look the same.
enum LegendLabels {
    /// One label per class, from the first class's lower bound and every class's upper bound.
    static func labels(first: Double, uppers: [Double], mean: Double?, sigma: Double?) -> [String] {
        let bounds = [first] + uppers
        let lowers = Array(bounds.dropLast())
        // Up to 2 decimals, or 2 significant digits of the smallest bound when that needs more (0.0012).
        let smallest = bounds.map(abs).filter { $0 > 0 }.min() ?? 1
        let most = min(8, max(2, 1 - Int(log10(smallest).rounded(.down))))
        let exact = (0...most).first { decimals in bounds.allSatisfy { isShownWhole($0, decimals) } } ?? most
        let decimals =
            (exact...8).first { decimals in
                zip(bounds, bounds.dropFirst()).allSatisfy { pair in
                    pair.0 == pair.1 || format(pair.0, decimals) != format(pair.1, decimals)
                }
            } ?? 8
        return uppers.indices.map { index in
            let range = "\(format(lowers[index], decimals)) – \(format(uppers[index], decimals))"
            guard let mean, let sigma, sigma > 0, uppers.count > 1 else { return range }
            let low = (lowers[index] - mean) / sigma
            let high = (uppers[index] - mean) / sigma
            if index == 0 { return "\(range) (below \(sigmas(high)))" }
            if index == uppers.count - 1 { return "\(range) (above \(sigmas(low)))" }
            return "\(range) (\(sigmas(low)) to \(sigmas(high)))"
        }
    }

    /// Whether `decimals` decimals show `value` whole, but for binary noise (125.83999999999996 is 125.84).
    static func isShownWhole(_ value: Double, _ decimals: Int) -> Bool {
        let scaled = value * pow(10, Double(decimals))
        return abs(scaled - scaled.rounded()) <= 1e-9 * max(abs(scaled), 1)
    }

    /// Fixed decimals, a real minus sign, and no "-0".
    static func format(_ value: Double, _ decimals: Int) -> String {
        let text = String(format: "%.\(decimals)f", value)
        let isZero = text.allSatisfy { "-0.".contains($0) }
        return isZero ? String(text.drop { $0 == "-" }) : text.replacingOccurrences(of: "-", with: "−")
    }

    /// `−0.5σ`, `+1.5σ`, `mean` for zero.
    static func sigmas(_ value: Double) -> String {
        let rounded = (value * 2).rounded() / 2  // the method's breaks sit on half or whole σ
        if rounded == 0 { return "the mean" }
        let number = rounded == rounded.rounded() ? String(format: "%.0f", abs(rounded)) : String(abs(rounded))
        return "\(rounded < 0 ? "−" : "+")\(number)σ"
    }
}
