/// A scale bar of a round length (1, 2 or 5 × a power of ten metres) no longer than a given width.
public struct ScaleBar: Hashable, Sendable {
    /// The ground length the bar stands for.
    public let metres: Double
    /// Its length in SVG units.
    public let width: Double

    /// The longest round length that fits in `maxWidth` SVG units at `unitsPerMetre`.
    public init(unitsPerMetre: Double, maxWidth: Double) {
        let limit = maxWidth / unitsPerMetre
        var metres = 1.0
        var candidate = 1.0
        // 1, 2, 5, 10, 20, 50 … metres while they fit.
        while candidate <= limit {
            metres = candidate
            let power = candidate.magnitude
            let leading = (power / Self.tenPower(below: power)).rounded()
            candidate = leading == 1 ? candidate * 2 : leading == 2 ? candidate * 2.5 : candidate * 2
        }
        self.metres = metres
        width = metres * unitsPerMetre
    }

    /// "5 km" or "500 m" (lengths are 1, 2 or 5 × 10ⁿ m, so kilometres are whole).
    public var label: String {
        metres >= 1000 ? "\(Self.integer(metres / 1000)) km" : "\(Self.integer(metres)) m"
    }

    private static func integer(_ value: Double) -> String {
        String(Int(value.rounded()))
    }

    private static func tenPower(below value: Double) -> Double {
        var power = 1.0
        while power * 10 <= value { power *= 10 }
        return power
    }
}
