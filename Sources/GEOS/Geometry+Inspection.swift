import CGEOS

// Structure and coordinates. The non-throwing properties wrap GEOS calls that raise no exception for a
// valid handle, which is all a `Geometry` ever holds; their fallbacks are documented but unreachable.
extension Geometry {
    // MARK: - Structure

    /// Whether the geometry has no points. See `GEOSisEmpty_r`.
    public var isEmpty: Bool {
        // 1 true, 0 false, 2 on exception (treated as not empty)
        context.call { GEOSisEmpty_r($0, handle) } == 1
    }

    /// Whether coordinates carry Z. See `GEOSHasZ_r`.
    ///
    /// GEOS 3.11 keeps no M: WKB M values are dropped on reading, and WKT `POINT M (1 2 3)` is read as
    /// `POINT Z (1 2 3)` (the M value becomes Z), so read M data through WKB, never WKT.
    public var hasZ: Bool {
        // 1 true, 0 false, 2 on exception (treated as no Z)
        context.call { GEOSHasZ_r($0, handle) } == 1
    }

    /// The topological dimension: 0 points, 1 lines, 2 polygons; a collection has its members' largest,
    /// and an empty GeometryCollection -1. See `GEOSGeom_getDimensions_r`.
    public var dimension: Int {
        // returns the dimension, 0 on exception
        Int(context.call { GEOSGeom_getDimensions_r($0, handle) })
    }

    /// Members of a collection; 1 for a single geometry. See `GEOSGetNumGeometries_r`.
    public var numberOfGeometries: Int {
        // returns the count, -1 on exception
        Swift.max(0, Int(context.call { GEOSGetNumGeometries_r($0, handle) }))
    }

    /// The member at `index` of a collection, borrowed: it keeps this geometry alive. For a single
    /// geometry, index 0 is the geometry itself. See `GEOSGetGeometryN_r`.
    public func geometry(at index: Int) throws -> Geometry {
        let count = numberOfGeometries
        // GEOS 3.11 checks only for a negative index; past the end would read out of bounds.
        guard index >= 0, index < count else {
            throw GEOSError.indexOutOfRange(operation: "GEOSGetGeometryN_r", index: index, count: count)
        }
        // returns a pointer into this geometry (do not free), NULL on exception
        guard let member = context.call({ GEOSGetGeometryN_r($0, handle, Int32(index)) }) else {
            throw context.failure("GEOSGetGeometryN_r")
        }
        return try Geometry(borrowing: member, parent: self)
    }

    /// All members, borrowed. See ``geometry(at:)``.
    public var geometries: [Geometry] {
        get throws { try (0..<numberOfGeometries).map { try geometry(at: $0) } }
    }

    /// A polygon's shell, borrowed. See `GEOSGetExteriorRing_r`.
    public var exteriorRing: Geometry {
        get throws {
            try requireType([.polygon], "GEOSGetExteriorRing_r")
            // returns a pointer into this polygon (do not free), NULL on exception
            guard let ring = context.call({ GEOSGetExteriorRing_r($0, handle) }) else {
                throw context.failure("GEOSGetExteriorRing_r")
            }
            return try Geometry(borrowing: ring, parent: self)
        }
    }

    /// A polygon's holes, borrowed. See `GEOSGetNumInteriorRings_r`, `GEOSGetInteriorRingN_r`.
    public var interiorRings: [Geometry] {
        get throws {
            try requireType([.polygon], "GEOSGetInteriorRingN_r")
            // returns the count, -1 on exception
            let count = context.call { GEOSGetNumInteriorRings_r($0, handle) }
            guard count >= 0 else { throw context.failure("GEOSGetNumInteriorRings_r") }
            return try (0..<count).map { index in
                // returns a pointer into this polygon (do not free), NULL on exception
                guard let ring = context.call({ GEOSGetInteriorRingN_r($0, handle, index) }) else {
                    throw context.failure("GEOSGetInteriorRingN_r")
                }
                return try Geometry(borrowing: ring, parent: self)
            }
        }
    }

    // MARK: - Coordinates

    /// How many coordinates all parts hold together (closing points included). See `GEOSGetNumCoordinates_r`.
    public var numberOfCoordinates: Int {
        // returns the count, -1 on exception
        Swift.max(0, Int(context.call { GEOSGetNumCoordinates_r($0, handle) }))
    }

    /// Every coordinate, x and y only, in storage order: a polygon's shell then its holes, a collection's
    /// members in turn.
    public var coordinates: [XY] {
        get throws {
            var result: [XY] = []
            result.reserveCapacity(numberOfCoordinates)
            try appendCoordinates(to: &result)
            return result
        }
    }

    private func appendCoordinates(to result: inout [XY]) throws {
        switch type {
        case .point, .lineString, .linearRing:
            let flat = try interleavedXY()
            for index in stride(from: 0, to: flat.count, by: 2) {
                result.append(XY(flat[index], flat[index + 1]))
            }
        case .polygon:
            try exteriorRing.appendCoordinates(to: &result)
            for hole in try interiorRings { try hole.appendCoordinates(to: &result) }
        case .multiPoint, .multiLineString, .multiPolygon, .geometryCollection:
            for member in try geometries { try member.appendCoordinates(to: &result) }
        }
    }

    /// The coordinates of a point, line or ring as `[x0, y0, x1, y1, …]`, copied in one call (Z and M
    /// left out): the fast path for geodesic measures and output writers.
    /// See `GEOSGeom_getCoordSeq_r`, `GEOSCoordSeq_copyToBuffer_r`.
    public func interleavedXY() throws -> [Double] {
        try requireType([.point, .lineString, .linearRing], "GEOSGeom_getCoordSeq_r")
        // returns a pointer into this geometry (do not free), NULL on exception
        guard let sequence = context.call({ GEOSGeom_getCoordSeq_r($0, handle) }) else {
            throw context.failure("GEOSGeom_getCoordSeq_r")
        }
        var size: UInt32 = 0
        // returns 1 on success, 0 on exception
        guard context.call({ GEOSCoordSeq_getSize_r($0, sequence, &size) }) == 1 else {
            throw context.failure("GEOSCoordSeq_getSize_r")
        }
        var status: Int32 = 1
        let flat = [Double](unsafeUninitializedCapacity: Int(size) * 2) { buffer, initialized in
            if let base = buffer.baseAddress, size > 0 {
                // returns 1 on success, 0 on exception; writes exactly 2 × size doubles
                status = context.call { GEOSCoordSeq_copyToBuffer_r($0, sequence, base, 0, 0) }
            }
            initialized = status == 1 ? Int(size) * 2 : 0
        }
        guard status == 1 else { throw context.failure("GEOSCoordSeq_copyToBuffer_r") }
        return flat
    }

    /// The bounding box, or nil for an empty geometry. See `GEOSGeom_getExtent_r`.
    public var bounds: Envelope? {
        guard !isEmpty else { return nil }
        var minX = 0.0
        var minY = 0.0
        var maxX = 0.0
        var maxY = 0.0
        // returns 1 on success, 0 on exception (raised for empty input, excluded above)
        guard context.call({ GEOSGeom_getExtent_r($0, handle, &minX, &minY, &maxX, &maxY) }) == 1 else {
            return nil
        }
        return Envelope(minX: minX, minY: minY, maxX: maxX, maxY: maxY)
    }

    // MARK: - Checks

    /// Throws ``GEOSError/wrongGeometryType(operation:expected:got:)`` unless the type is one of `expected`.
    func requireType(_ expected: [GeometryType], _ operation: String) throws {
        guard expected.contains(type) else {
            throw GEOSError.wrongGeometryType(operation: operation, expected: expected, got: type)
        }
    }
}
