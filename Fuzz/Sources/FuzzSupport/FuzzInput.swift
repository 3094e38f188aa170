/// The fuzzer's bytes read as a stream of choices (sizes, coordinates, flags), so that one input describes a
/// whole structured case and every mutation of a byte changes one decision. Reading past the end gives zeros:
/// short inputs are still whole cases.
public struct FuzzInput {
    public let bytes: [UInt8]
    public private(set) var position = 0

    public init(_ data: UnsafePointer<UInt8>?, _ size: Int) {
        bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    }

    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    public var isExhausted: Bool { position >= bytes.count }

    public mutating func byte() -> UInt8 {
        guard position < bytes.count else { return 0 }
        defer { position += 1 }
        return bytes[position]
    }

    /// A 16-bit choice.
    public mutating func word() -> Int {
        Int(byte()) << 8 | Int(byte())
    }

    /// An integer in `range`, from two bytes.
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        let span = range.upperBound - range.lowerBound + 1
        return range.lowerBound + word() % span
    }

    /// A number in `range` on a grid of 65,536 steps, so that coordinates often coincide with pixel edges, corners
    /// and one another (where coverage code has its special cases).
    public mutating func double(in range: ClosedRange<Double>) -> Double {
        range.lowerBound + (range.upperBound - range.lowerBound) * Double(word()) / 65_535
    }

    /// The bytes not read yet.
    public mutating func rest() -> [UInt8] {
        defer { position = bytes.count }
        return position < bytes.count ? Array(bytes[position...]) : []
    }
}
