/// Text made safe for XML (and so for SVG and HTML): markup characters escaped, characters XML 1.0 forbids dropped
/// (a stray control character in a name would make the whole file unreadable).
enum XMLText {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// A colour checked to be `#rgb` or `#rrggbb`, lower-cased; nil otherwise.
    static func hexColour(_ text: String) -> String? {
        let body = text.hasPrefix("#") ? text.dropFirst() : ""
        guard body.count == 3 || body.count == 6, body.allSatisfy(\.isHexDigit) else { return nil }
        return "#" + body.lowercased()
    }
}

/// Numbers written short: fixed decimals with trailing zeros dropped ("12.5", "3", "-0.25").
enum SVGNumber {
    /// `value` rounded to `decimals` places.
    static func format(_ value: Double, decimals: Int = 1) -> String {
        let scale = power(decimals)
        // A value an Int cannot count in 10⁻ᵈ units (a joined 1e300, a NaN that got this far) is written by
        // printf, never converted: `Int(_:)` would trap.
        guard let quantised = Int(exactly: (value * Double(scale)).rounded()),
            quantised.magnitude < 1 << 53
        else {
            return value.isFinite ? String(format: "%.6g", value) : "0"
        }
        return fixed(quantised, decimals: decimals, scale: scale)
    }

    /// An integer count of 10⁻ᵈ units as a decimal.
    static func fixed(_ quantised: Int, decimals: Int, scale: Int) -> String {
        let magnitude = quantised.magnitude
        let whole = magnitude / UInt(scale)
        var fraction = magnitude % UInt(scale)
        var text = quantised < 0 ? "-" + String(whole) : String(whole)
        guard fraction != 0 else { return text == "-0" ? "0" : text }
        var digits = decimals
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        let fractionText = String(fraction)
        text += "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
        return text
    }

    static func power(_ decimals: Int) -> Int {
        (0..<max(decimals, 0)).reduce(1) { value, _ in value * 10 }
    }
}
