// Numbers as JSON text: reals in the shortest form that reads back to the same Double, integers as they are, and
// coordinates on a decimal grid with at most that many decimals.
extension JSONByteBuffer {
    /// The shortest text that reads back as exactly `value`: Swift's round-trip formatting (`0.1`, `1.0`, `-0.0`,
    /// `1e-05`, `5e-324`, `1.7976931348623157e+308`), every form of which is a valid JSON number. Writes nothing
    /// and returns false for NaN and ±infinity, which JSON cannot hold.
    @discardableResult
    mutating func appendShortest(_ value: Double) -> Bool {
        guard value.isFinite else { return false }
        var text = value.description  // at most 24 bytes: kept inline, not allocated
        text.withUTF8 { append(contentsOf: $0) }
        return true
    }

    mutating func appendInteger(_ value: Int64) {
        if value < 0 { append(UInt8(ascii: "-")) }
        appendDigits(value.magnitude, minimumCount: 1)
    }

    /// `steps` × 10^-`decimals`, without trailing zeros but with at least one decimal (`100.0`, `98.372744`), so
    /// that it reads back as the Double nearest that decimal, and as a real.
    mutating func appendGridValue(steps: Int64, decimals: Int) {
        if steps < 0 { append(UInt8(ascii: "-")) }
        let magnitude = steps.magnitude
        let unit = CoordinateGrid.powersOfTen[decimals]
        appendDigits(magnitude / unit, minimumCount: 1)
        append(UInt8(ascii: "."))
        var fraction = magnitude % unit
        var digits = decimals
        while digits > 1, fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        appendDigits(fraction, minimumCount: max(digits, 1))
    }

    /// The decimal digits of `value`, left-padded with zeros to `minimumCount`.
    private mutating func appendDigits(_ value: UInt64, minimumCount: Int) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { scratch in
            var position = scratch.count
            var rest = value
            repeat {
                position -= 1
                scratch[position] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
            } while rest > 0
            while scratch.count - position < minimumCount, position > 0 {
                position -= 1
                scratch[position] = UInt8(ascii: "0")
            }
            append(contentsOf: UnsafeBufferPointer(rebasing: scratch[position...]))
        }
    }
}
