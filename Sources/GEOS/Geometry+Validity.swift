import CGEOS

/// Whether a geometry is valid in the OGC sense, and if not, GEOS's reason and where.
public struct ValidityReport: Hashable, Sendable, CustomStringConvertible {
    /// Whether GEOS found nothing wrong.
    public let isValid: Bool
    /// GEOS's words, e.g. `Self-intersection`, `Ring Self-intersection`, `Too few points in geometry
    /// component`; `nil` when valid.
    public let reason: String?
    /// Where the first problem was found; `nil` when valid.
    public let location: XY?

    /// A report, e.g. to compare with one from ``Geometry/validity(allowSelfTouchingRingFormingHole:)``.
    public init(isValid: Bool, reason: String?, location: XY?) {
        self.isValid = isValid
        self.reason = reason
        self.location = location
    }

    /// `valid`, or GEOS's reason and place: `Self-intersection at 0.5 0.5`.
    public var description: String {
        guard !isValid else { return "valid" }
        let place = location.map { " at \($0)" } ?? ""
        return (reason ?? "invalid") + place
    }
}

/// How ``Geometry/makeValid(method:)`` repairs a geometry (GEOS's `GEOSMakeValidMethods`).
public enum MakeValidMethod: Hashable, Sendable {
    /// GEOS's original method: nodes all rings into lines and builds polygons from them; parts that
    /// collapse (a spike, a zero-area sliver) come back as lines or points, so a polygon may become a
    /// GeometryCollection.
    case linework
    /// Makes each ring valid, unions the shells and subtracts the holes, assuming holes and shells are
    /// classified correctly. With `keepCollapsed: false`, collapsed parts are dropped, so a polygon stays
    /// polygonal (possibly empty).
    case structure(keepCollapsed: Bool)
}

extension Geometry {
    // MARK: - Checking

    /// Whether the geometry is valid. See `GEOSisValid_r`.
    public var isValid: Bool {
        get throws {
            try context.predicate("GEOSisValid_r") {
                // 1 valid, 0 invalid, 2 on exception
                GEOSisValid_r($0, handle)
            }
        }
    }

    /// Validity with GEOS's reason and location. With `allowSelfTouchingRingFormingHole`, a shell that
    /// touches itself at a point to enclose a hole (the ESRI "inverted hole") counts as valid.
    /// See `GEOSisValidDetail_r`.
    public func validity(allowSelfTouchingRingFormingHole: Bool = false) throws -> ValidityReport {
        let allow = Int32(GEOSVALID_ALLOW_SELFTOUCHING_RING_FORMING_HOLE.rawValue)
        let flags = allowSelfTouchingRingFormingHole ? allow : 0
        var reason: UnsafeMutablePointer<CChar>?
        var location: OpaquePointer?
        // 1 valid, 0 invalid, 2 on exception; when invalid, `reason` is to free with GEOSFree_r and
        // `location` (a Point) to destroy; both NULL when valid
        let result = context.call { GEOSisValidDetail_r($0, handle, flags, &reason, &location) }
        let text = reason.map { String(cString: $0) }
        if let reason { GEOSFree_r(context.handle, reason) }  // no status; free()
        let point = try location.map { try Geometry(owning: $0, context: context) }
        guard result == 0 || result == 1 else { throw context.failure("GEOSisValidDetail_r") }
        if result == 1 { return ValidityReport(isValid: true, reason: nil, location: nil) }
        return ValidityReport(isValid: false, reason: text, location: try point?.coordinates.first)
    }

    // MARK: - Repairing

    /// A valid version of this geometry. See `GEOSMakeValidWithParams_r`.
    ///
    /// The default, `.structure(keepCollapsed: false)`, keeps polygons polygonal; `.linework` may return a
    /// GeometryCollection with lines where the input collapsed: follow it with ``polygonalPart()`` to keep
    /// the polygon dimension.
    public func makeValid(method: MakeValidMethod = .structure(keepCollapsed: false)) throws -> Geometry {
        // returns NULL on exception
        guard let parameters = context.call({ GEOSMakeValidParams_create_r($0) }) else {
            throw context.failure("GEOSMakeValidParams_create_r")
        }
        defer { GEOSMakeValidParams_destroy_r(context.handle, parameters) }  // no status
        let (code, keepCollapsed): (GEOSMakeValidMethods, Bool)
        switch method {
        case .linework: (code, keepCollapsed) = (GEOS_MAKE_VALID_LINEWORK, false)
        case let .structure(keep): (code, keepCollapsed) = (GEOS_MAKE_VALID_STRUCTURE, keep)
        }
        // returns 1 on success, 0 on exception
        guard context.call({ GEOSMakeValidParams_setMethod_r($0, parameters, code) }) == 1 else {
            throw context.failure("GEOSMakeValidParams_setMethod_r")
        }
        // returns 1 on success, 0 on exception
        guard context.call({ GEOSMakeValidParams_setKeepCollapsed_r($0, parameters, keepCollapsed ? 1 : 0) }) == 1
        else { throw context.failure("GEOSMakeValidParams_setKeepCollapsed_r") }
        return try context.makeGeometry("GEOSMakeValidWithParams_r") {
            // returns NULL on exception
            GEOSMakeValidWithParams_r($0, handle, parameters)
        }
    }

    /// The polygons of this geometry, as a Polygon or MultiPolygon: a (Multi)Polygon is returned as is,
    /// a collection's non-empty polygons are gathered (nested collections included), and anything else
    /// gives an empty MultiPolygon. Lines and points are dropped.
    ///
    /// Parts are not unioned, which is right for ``makeValid(method:)`` output (its polygons do not
    /// overlap); for other collections, follow with ``unaryUnion()``.
    public func polygonalPart() throws -> Geometry {
        if type.isPolygonal { return self }
        var polygons: [Geometry] = []
        try collectPolygons(into: &polygons)
        if polygons.count == 1 { return try polygons[0].clone() }
        return try Geometry.multiPolygon(polygons, context: context)
    }

    private func collectPolygons(into polygons: inout [Geometry]) throws {
        switch type {
        case .polygon:
            if !isEmpty { polygons.append(self) }
        case .multiPolygon, .geometryCollection:
            for member in try geometries { try member.collectPolygons(into: &polygons) }
        case .point, .lineString, .linearRing, .multiPoint, .multiLineString:
            break
        }
    }
}
