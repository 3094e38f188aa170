import GEOS

/// Path data for projected rings, kept small: points are rounded to 10⁻ᵈ SVG units once, then written as
/// relative moves between rounded points (so rounding never accumulates), repeated points are dropped, and a
/// minus sign stands in for a separator.
struct SVGPath {
    let decimals: Int
    private let scale: Int

    init(decimals: Int) {
        self.decimals = min(max(decimals, 0), 4)
        scale = SVGNumber.power(self.decimals)
    }

    /// `M x y l dx dy … z` for each ring with at least three distinct rounded points; empty if none has.
    func data(_ rings: [[XY]]) -> String {
        var out = ""
        for ring in rings {
            var points: [(Int, Int)] = []
            points.reserveCapacity(ring.count)
            for point in ring {
                let q = (Int((point.x * Double(scale)).rounded()), Int((point.y * Double(scale)).rounded()))
                if let last = points.last, last == q { continue }
                points.append(q)
            }
            if points.count > 1, let first = points.first, let last = points.last, first == last { points.removeLast() }
            guard points.count >= 3 else { continue }
            out += "M" + number(points[0].0) + " " + number(points[0].1) + "l"
            var previous = points[0]
            var afterCommand = true
            for point in points.dropFirst() {
                append(point.0 - previous.0, to: &out, first: afterCommand)
                append(point.1 - previous.1, to: &out, first: false)
                afterCommand = false
                previous = point
            }
            out += "z"
        }
        return out
    }

    private func append(_ value: Int, to out: inout String, first: Bool) {
        let text = number(value)
        if !first && !text.hasPrefix("-") { out += " " }
        out += text
    }

    private func number(_ quantised: Int) -> String {
        SVGNumber.fixed(quantised, decimals: decimals, scale: scale)
    }
}
