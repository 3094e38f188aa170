import Foundation

/// Indicator values for tooltips: grouped thousands and a precision that shrinks as values grow
/// ("12,345", "123.4", "1.23", "0.0123"), the same on every machine (no locale).
enum MapValueFormat {
    static func format(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "–" }
        let magnitude = abs(value)
        let decimals: Int
        switch magnitude {
        case 100...: decimals = 0
        case 10..<100: decimals = 1
        case 1..<10: decimals = 2
        case 0: decimals = 0
        default: decimals = min(6, 2 - Int(log10(magnitude).rounded(.down)))
        }
        let text = SVGNumber.format(value, decimals: decimals)
        return text.contains("e") ? text : grouped(text)  // 1e+300 has no thousands to group
    }

    /// Commas every three digits of the whole part.
    private static func grouped(_ text: String) -> String {
        let negative = text.hasPrefix("-")
        let body = negative ? String(text.dropFirst()) : text
        let parts = body.split(separator: ".", maxSplits: 1)
        let whole = Array(parts.first ?? "0")
        var out = ""
        for (index, digit) in whole.enumerated() {
            if index > 0 && (whole.count - index) % 3 == 0 { out += "," }
            out.append(digit)
        }
        if parts.count > 1 { out += "." + parts[1] }
        return (negative ? "-" : "") + out
    }
}
