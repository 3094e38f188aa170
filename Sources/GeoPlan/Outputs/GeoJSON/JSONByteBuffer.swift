/// JSON text being built as UTF-8 bytes: what the GeoJSON encoders append to, one feature (or a batch of them) at
/// a time, before the bytes go to a `CheckedFile`. Bytes rather than `String` so that nothing is decoded,
/// validated or copied twice on the way out.
struct JSONByteBuffer {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    var count: Int { bytes.count }

    mutating func append(_ byte: UInt8) {
        bytes.append(byte)
    }

    /// Appends text known to need no escaping (member names of geoplan's own, punctuation).
    mutating func append(raw text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func append(contentsOf other: [UInt8]) {
        bytes.append(contentsOf: other)
    }

    mutating func append(contentsOf other: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: other)
    }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
    }
}
