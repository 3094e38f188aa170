import CGDAL

/// A geometry held by GDAL (`OGRGeometryH`): what features carry and what writers take.
///
/// Either owned (freed in `deinit`) or borrowed from a feature, in which case it keeps that feature alive and
/// never frees itself. Heavy geometry work belongs to GEOS; this type moves geometries in and out of GDAL:
/// ISO WKB, coordinate transformation, dropping Z/M.
///
/// Not `Sendable`: OGR geometries are plain C++ objects without synchronisation.
public final class OGRGeometry {
    let handle: OGRGeometryH
    /// The owner of a borrowed geometry; `nil` when this object owns `handle`.
    private let owner: AnyObject?
    /// Set when ownership passed to GDAL (`OGR_G_ForceTo*` take their argument).
    private var released = false

    init(owning handle: OGRGeometryH) {
        self.handle = handle
        owner = nil
    }

    init(borrowing handle: OGRGeometryH, from owner: AnyObject) {
        self.handle = handle
        self.owner = owner
    }

    /// Parses ISO or extended WKB. See `OGR_G_CreateFromWkbEx`.
    public convenience init(wkb: [UInt8]) throws {
        GDALLibrary.ensureRegistered()
        var created: OGRGeometryH?
        let error = withCPLErrorCapture { capture -> (OGRErr, String) in
            // returns OGRERR_NONE and a new geometry in `created`
            let code = wkb.withUnsafeBytes { OGR_G_CreateFromWkbEx($0.baseAddress, nil, &created, wkb.count) }
            return (code, capture.lastFailure)
        }
        guard error.0 == OGRERR_NONE, let created else {
            throw GDALError.invalidGeometry(message: error.1.isEmpty ? "WKB is corrupt or truncated" : error.1)
        }
        self.init(owning: created)
    }

    /// Parses ISO WKT. See `OGR_G_CreateFromWkt`.
    public convenience init(wkt: String) throws {
        GDALLibrary.ensureRegistered()
        var created: OGRGeometryH?
        let (code, message) = wkt.withCString { text -> (OGRErr, String) in
            var cursor: UnsafeMutablePointer<CChar>? = UnsafeMutablePointer(mutating: text)
            return withCPLErrorCapture { capture in
                // returns OGRERR_NONE and a new geometry in `created`; advances `cursor`
                (OGR_G_CreateFromWkt(&cursor, nil, &created), capture.lastFailure)
            }
        }
        guard code == OGRERR_NONE, let created else {
            throw GDALError.invalidGeometry(
                message: message.isEmpty ? "cannot parse WKT \"\(wkt.prefix(60))\"" : message)
        }
        self.init(owning: created)
    }

    deinit {
        if owner == nil, !released { OGR_G_DestroyGeometry(handle) }
    }

    public var type: GeometryType {
        // returns the type, with Z/M flags
        GeometryType(OGR_G_GetGeometryType(handle))
    }

    public var isEmpty: Bool { OGR_G_IsEmpty(handle) != 0 }

    /// The members of a collection or the rings of a polygon; 0 for a point or a line.
    public var partCount: Int {
        Int(OGR_G_GetGeometryCount(handle))  // 0 for simple geometries
    }

    /// ISO WKB, little-endian, with Z and M as the geometry has them (see `dropZM`).
    public func wkb() -> [UInt8] {
        // returns the byte count of the ISO WKB
        let size = Int(OGR_G_WkbSize(handle))
        var bytes = [UInt8](repeating: 0, count: size)
        // returns OGRERR_NONE; fills exactly `size` bytes
        _ = bytes.withUnsafeMutableBytes {
            OGR_G_ExportToIsoWkb(handle, wkbNDR, $0.baseAddress?.assumingMemoryBound(to: UInt8.self))
        }
        return bytes
    }

    /// WKT, for messages and CSV.
    public var wkt: String {
        var text: UnsafeMutablePointer<CChar>?
        // returns OGRERR_NONE and a CPLMalloc'd string
        _ = OGR_G_ExportToIsoWkt(handle, &text)
        return takeCPLString(text) ?? ""
    }

    /// A deep copy this object owns.
    public func clone() throws -> OGRGeometry {
        // returns a new geometry, NULL on failure
        guard let copy = OGR_G_Clone(handle) else { throw GDALError.invalidGeometry(message: "cannot copy") }
        return OGRGeometry(owning: copy)
    }

    /// Drops Z and M values in place.
    public func dropZM() {
        OGR_G_Set3D(handle, 0)  // removes Z
        OGR_G_SetMeasured(handle, 0)  // removes M
    }

    /// Whether the geometry holds circular arcs (CircularString, CurvePolygon…), which GEOS cannot read.
    public var hasCurves: Bool {
        OGR_G_HasCurveGeometry(handle, 0) != 0  // non-linear parts anywhere in the geometry
    }

    /// A copy with every arc replaced by line segments (GDAL's default step of 4°).
    /// See `OGR_G_GetLinearGeometry`.
    public func linearized() throws -> OGRGeometry {
        // returns a new geometry we own, NULL on failure
        guard let linear = OGR_G_GetLinearGeometry(handle, 0, nil) else {
            throw GDALError.invalidGeometry(message: "cannot turn curves into line segments")
        }
        return OGRGeometry(owning: linear)
    }

    /// ISO WKB with x/y only and curves linearised: what GEOS reads.
    public func planarWKB() throws -> [UInt8] {
        guard hasCurves || type.hasZ || type.hasM else { return wkb() }
        let copy = hasCurves ? try linearized() : try clone()
        copy.dropZM()
        return copy.wkb()
    }

    /// A copy promoted to MultiPolygon (polygons become one-part multi-polygons), as `ogr2ogr -nlt
    /// PROMOTE_TO_MULTI` does, so a layer holds one type. See `OGR_G_ForceToMultiPolygon`.
    public func promotedToMultiPolygon() throws -> OGRGeometry {
        let copy = try clone()
        // takes ownership of its argument and returns the result (the same object or a new one)
        guard let multi = OGR_G_ForceToMultiPolygon(copy.releaseOwnership()) else {
            throw GDALError.invalidGeometry(message: "cannot promote to MultiPolygon")
        }
        return OGRGeometry(owning: multi)
    }

    /// Gives up ownership for a C function that takes it; `deinit` will not free the handle afterwards.
    private func releaseOwnership() -> OGRGeometryH {
        released = true
        return handle
    }

    /// Rewrites every position's x/y in place with `transform`, which receives them interleaved (`x0, y0, x1,
    /// y1…`) one simple part (point, line, ring, arc) at a time; Z and M are kept. For transformations GDAL cannot
    /// express, such as a PROJ operation forced on projected data. See `OGR_G_GetPointsZM`, `OGR_G_SetPointsZM`.
    public func transformXY(_ transform: (inout [Double]) throws -> Void) throws {
        try Self.transformXY(handle, transform)
    }

    private static func transformXY(_ handle: OGRGeometryH, _ transform: (inout [Double]) throws -> Void) throws {
        // returns the number of sub-geometries (parts, rings) of a collection or polygon, 0 for simple parts
        let parts = OGR_G_GetGeometryCount(handle)
        if parts > 0 {
            for index in 0..<parts {
                // returns a part owned by `handle`
                guard let part = OGR_G_GetGeometryRef(handle, index) else { continue }
                try transformXY(part, transform)
            }
            return
        }
        let count = Int(OGR_G_GetPointCount(handle))  // 0 for empty parts
        guard count > 0 else { return }
        var xs = [Double](repeating: 0, count: count)
        var ys = xs
        var zs = xs
        var ms = xs
        let stride = Int32(MemoryLayout<Double>.stride)
        // returns the number of points copied into the arrays
        _ = OGR_G_GetPointsZM(handle, &xs, stride, &ys, stride, &zs, stride, &ms, stride)
        var xy = [Double](repeating: 0, count: 2 * count)
        for index in 0..<count {
            xy[2 * index] = xs[index]
            xy[2 * index + 1] = ys[index]
        }
        try transform(&xy)
        for index in 0..<count {
            xs[index] = xy[2 * index]
            ys[index] = xy[2 * index + 1]
        }
        let type = GeometryType(OGR_G_GetGeometryType(handle))
        // copies the points in; NULL arrays leave Z or M absent
        if type.hasZ, type.hasM {
            OGR_G_SetPointsZM(handle, Int32(count), &xs, stride, &ys, stride, &zs, stride, &ms, stride)
        } else if type.hasZ {
            OGR_G_SetPointsZM(handle, Int32(count), &xs, stride, &ys, stride, &zs, stride, nil, 0)
        } else if type.hasM {
            OGR_G_SetPointsZM(handle, Int32(count), &xs, stride, &ys, stride, nil, 0, &ms, stride)
        } else {
            OGR_G_SetPointsZM(handle, Int32(count), &xs, stride, &ys, stride, nil, 0, nil, 0)
        }
    }

    /// Reprojects in place. See `OGR_G_Transform`.
    public func transform(with transformation: CoordinateTransformation) throws {
        try withCPLErrorCapture { capture in
            // returns OGRERR_NONE on success
            guard OGR_G_Transform(handle, transformation.handle) == OGRERR_NONE else {
                throw GDALError.library(
                    function: "OGR_G_Transform", message: capture.lastFailure,
                    context: "transforming a geometry to \(transformation.target)")
            }
        }
    }

    /// The 2D bounding box, or nil when empty.
    public var envelope: Envelope? {
        guard !isEmpty else { return nil }
        var box = OGREnvelope()
        OGR_G_GetEnvelope(handle, &box)  // fills the box
        return Envelope(minX: box.MinX, minY: box.MinY, maxX: box.MaxX, maxY: box.MaxY)
    }
}
