import CGEOS

// Building geometries from coordinates and from other geometries. GEOS's constructors take ownership of
// what they are given, also when they fail (they free it), so every pointer handed over here is a fresh
// coordinate sequence or a clone, never a handle some `Geometry` owns.
extension Geometry {
    // MARK: - Points and lines

    /// A 2D point. See `GEOSGeom_createPointFromXY_r`.
    public static func point(x: Double, y: Double, context: GEOSContext) throws -> Geometry {
        try context.makeGeometry("GEOSGeom_createPointFromXY_r") {
            // returns NULL on exception
            GEOSGeom_createPointFromXY_r($0, x, y)
        }
    }

    /// A 2D point. See `GEOSGeom_createPointFromXY_r`.
    public static func point(_ xy: XY, context: GEOSContext) throws -> Geometry {
        try point(x: xy.x, y: xy.y, context: context)
    }

    /// A line through `points` (none, or at least two). See `GEOSGeom_createLineString_r`.
    public static func lineString(_ points: [XY], context: GEOSContext) throws -> Geometry {
        let sequence = try context.makeSequence(points)
        return try context.makeGeometry("GEOSGeom_createLineString_r") {
            // takes ownership of the sequence (frees it on exception); returns NULL on exception
            GEOSGeom_createLineString_r($0, sequence)
        }
    }

    /// A closed ring (first point repeated last, none or at least four points).
    /// See `GEOSGeom_createLinearRing_r`.
    public static func linearRing(_ points: [XY], context: GEOSContext) throws -> Geometry {
        try Geometry(owning: try context.makeRing(points), context: context)
    }

    // MARK: - Polygons

    /// A polygon from a closed shell and closed holes; rings are not reoriented or checked for validity.
    /// See `GEOSGeom_createLinearRing_r`, `GEOSGeom_createPolygon_r`.
    /// - Throws: ``GEOSError/library(function:message:)`` naming the ring constructor when a ring is not
    ///   closed (`IllegalArgumentException: Points of LinearRing do not form a closed linestring`).
    public static func polygon(exterior: [XY], holes: [[XY]] = [], context: GEOSContext) throws -> Geometry {
        let shell = try context.makeRing(exterior)
        var rings: [OpaquePointer?] = []
        rings.reserveCapacity(holes.count)
        for hole in holes {
            do {
                rings.append(try context.makeRing(hole))
            } catch {
                // Not yet handed to GEOS: still ours to free.
                GEOSGeom_destroy_r(context.handle, shell)
                for ring in rings { if let ring { GEOSGeom_destroy_r(context.handle, ring) } }  // no status
                throw error
            }
        }
        return try context.makeGeometry("GEOSGeom_createPolygon_r") { handle in
            rings.withUnsafeMutableBufferPointer { buffer in
                // takes ownership of shell and holes (frees them on exception); returns NULL on exception
                GEOSGeom_createPolygon_r(handle, shell, buffer.baseAddress, UInt32(buffer.count))
            }
        }
    }

    // MARK: - Collections

    /// A MultiPoint of copies of `points`, which must all be Points of `context`.
    public static func multiPoint(_ points: [Geometry], context: GEOSContext) throws -> Geometry {
        try collection(of: .multiPoint, points, allowing: [.point], context: context)
    }

    /// A MultiLineString of copies of `lines`, which must all be LineStrings of `context`.
    public static func multiLineString(_ lines: [Geometry], context: GEOSContext) throws -> Geometry {
        try collection(of: .multiLineString, lines, allowing: [.lineString, .linearRing], context: context)
    }

    /// A MultiPolygon of copies of `polygons`, which must all be Polygons of `context`. The parts are
    /// not unioned: overlapping parts make an invalid MultiPolygon.
    public static func multiPolygon(_ polygons: [Geometry], context: GEOSContext) throws -> Geometry {
        try collection(of: .multiPolygon, polygons, allowing: [.polygon], context: context)
    }

    /// A GeometryCollection of copies of `geometries`, which must all belong to `context`.
    public static func collection(_ geometries: [Geometry], context: GEOSContext) throws -> Geometry {
        try collection(of: .geometryCollection, geometries, allowing: GeometryType.allCases, context: context)
    }

    /// See `GEOSGeom_clone_r`, `GEOSGeom_createCollection_r`.
    private static func collection(
        of type: GeometryType, _ members: [Geometry], allowing allowed: [GeometryType], context: GEOSContext
    ) throws -> Geometry {
        let operation = "GEOSGeom_createCollection_r"
        for member in members {
            guard member.context === context else { throw GEOSError.contextMismatch(operation: operation) }
            try member.requireType(allowed, operation)
        }
        var clones: [OpaquePointer?] = []
        clones.reserveCapacity(members.count)
        for member in members {
            // returns NULL on exception
            guard let clone = context.call({ GEOSGeom_clone_r($0, member.handle) }) else {
                let error = context.failure("GEOSGeom_clone_r")
                for clone in clones { if let clone { GEOSGeom_destroy_r(context.handle, clone) } }  // no status
                throw error
            }
            clones.append(clone)
        }
        return try context.makeGeometry(operation) { handle in
            clones.withUnsafeMutableBufferPointer { buffer in
                // takes ownership of the members (frees them on exception); returns NULL on exception
                GEOSGeom_createCollection_r(handle, Int32(type.rawValue), buffer.baseAddress, UInt32(buffer.count))
            }
        }
    }

    // MARK: - Empty geometries and boxes

    /// An empty geometry of any type. See `GEOSGeom_createEmptyPoint_r`, `GEOSGeom_createEmptyLineString_r`,
    /// `GEOSGeom_createEmptyPolygon_r`, `GEOSGeom_createEmptyCollection_r`.
    public static func empty(_ type: GeometryType, context: GEOSContext) throws -> Geometry {
        switch type {
        case .point:
            // returns NULL on exception
            return try context.makeGeometry("GEOSGeom_createEmptyPoint_r") { GEOSGeom_createEmptyPoint_r($0) }
        case .lineString:
            return try context.makeGeometry("GEOSGeom_createEmptyLineString_r") {
                // returns NULL on exception
                GEOSGeom_createEmptyLineString_r($0)
            }
        case .linearRing:
            return try linearRing([], context: context)
        case .polygon:
            // returns NULL on exception
            return try context.makeGeometry("GEOSGeom_createEmptyPolygon_r") { GEOSGeom_createEmptyPolygon_r($0) }
        case .multiPoint, .multiLineString, .multiPolygon, .geometryCollection:
            return try context.makeGeometry("GEOSGeom_createEmptyCollection_r") {
                // returns NULL on exception
                GEOSGeom_createEmptyCollection_r($0, Int32(type.rawValue))
            }
        }
    }

    /// The box as a Polygon (a Point when it has no extent). See `GEOSGeom_createRectangle_r`.
    public static func rectangle(_ envelope: Envelope, context: GEOSContext) throws -> Geometry {
        try context.makeGeometry("GEOSGeom_createRectangle_r") {
            // returns NULL on exception
            GEOSGeom_createRectangle_r($0, envelope.minX, envelope.minY, envelope.maxX, envelope.maxY)
        }
    }
}

// MARK: - Coordinate sequences and rings

extension GEOSContext {
    /// A new 2D coordinate sequence the caller must hand to a GEOS constructor (or destroy).
    /// See `GEOSCoordSeq_copyFromBuffer_r`.
    func makeSequence(_ points: [XY]) throws -> OpaquePointer {
        var flat: [Double] = []
        flat.reserveCapacity(points.count * 2)
        for point in points {
            flat.append(point.x)
            flat.append(point.y)
        }
        let sequence = flat.withUnsafeBufferPointer { buffer in
            // returns NULL on exception; copies 2 × count doubles
            call { GEOSCoordSeq_copyFromBuffer_r($0, buffer.baseAddress, UInt32(points.count), 0, 0) }
        }
        guard let sequence else { throw failure("GEOSCoordSeq_copyFromBuffer_r") }
        return sequence
    }

    /// A new ring the caller must hand to a GEOS constructor (or destroy). See `GEOSGeom_createLinearRing_r`.
    func makeRing(_ points: [XY]) throws -> OpaquePointer {
        let sequence = try makeSequence(points)
        // takes ownership of the sequence (frees it on exception); returns NULL on exception
        guard let ring = call({ GEOSGeom_createLinearRing_r($0, sequence) }) else {
            throw failure("GEOSGeom_createLinearRing_r")
        }
        return ring
    }
}
