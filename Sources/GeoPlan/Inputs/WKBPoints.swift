/// The x/y of every position in a WKB geometry, read or rewritten in place: the domain check at the reader works
/// on the bytes GEOS is about to read, so what is checked is exactly what is used.
///
/// ISO and extended WKB, either byte order, with Z and M (left untouched); linear types only (what
/// `OGRGeometry.planarWKB` gives). An empty point (NaN, NaN) is skipped. Every read is bounds-checked.
enum WKBPoints {
    struct Malformed: Error, CustomStringConvertible {
        let detail: String
        var description: String { "malformed WKB: \(detail)" }
    }

    /// Calls `body` with each position's x and y, in order.
    static func forEach(in wkb: [UInt8], _ body: (Double, Double) throws -> Void) throws {
        try wkb.withUnsafeBytes { bytes in
            var reader = Reader(bytes: bytes)
            try reader.geometry { offset, little in
                try body(Reader.double(bytes, at: offset, little), Reader.double(bytes, at: offset + 8, little))
            }
        }
    }

    /// Replaces each position's x and y with what `body` makes of them.
    static func rewrite(_ wkb: inout [UInt8], _ body: (Double, Double) -> (Double, Double)) throws {
        var positions: [(offset: Int, little: Bool)] = []
        try wkb.withUnsafeBytes { bytes in
            var reader = Reader(bytes: bytes)
            try reader.geometry { positions.append(($0, $1)) }
        }
        for (offset, little) in positions {
            let (x, y) = wkb.withUnsafeBytes {
                (Reader.double($0, at: offset, little), Reader.double($0, at: offset + 8, little))
            }
            let (newX, newY) = body(x, y)
            store(newX, at: offset, little: little, in: &wkb)
            store(newY, at: offset + 8, little: little, in: &wkb)
        }
    }

    private static func store(_ value: Double, at offset: Int, little: Bool, in wkb: inout [UInt8]) {
        let bits = little ? value.bitPattern.littleEndian : value.bitPattern.bigEndian
        withUnsafeBytes(of: bits) { source in
            for index in 0..<8 { wkb[offset + index] = source[index] }
        }
    }

    /// Walks the structure, handing out the byte offset of each position's x (y follows it).
    private struct Reader {
        let bytes: UnsafeRawBufferPointer
        var cursor = 0

        init(bytes: UnsafeRawBufferPointer) {
            self.bytes = bytes
        }

        /// The double at `offset` (bounds checked by the walk that found it).
        static func double(_ bytes: UnsafeRawBufferPointer, at offset: Int, _ little: Bool) -> Double {
            let raw = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            return Double(bitPattern: little ? UInt64(littleEndian: raw) : UInt64(bigEndian: raw))
        }

        mutating func geometry(_ position: (Int, Bool) throws -> Void) throws {
            try need(5)
            guard bytes[cursor] <= 1 else { throw Malformed(detail: "byte order \(bytes[cursor])") }
            let little = bytes[cursor] == 1
            cursor += 1
            let code = uint32(little)
            // Extended WKB flags Z, M and SRID in the top bits; ISO adds 1000 (Z), 2000 (M), 3000 (ZM).
            var hasZ = code & 0x8000_0000 != 0
            var hasM = code & 0x4000_0000 != 0
            if code & 0x2000_0000 != 0 {
                try need(4)
                cursor += 4
            }
            let iso = code & 0x0FFF_FFFF
            let base = iso % 1000
            hasZ = hasZ || [1, 3].contains(iso / 1000)
            hasM = hasM || [2, 3].contains(iso / 1000)
            let stride = 16 + (hasZ ? 8 : 0) + (hasM ? 8 : 0)
            switch base {
            case 1:
                try need(stride)
                let x = Self.double(bytes, at: cursor, little)
                let y = Self.double(bytes, at: cursor + 8, little)
                if !(x.isNaN && y.isNaN) { try position(cursor, little) }
                cursor += stride
            case 2:
                try points(stride: stride, little: little, position)
            case 3, 17:  // polygon, triangle
                let rings = try count(little)
                for _ in 0..<rings { try points(stride: stride, little: little, position) }
            case 4, 5, 6, 7, 15, 16:  // multi-point, -line, -polygon, collection, polyhedral surface, TIN
                let members = try count(little)
                for _ in 0..<members { try geometry(position) }
            default:
                throw Malformed(detail: "geometry type \(code) (curves must be linearised first)")
            }
        }

        private mutating func points(stride: Int, little: Bool, _ position: (Int, Bool) throws -> Void) throws {
            let count = try count(little)
            let (size, overflow) = count.multipliedReportingOverflow(by: stride)
            guard !overflow else { throw Malformed(detail: "\(count) positions") }
            try need(size)
            for index in 0..<count { try position(cursor + index * stride, little) }
            cursor += size
        }

        private mutating func count(_ little: Bool) throws -> Int {
            try need(4)
            return Int(uint32(little))
        }

        /// Reads a UInt32 at the cursor (bounds already checked) and moves past it.
        private mutating func uint32(_ little: Bool) -> UInt32 {
            let raw = bytes.loadUnaligned(fromByteOffset: cursor, as: UInt32.self)
            cursor += 4
            return little ? UInt32(littleEndian: raw) : UInt32(bigEndian: raw)
        }

        private func need(_ count: Int) throws {
            guard count <= bytes.count - cursor else { throw Malformed(detail: "ends early at byte \(cursor)") }
        }
    }
}
