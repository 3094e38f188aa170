import CPROJ
import Foundation

/// A coordinate reference system: the owner of one PROJ `PJ` that is a CRS.
///
/// Not `Sendable`: it belongs to its context, which belongs to one thread. It holds its context strongly, so its
/// `PJ` is always destroyed before the context (see `ProjContext`).
public final class CRS {
    let pj: OpaquePointer
    public let context: ProjContext
    /// The definition it was made from, for messages.
    public let definition: String
    /// `identifier`, looked up once (`proj_identify` queries the database).
    private var identified: CRSIdentifier??

    /// Makes a CRS from any definition PROJ understands:
    /// - `EPSG:4326`, a bare code `32647` (taken as EPSG), `urn:ogc:def:crs:EPSG::4326`;
    /// - WKT1 (including ESRI's, as in a shapefile's `.prj`) or WKT2;
    /// - a PROJ string, `+proj=utm +zone=47 +datum=WGS84` (`+type=crs` is added when missing);
    /// - PROJJSON.
    ///
    /// Refuses what is not a CRS, naming it: an operation (`+proj=pipeline …`,
    /// `urn:ogc:def:coordinateOperation:EPSG::1304`), an ellipsoid (`urn:ogc:def:ellipsoid:EPSG::7030`), and
    /// says what a code such as `EPSG:1304` is when it is not a CRS.
    ///
    /// - Throws: `PROJError.invalidDefinition` with PROJ's message (`crs not found`).
    /// See `proj_create`.
    public init(_ definition: String, context: ProjContext) throws {
        self.context = context
        self.definition = definition
        let text = Self.normalizedText(definition)
        guard !text.isEmpty else {
            throw PROJError.invalidDefinition(definition: definition, message: "the definition is empty")
        }
        context.beginCall()
        // returns a new PJ, NULL when the text is not understood
        guard let pj = proj_create(context.handle, text) else {
            var message = context.takeCreationFailure()
            if let code = CRSIdentifier(parsing: text), let what = Self.nonCRSObject(named: code, context: context) {
                message = "\(code) is \(what), not a coordinate reference system"
            }
            throw PROJError.invalidDefinition(definition: definition, message: message)
        }
        // returns 1 for CRS objects, 0 otherwise
        guard proj_is_crs(pj) != 0 else {
            let type = proj_get_type(pj)  // returns the object's type
            proj_destroy(pj)
            throw PROJError.invalidDefinition(
                definition: definition,
                message: "it is \(describe(type)), not a coordinate reference system")
        }
        self.pj = pj
    }

    /// Takes ownership of a CRS `PJ` made by PROJ from another object.
    init(taking pj: OpaquePointer, context: ProjContext, definition: String) {
        self.pj = pj
        self.context = context
        self.definition = definition
    }

    deinit {
        proj_destroy(pj)  // runs before the context's deinit: this object holds the context strongly
    }

    /// WGS 84 geographic, EPSG:4326 (used in lon/lat order by every `Transformer`).
    public static func wgs84(context: ProjContext) throws -> CRS {
        try CRS("EPSG:4326", context: context)
    }

    // MARK: - Description

    /// "WGS 84 / UTM zone 47N"; "unknown" for a PROJ string. See `proj_get_name`.
    public var name: String {
        // returns a string owned by the PJ, NULL when the object has no name
        proj_get_name(pj).map { String(cString: $0) } ?? "unnamed"
    }

    /// The CRS's authority and code, e.g. `EPSG:32647`.
    ///
    /// When the definition carries no identifier (an ESRI WKT from a shapefile's `.prj`, a PROJ string), PROJ is
    /// asked which EPSG CRS it is (`proj_identify`), and the best match is accepted when PROJ's confidence is
    /// 70 % or more ("equivalent CRS") and no other match ties with it; otherwise nil.
    /// See `proj_get_id_auth_name`, `proj_get_id_code`, `proj_identify`.
    public var identifier: CRSIdentifier? {
        if let identified { return identified }
        let found = CRSIdentifier(ownedBy: pj) ?? CRSIdentifier(identifying: pj, context: context)
        identified = .some(found)
        return found
    }

    /// What kind of CRS; a CRS bound to WGS 84 by `+towgs84` is the kind of its base CRS.
    /// See `proj_get_type`, `proj_get_source_crs`.
    public var kind: CRSKind {
        let type = proj_get_type(pj)  // returns the object's type
        guard type == PJ_TYPE_BOUND_CRS else { return CRSKind(type) }
        context.beginCall()
        // returns a new PJ (the bound CRS's base) we destroy, NULL on failure
        guard let base = proj_get_source_crs(context.handle, pj) else {
            context.beginCall()
            return .other
        }
        defer { proj_destroy(base) }
        return CRSKind(proj_get_type(base))
    }

    /// Longitude and latitude (2D or 3D).
    public var isGeographic: Bool { kind == .geographic2D || kind == .geographic3D }

    /// Where the CRS applies, from PROJ's database; nil for a PROJ string. See `proj_get_area_of_use`.
    public var areaOfUse: AreaOfUse? {
        AreaOfUse(pj, context: context)
    }

    // MARK: - Export

    /// WKT2 (2019). See `proj_as_wkt`.
    public var wkt: String {
        get throws {
            context.beginCall()
            // returns a string owned by the PJ (valid until its next export), NULL on failure
            guard let text = proj_as_wkt(context.handle, pj, PJ_WKT2_2019, nil) else {
                throw PROJError.library(function: "proj_as_wkt", message: context.takeCreationFailure())
            }
            return String(cString: text)
        }
    }

    /// PROJJSON. See `proj_as_projjson`.
    public var projJSON: String {
        get throws {
            context.beginCall()
            // returns a string owned by the PJ (valid until its next export), NULL on failure
            guard let text = proj_as_projjson(context.handle, pj, nil) else {
                throw PROJError.library(function: "proj_as_projjson", message: context.takeCreationFailure())
            }
            return String(cString: text)
        }
    }

    /// A PROJ string (`+proj=utm +zone=47 +datum=WGS84 +units=m +no_defs +type=crs`), nil when the CRS cannot
    /// be written as one (a compound CRS with a geoid model, for instance). See `proj_as_proj_string`.
    public var projString: String? {
        context.beginCall()
        // returns a string owned by the PJ, NULL when the CRS has no PROJ-string form
        let text = proj_as_proj_string(context.handle, pj, PJ_PROJ_5, nil).map { String(cString: $0) }
        context.beginCall()  // "no PROJ-string form" is an answer, not an error to keep
        return text
    }

    // MARK: - Related CRSs

    /// The geodetic (geographic or geocentric) CRS underneath, e.g. WGS 84 under UTM zone 47N.
    /// See `proj_crs_get_geodetic_crs`.
    public func geodeticCRS() throws -> CRS {
        context.beginCall()
        // returns a new PJ, NULL on failure (a vertical CRS has none)
        guard let geodetic = proj_crs_get_geodetic_crs(context.handle, pj) else {
            throw PROJError.library(function: "proj_crs_get_geodetic_crs", message: context.takeCreationFailure())
        }
        return CRS(taking: geodetic, context: context, definition: "geodetic CRS of \(name)")
    }

    /// Whether both describe the same CRS, ignoring the axis order of geographic CRSs.
    /// See `proj_is_equivalent_to_with_ctx`.
    public func isEquivalent(to other: CRS) -> Bool {
        // returns 1 when equivalent
        proj_is_equivalent_to_with_ctx(context.handle, pj, other.pj, PJ_COMP_EQUIVALENT_EXCEPT_AXIS_ORDER_GEOGCRS) != 0
    }

    // MARK: - Parsing helpers

    /// Trims, reads a bare integer as an EPSG code, and makes a PROJ string describe a CRS: without `+type=crs`
    /// PROJ reads `+proj=utm …` as a conversion.
    static func normalizedText(_ definition: String) -> String {
        let trimmed = definition.trimmingCharacters(in: .whitespacesAndNewlines)
        if !trimmed.isEmpty, trimmed.allSatisfy(\.isASCIIDigit) { return "EPSG:\(trimmed)" }
        let isPROJString = trimmed.hasPrefix("+") || trimmed.hasPrefix("proj=")
        if isPROJString, !trimmed.contains("type=crs"), !trimmed.contains("proj=pipeline") {
            return trimmed + " +type=crs"
        }
        return trimmed
    }

    /// What `code` names when it is not a CRS (`a transformation "Indian 1975 to WGS 84 (2)"`), nil when the
    /// database has nothing else under that code. See `proj_create_from_database`.
    private static func nonCRSObject(named code: CRSIdentifier, context: ProjContext) -> String? {
        defer { context.beginCall() }  // the look-ups below are expected to fail: keep none of their errors
        let categories = [
            PJ_CATEGORY_COORDINATE_OPERATION, PJ_CATEGORY_ELLIPSOID, PJ_CATEGORY_DATUM,
            PJ_CATEGORY_PRIME_MERIDIAN,
        ]
        for category in categories {
            // returns a new PJ, NULL when the database has no such object
            guard let object = proj_create_from_database(context.handle, code.authority, code.code, category, 0, nil)
            else { continue }
            defer { proj_destroy(object) }
            let name = proj_get_name(object).map { " \"\(String(cString: $0))\"" } ?? ""  // owned by the PJ
            return describe(proj_get_type(object)) + name
        }
        return nil
    }
}

extension CRS: CustomStringConvertible {
    /// "WGS 84 / UTM zone 47N (EPSG:32647)".
    public var description: String {
        identifier.map { "\(name) (\($0))" } ?? name
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

@available(*, unavailable, message: "a CRS belongs to its context's thread")
extension CRS: Sendable {}
