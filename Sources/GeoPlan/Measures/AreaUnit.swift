import Foundation

/// Units of area a planner reports in. Thai land is measured in rai (ไร่) = 4 ngan (งาน) = 400 square wa (ตารางวา)
/// = 1,600 m².
public enum AreaUnit: String, CaseIterable, Codable, Hashable, Sendable {
    case squareMetres = "m2"
    case hectares = "ha"
    case squareKilometres = "km2"
    case rai

    /// Square metres in one unit.
    public var squareMetres: Double {
        switch self {
        case .squareMetres: 1
        case .hectares: 10_000
        case .squareKilometres: 1_000_000
        case .rai: 1_600
        }
    }

    /// Converts square metres to this unit.
    public func value(ofSquareMetres area: Double) -> Double {
        area / squareMetres
    }

    public var symbol: String {
        switch self {
        case .squareMetres: "m²"
        case .hectares: "ha"
        case .squareKilometres: "km²"
        case .rai: "rai"
        }
    }

    /// Accepts "km2", "km²", "sqkm", "ha", "hectare(s)", "m2", "rai", "ไร่".
    public init?(parsing text: String) {
        switch text.lowercased().trimmingCharacters(in: .whitespaces) {
        case "m2", "m²", "sqm", "square metres", "square meters": self = .squareMetres
        case "ha", "hectare", "hectares": self = .hectares
        case "km2", "km²", "sqkm", "square kilometres", "square kilometers": self = .squareKilometres
        case "rai", "ไร่": self = .rai
        default: return nil
        }
    }
}

/// An area written the Thai way, rai-ngan-square wa (e.g. `4-2-25` = 4 rai 2 ngan 25 ตารางวา = 7,300 m²).
public struct RaiNganWa: Hashable, Sendable, CustomStringConvertible {
    public let rai: Int
    public let ngan: Int
    public let squareWa: Double

    /// Splits an area in m² (1 rai = 1,600 m², 1 ngan = 400 m², 1 square wa = 4 m²), square wa rounded to
    /// `decimals` places. Nil for an area that is not a finite number of whole rai (NaN from a vertex beyond a pole,
    /// an overflow): there is no rai-ngan-wa form to give.
    public init?(squareMetres: Double, decimals: Int = 0) {
        let scale = pow10(decimals)
        let totalWa = (squareMetres / 4 * scale).rounded() / scale
        let wholeRai = (totalWa / 400).rounded(.down)
        let remainder = totalWa - wholeRai * 400
        let wholeNgan = (remainder / 100).rounded(.down)
        guard let rai = Int(exactly: wholeRai), let ngan = Int(exactly: wholeNgan) else { return nil }
        self.rai = rai
        self.ngan = ngan
        squareWa = ((remainder - wholeNgan * 100) * scale).rounded() / scale
    }

    public var description: String {
        let wa = squareWa == squareWa.rounded() ? String(Int(squareWa)) : String(squareWa)
        return "\(rai)-\(ngan)-\(wa)"
    }
}

private func pow10(_ exponent: Int) -> Double {
    (0..<max(0, exponent)).reduce(1.0) { value, _ in value * 10 }
}
