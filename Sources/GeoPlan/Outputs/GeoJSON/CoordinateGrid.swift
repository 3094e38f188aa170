/// A decimal grid of 10^-`decimals` degrees that coordinates are rounded onto when an output writes a fixed number
/// of decimals (`--precision`, `output.precision`).
///
/// A rounded coordinate is kept as its whole number of grid steps, so that the text written (`steps` with the
/// point moved `decimals` places) and the Double a reader parses from it (`Double(steps) / scale`, both exact, one
/// correctly rounded division) are known here exactly: the validity of what is written is checked on the very
/// numbers a reader will see.
struct CoordinateGrid: Hashable, Sendable {
    /// 0…15: beyond 15 decimals a Double has no more digits to keep.
    let decimals: Int
    /// 10^decimals, exact in a Double.
    let scale: Double

    static let maximumDecimals = 15
    static let powersOfTen: [UInt64] = (0...maximumDecimals).map { power in
        (0..<power).reduce(1) { value, _ in value * 10 }
    }

    /// nil when `decimals` is outside 0…15.
    init?(decimals: Int) {
        guard (0...Self.maximumDecimals).contains(decimals) else { return nil }
        self.decimals = decimals
        scale = Double(Self.powersOfTen[decimals])
    }

    /// The grid's step, as GEOS's precision model takes it (1 / step is exactly `scale`).
    var stepSize: Double { 1 / scale }

    /// Beyond 2^53 steps a Double no longer holds every whole number: such values are written as they are.
    private static let largestSteps = Double(1 << 53)

    /// The number of grid steps nearest `value`; nil when it is not finite or too large to count exactly.
    @inline(__always)
    func steps(_ value: Double) -> Int64? {
        let scaled = (value * scale).rounded()
        guard scaled.magnitude < Self.largestSteps else { return nil }
        return Int64(scaled)
    }

    /// The Double a reader gets back from the written text of `value`'s nearest grid point.
    @inline(__always)
    func rounded(_ value: Double) -> Double {
        guard let steps = steps(value) else { return value }
        return Double(steps) / scale
    }
}
