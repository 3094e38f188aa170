/// A geometry's WKB that GeoJSON cannot hold, or that is cut short.
struct WKBFormatError: Error, CustomStringConvertible {
    let description: String
}

/// Reads ISO (or extended) WKB, as GDAL and GEOS export it, into a `GeoJSONGeometry`, and writes one back for GEOS.
///
/// Every count is checked against the bytes left before anything is allocated, so corrupt WKB is an error, never a
/// crash or a huge allocation. Curves must be linearised first (GDAL does it: `OGRGeometry.linearized()`);
/// a Triangle is read as a Polygon and a TIN or PolyhedralSurface as a MultiPolygon, as GeoJSON has no such types.
enum WKBGeometryCodec {
    static func read(_ bytes: [UInt8]) throws -> GeoJSONGeometry {
        try bytes.withUnsafeBytes { buffer in
            var reader = Reader(bytes: buffer)
            let geometry = try reader.geometry(depth: 0)
            guard reader.offset == buffer.count else {
                throw WKBFormatError(description: "WKB has \(buffer.count - reader.offset) bytes after its geometry")
            }
            return geometry
        }
    }

    /// ISO WKB, little-endian, 2D or Z as the positions are.
    static func write(_ geometry: GeoJSONGeometry) -> [UInt8] {
        var writer = Writer()
        writer.geometry(geometry)
        return writer.bytes
    }

    private struct Reader {
        let bytes: UnsafeRawBufferPointer
        var offset = 0
        var littleEndian = true

        mutating func geometry(depth: Int) throws -> GeoJSONGeometry {
            guard depth < 32 else { throw WKBFormatError(description: "WKB nests collections more than 32 deep") }
            littleEndian = try byte() == 1
            var code = try uint32()
            var hasZ = false
            var hasM = false
            // extended WKB flags (PostGIS), then ISO's thousands
            if code & 0x8000_0000 != 0 { hasZ = true }
            if code & 0x4000_0000 != 0 { hasM = true }
            code &= 0x0FFF_FFFF
            switch code / 1000 {
            case 1: hasZ = true
            case 2: hasM = true
            case 3:
                hasZ = true
                hasM = true
            default: break
            }
            let stored = 2 + (hasZ ? 1 : 0) + (hasM ? 1 : 0)
            let kept = hasZ ? 3 : 2
            switch code % 1000 {
            case 1:
                let point = try positions(count: 1, stored: stored, kept: kept)
                return .point(point.values.contains { $0.isNaN } ? Positions(values: [], dimension: kept) : point)
            case 2:
                let length = try count(minimumBytes: stored * 8)
                return .lineString(try positions(count: length, stored: stored, kept: kept))
            case 3, 17:
                return .polygon(try rings(stored: stored, kept: kept))
            case 4:
                let members = try members(depth: depth)
                var values: [Double] = []
                for case let .point(point) in members { values += point.values }
                return .multiPoint(Positions(values: values, dimension: kept))
            case 5:
                return .multiLineString(
                    try members(depth: depth).map { member in
                        guard case let .lineString(line) = member else { throw mixed("MultiLineString") }
                        return line
                    })
            case 6, 15, 16:
                return .multiPolygon(
                    try members(depth: depth).map { member in
                        guard case let .polygon(rings) = member else { throw mixed("MultiPolygon") }
                        return rings
                    })
            case 7:
                return .collection(try members(depth: depth))
            default:
                throw WKBFormatError(
                    description: "WKB geometry type \(code) (a curve?) has no GeoJSON form; "
                        + "linearise it first")
            }
        }

        private func mixed(_ type: String) -> WKBFormatError {
            WKBFormatError(description: "a \(type) in WKB holds a member of another type")
        }

        private mutating func members(depth: Int) throws -> [GeoJSONGeometry] {
            let count = try count(minimumBytes: 5)
            var members: [GeoJSONGeometry] = []
            members.reserveCapacity(count)
            for _ in 0..<count {
                let saved = littleEndian
                members.append(try geometry(depth: depth + 1))
                littleEndian = saved
            }
            return members
        }

        private mutating func rings(stored: Int, kept: Int) throws -> [Positions] {
            let count = try count(minimumBytes: 4)
            var rings: [Positions] = []
            rings.reserveCapacity(count)
            for _ in 0..<count {
                rings.append(try positions(count: try self.count(minimumBytes: stored * 8), stored: stored, kept: kept))
            }
            return rings
        }

        private mutating func positions(count: Int, stored: Int, kept: Int) throws -> Positions {
            guard count <= (bytes.count - offset) / (stored * 8) else { throw truncated() }
            var values = [Double](repeating: 0, count: count * kept)
            values.withUnsafeMutableBufferPointer { out in
                for index in 0..<count {
                    for axis in 0..<kept {
                        out[index * kept + axis] = double(at: offset + (index * stored + axis) * 8)
                    }
                }
            }
            offset += count * stored * 8
            return Positions(values: values, dimension: kept)
        }

        /// A count that the bytes left could hold at `minimumBytes` per item.
        private mutating func count(minimumBytes: Int) throws -> Int {
            let value = Int(try uint32())
            guard value <= (bytes.count - offset) / max(minimumBytes, 1) else { throw truncated() }
            return value
        }

        private mutating func byte() throws -> UInt8 {
            guard offset < bytes.count else { throw truncated() }
            defer { offset += 1 }
            return bytes[offset]
        }

        private mutating func uint32() throws -> UInt32 {
            guard bytes.count - offset >= 4 else { throw truncated() }
            defer { offset += 4 }
            let raw = bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)
            return littleEndian ? UInt32(littleEndian: raw) : UInt32(bigEndian: raw)
        }

        /// The caller has checked that 8 bytes are there.
        private func double(at position: Int) -> Double {
            let raw = bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self)
            return Double(bitPattern: littleEndian ? UInt64(littleEndian: raw) : UInt64(bigEndian: raw))
        }

        private func truncated() -> WKBFormatError {
            WKBFormatError(
                description: "WKB is cut short or its counts are corrupt (at byte \(offset) of "
                    + "\(bytes.count))")
        }
    }

    private struct Writer {
        var bytes: [UInt8] = []

        mutating func geometry(_ geometry: GeoJSONGeometry) {
            let dimension = geometry.parts.first?.dimension ?? 2
            let z: UInt32 = dimension == 3 ? 1000 : 0
            bytes.append(1)
            switch geometry {
            case let .point(point):
                uint32(1 + z)
                if point.isEmpty {
                    for _ in 0..<dimension { double(.nan) }
                } else {
                    point.values.forEach { double($0) }
                }
            case let .multiPoint(points):
                uint32(4 + z)
                uint32(UInt32(truncatingIfNeeded: points.count))
                let dimension = points.dimension
                for start in stride(from: 0, to: points.values.count, by: dimension) {
                    let values = Array(points.values[start..<(start + dimension)])
                    self.geometry(.point(Positions(values: values, dimension: dimension)))
                }
            case let .lineString(line):
                uint32(2 + z)
                positions(line)
            case let .multiLineString(lines):
                uint32(5 + z)
                uint32(UInt32(truncatingIfNeeded: lines.count))
                lines.forEach { self.geometry(.lineString($0)) }
            case let .polygon(rings):
                uint32(3 + z)
                uint32(UInt32(truncatingIfNeeded: rings.count))
                rings.forEach { positions($0) }
            case let .multiPolygon(polygons):
                uint32(6 + z)
                uint32(UInt32(truncatingIfNeeded: polygons.count))
                polygons.forEach { self.geometry(.polygon($0)) }
            case let .collection(members):
                uint32(7 + z)
                uint32(UInt32(truncatingIfNeeded: members.count))
                members.forEach { self.geometry($0) }
            }
        }

        private mutating func positions(_ positions: Positions) {
            uint32(UInt32(truncatingIfNeeded: positions.count))
            bytes.reserveCapacity(bytes.count + positions.values.count * 8)
            positions.values.forEach { double($0) }
        }

        private mutating func uint32(_ value: UInt32) {
            withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
        }

        private mutating func double(_ value: Double) {
            withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
        }
    }
}
