import CPROJ
import Foundation

/// A coordinate reference system (a PROJ `PJ` that is a CRS).
///
/// Not `Sendable`: it belongs to its context's thread.
public final class CRS {
    let pj: OpaquePointer
    public let context: ProjContext
    /// The definition it was made from, for messages.
    public let definition: String

    /// Makes a CRS from `EPSG:4326`, a bare code (`32647`, taken as EPSG), `urn:ogc:def:crs:EPSG::4326`,
    /// WKT1/WKT2, PROJJSON or a PROJ string (`+proj=utm +zone=47 +datum=WGS84`). Refuses objects that are not
    /// CRSs (an operation, an ellipsoid). See `proj_create`.
    public init(_ definition: String, context: ProjContext) throws {
        self.context = context
        self.definition = definition
        let trimmed = definition.trimmingCharacters(in: .whitespacesAndNewlines)
        var text = trimmed.allSatisfy(\.isNumber) && !trimmed.isEmpty ? "EPSG:\(trimmed)" : trimmed
        // A PROJ string describes a CRS only with +type=crs; without it PROJ makes a conversion.
        if text.hasPrefix("+"), !text.contains("+type=crs") { text += " +type=crs" }
        context.beginCall()
        // returns a new PJ, NULL when the text is not understood
        guard let pj = proj_create(context.handle, text) else {
            throw PROJError.invalidDefinition(definition: definition, message: context.failureMessage())
        }
        // returns 1 for CRS objects
        guard proj_is_crs(pj) != 0 else {
            proj_destroy(pj)
            throw PROJError.invalidDefinition(definition: definition, message: "it is not a coordinate reference system")
        }
        self.pj = pj
    }

    init(taking pj: OpaquePointer, context: ProjContext, definition: String) {
        self.pj = pj
        self.context = context
        self.definition = definition
    }

    deinit {
        proj_destroy(pj)  // before the context, which this object keeps alive
    }

    /// WGS 84 geographic, EPSG:4326.
    public static func wgs84(context: ProjContext) throws -> CRS {
        try CRS("EPSG:4326", context: context)
    }

    /// "WGS 84 / UTM zone 47N".
    public var name: String {
        // returns a string owned by the PJ, or NULL
        proj_get_name(pj).map { String(cString: $0) } ?? "unnamed"
    }

    /// Authority and code. When the CRS carries none (an ESRI `.prj`), `proj_identify` is asked and an EPSG match
    /// with a confidence of 70 % or more (what PROJ gives a PROJ string that matches) is accepted, if unique.
    public var identifier: CRSIdentifier? {
        if let own = CRSIdentifier(pj) { return own }
        var confidences: UnsafeMutablePointer<Int32>?
        context.beginCall()
        // returns a list of candidate CRSs (ours to destroy) and their confidences (ours to free)
        guard let list = proj_identify(context.handle, pj, "EPSG", nil, &confidences) else { return nil }
        defer {
            proj_list_destroy(list)
            proj_int_list_destroy(confidences)
        }
        let count = proj_list_get_count(list)
        guard count > 0, let confidences, confidences[0] >= 70,
              count == 1 || confidences[1] < confidences[0],
              let best = proj_list_get(context.handle, list, 0) else { return nil }
        defer { proj_destroy(best) }
        return CRSIdentifier(best)
    }

    public var kind: CRSKind {
        CRSKind(proj_get_type(pj))  // returns the object's type
    }

    public var isGeographic: Bool { kind == .geographic2D || kind == .geographic3D }

    /// WKT2 (2019).
    public var wkt: String {
        context.beginCall()
        // returns a string owned by the PJ, NULL on failure
        return proj_as_wkt(context.handle, pj, PJ_WKT2_2019, nil).map { String(cString: $0) } ?? ""
    }

    public var projJSON: String {
        context.beginCall()
        return proj_as_projjson(context.handle, pj, nil).map { String(cString: $0) } ?? ""
    }

    /// A PROJ string, when the CRS can be written as one.
    public var projString: String? {
        context.beginCall()
        return proj_as_proj_string(context.handle, pj, PJ_PROJ_5, nil).map { String(cString: $0) }
    }

    public var areaOfUse: AreaOfUse? {
        PROJ.areaOfUse(of: pj, context: context)
    }

    /// The geodetic (geographic or geocentric) CRS underneath, e.g. WGS 84 under UTM 47N.
    public func geodeticCRS() throws -> CRS {
        context.beginCall()
        // returns a new PJ, NULL on failure
        guard let geodetic = proj_crs_get_geodetic_crs(context.handle, pj) else {
            throw PROJError.library(function: "proj_crs_get_geodetic_crs", message: context.failureMessage())
        }
        return CRS(taking: geodetic, context: context, definition: "geodetic CRS of \(name)")
    }

    /// Whether both describe the same CRS (ignoring axis order). See `proj_is_equivalent_to_with_ctx`.
    public func isEquivalent(to other: CRS) -> Bool {
        proj_is_equivalent_to_with_ctx(context.handle, pj, other.pj, PJ_COMP_EQUIVALENT_EXCEPT_AXIS_ORDER_GEOGCRS) != 0
    }
}

extension CRS: CustomStringConvertible {
    public var description: String {
        identifier.map { "\(name) (\($0))" } ?? name
    }
}

/// An authority and code, e.g. EPSG and 32647.
public struct CRSIdentifier: Hashable, Sendable, CustomStringConvertible {
    public var authority: String
    public var code: String

    init?(_ pj: OpaquePointer) {
        // both return strings owned by the PJ, NULL when the object has no identifier
        guard let authority = proj_get_id_auth_name(pj, 0), let code = proj_get_id_code(pj, 0) else { return nil }
        self.authority = String(cString: authority)
        self.code = String(cString: code)
    }

    public var description: String { "\(authority):\(code)" }
}

/// What kind of CRS.
public enum CRSKind: Hashable, Sendable {
    case geographic2D, geographic3D, projected, geocentric, compound, vertical, other

    init(_ type: PJ_TYPE) {
        switch type {
        case PJ_TYPE_GEOGRAPHIC_2D_CRS: self = .geographic2D
        case PJ_TYPE_GEOGRAPHIC_3D_CRS: self = .geographic3D
        case PJ_TYPE_PROJECTED_CRS: self = .projected
        case PJ_TYPE_GEOCENTRIC_CRS: self = .geocentric
        case PJ_TYPE_COMPOUND_CRS: self = .compound
        case PJ_TYPE_VERTICAL_CRS: self = .vertical
        default: self = .other
        }
    }
}

/// Where a CRS or operation applies, from PROJ's database.
func areaOfUse(of pj: OpaquePointer, context: ProjContext) -> AreaOfUse? {
    var west = 0.0, south = 0.0, east = 0.0, north = 0.0
    var name: UnsafePointer<CChar>?
    // returns 1 when the object has an area of use; -1000 values when a bound is unknown
    guard proj_get_area_of_use(context.handle, pj, &west, &south, &east, &north, &name) != 0, west > -1000 else {
        return nil
    }
    return AreaOfUse(west: west, south: south, east: east, north: north, name: name.map { String(cString: $0) })
}
