import CGEOS

// WKB and WKT in and out, through readers and writers cached on the context.
//
// What GEOS 3.11 does with Z and M:
// - WKB: reads ISO (1000/2000/3000 type offsets) and extended (0x80000000 Z, 0x40000000 M flags) WKB.
//   Z is kept; M values are read and dropped (a PointZM becomes a PointZ, a PointM a 2D Point).
// - WKT: `POINT M (1 2 3)` is read as `POINT Z (1 2 3)`: the M value silently becomes Z. Never feed
//   measured WKT to GEOS 3.11; go through WKB, or drop M first (GDAL's `dropZM`).
// - Out: this wrapper writes ISO WKB and WKT with at most XYZ; an empty point is written as
//   `POINT (NaN NaN)` in WKB, which GEOS reads back as `POINT EMPTY`.
extension Geometry {
    // MARK: - Reading

    /// Reads ISO or extended WKB, either byte order, from any byte collection (`[UInt8]`, `Data`,
    /// `ArraySlice`, `UnsafeRawBufferPointer`; contiguous ones without a copy). See `GEOSWKBReader_read_r`.
    /// - Throws: ``GEOSError/invalidInput(function:message:)`` with the reader's message
    ///   (`ParseException: Unexpected EOF parsing WKB`).
    public convenience init(wkb bytes: some Collection<UInt8>, context: GEOSContext) throws {
        let function = "GEOSWKBReader_read_r"
        let created = try context.withWKBReader { reader -> OpaquePointer? in
            let read = { (buffer: UnsafeBufferPointer<UInt8>) -> OpaquePointer? in
                // returns NULL on exception; copies what it reads
                context.call { GEOSWKBReader_read_r($0, reader, buffer.baseAddress, buffer.count) }
            }
            if let result = bytes.withContiguousStorageIfAvailable(read) { return result }
            return Array(bytes).withUnsafeBufferPointer(read)
        }
        guard let created else {
            throw GEOSError.invalidInput(function: function, message: context.lastError ?? "unreadable WKB")
        }
        try self.init(owning: created, context: context)
    }

    /// Reads WKT (`POLYGON ((0 0, 1 0, 1 1, 0 0))`). See `GEOSWKTReader_read_r`.
    /// - Throws: ``GEOSError/invalidInput(function:message:)`` with the reader's message
    ///   (`ParseException: Expected word but encountered end of stream`).
    public convenience init(wkt text: String, context: GEOSContext) throws {
        let function = "GEOSWKTReader_read_r"
        let created = try context.withWKTReader { reader in
            // returns NULL on exception
            context.call { GEOSWKTReader_read_r($0, reader, text) }
        }
        guard let created else {
            throw GEOSError.invalidInput(function: function, message: context.lastError ?? "unreadable WKT")
        }
        try self.init(owning: created, context: context)
    }

    // MARK: - Writing

    /// ISO WKB, little endian, without SRID; Z is written when the geometry has it and `includeZ` is true.
    /// See `GEOSWKBWriter_write_r`.
    public func wkb(includeZ: Bool = true) throws -> [UInt8] {
        try context.withWKBWriter { writer in
            GEOSWKBWriter_setFlavor_r(context.handle, writer, Int32(GEOS_WKB_ISO.rawValue))  // no status
            GEOSWKBWriter_setByteOrder_r(context.handle, writer, Int32(GEOS_WKB_NDR.rawValue))  // no status
            GEOSWKBWriter_setIncludeSRID_r(context.handle, writer, 0)  // no status
            // no status; GEOS writes min(this, the geometry's coordinate dimension)
            GEOSWKBWriter_setOutputDimension_r(context.handle, writer, includeZ ? 3 : 2)
            var size = 0
            // returns a malloc'd buffer to free with GEOSFree_r, NULL on exception
            guard let bytes = context.call({ GEOSWKBWriter_write_r($0, writer, handle, &size) }) else {
                throw context.failure("GEOSWKBWriter_write_r")
            }
            defer { GEOSFree_r(context.handle, bytes) }  // no status; free()
            return Array(UnsafeBufferPointer(start: bytes, count: size))
        }
    }

    /// WKT with trailing zeros trimmed and Z when present. `precision` is the number of decimals; `nil`
    /// keeps GEOS's default of 16 decimals, so values below 1e-16 print as 0: use WKB to move geometries.
    /// See `GEOSWKTWriter_write_r`.
    public func wkt(precision: Int? = nil) throws -> String {
        try context.withWKTWriter { writer in
            GEOSWKTWriter_setTrim_r(context.handle, writer, 1)  // no status
            GEOSWKTWriter_setOutputDimension_r(context.handle, writer, 3)  // no status; XYZ at most
            GEOSWKTWriter_setOld3D_r(context.handle, writer, 0)  // no status; `POINT Z (…)`, not `POINT (x y z)`
            // no status; -1 means the geometry's precision model (16 decimals for floating)
            GEOSWKTWriter_setRoundingPrecision_r(context.handle, writer, Int32(clamping: precision ?? -1))
            // returns a malloc'd string to free with GEOSFree_r, NULL on exception
            guard let text = context.call({ GEOSWKTWriter_write_r($0, writer, handle) }) else {
                throw context.failure("GEOSWKTWriter_write_r")
            }
            defer { GEOSFree_r(context.handle, text) }  // no status; free()
            return String(cString: text)
        }
    }
}
