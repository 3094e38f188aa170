import CGDAL
import Foundation

/// A coordinate reference system as GDAL knows it (`OGRSpatialReferenceH`), always in lon/lat (x/y) axis order.
///
/// Every instance is set to `OAMS_TRADITIONAL_GIS_ORDER`, so coordinates read and written through GDAL are
/// longitude first even for EPSG:4326, whose official axis order is latitude first.
///
/// Not `Sendable`: GDAL's spatial references are reference-counted objects meant for one thread at a time.
public final class SpatialReference {
    let handle: OGRSpatialReferenceH

    /// Takes over a new spatial reference nobody else holds (reference count 1, from `OSRClone`), releasing it in
    /// `deinit`.
    private init(owning handle: OGRSpatialReferenceH) {
        self.handle = handle
        OSRSetAxisMappingStrategy(handle, OAMS_TRADITIONAL_GIS_ORDER)
    }

    /// A copy of a spatial reference GDAL owns elsewhere (a layer's, a raster's, another instance's), or nil when
    /// out of memory. A copy, because the axis order is set on it: GDAL says the one `OGR_L_GetSpatialRef`
    /// returns must not be modified, and a raster's lives inside its dataset.
    convenience init?(copying borrowed: OGRSpatialReferenceH) {
        // returns a new SRS with reference count 1, NULL only when out of memory
        guard let copy = OSRClone(borrowed) else { return nil }
        self.init(owning: copy)
    }

    /// A spatial reference from anything a user may type: `EPSG:32647`, `4326`, WKT, PROJ strings, PROJJSON,
    /// or the path of a `.prj` file.
    ///
    /// See `OSRSetFromUserInput`.
    public init(definition: String) throws {
        GDALLibrary.ensureRegistered()
        // OSRSetFromUserInput reads "EPSG:4326 EPSG:3857" or "4326x" as EPSG:4326 and ignores the rest.
        if let problem = Self.malformedCode(definition) {
            throw GDALError.invalidSpatialReference(definition: definition, message: problem)
        }
        // returns a new SRS with reference count 1; never NULL in practice
        guard let handle = OSRNewSpatialReference(nil) else {
            throw GDALError.invalidSpatialReference(definition: definition, message: "out of memory")
        }
        self.handle = handle
        let normalized = definition.allSatisfy(\.isNumber) ? "EPSG:\(definition)" : definition
        try withCPLErrorCapture { capture in
            // returns OGRERR_NONE on success
            guard OSRSetFromUserInput(handle, normalized) == OGRERR_NONE else {
                throw GDALError.invalidSpatialReference(definition: definition, message: capture.lastFailure)
            }
        }
        OSRSetAxisMappingStrategy(handle, OAMS_TRADITIONAL_GIS_ORDER)
    }

    deinit {
        OSRRelease(handle)  // decrements the reference count, destroying at zero
    }

    /// Why a definition that starts like a code (`EPSG:4326`, `4326`) is not exactly one code, or nil. Codes may
    /// be compound (`EPSG:4326+5773`); other forms (WKT, PROJ strings, URNs, file names) are GDAL's to judge.
    static func malformedCode(_ definition: String) -> String? {
        if FileManager.default.fileExists(atPath: definition) { return nil }
        let scalars = Array(definition.unicodeScalars)
        let isDigit = { (scalar: Unicode.Scalar) in ("0"..."9").contains(scalar) }
        let isWordCharacter = { (scalar: Unicode.Scalar) in
            isDigit(scalar) || ("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar) || scalar == "_"
        }
        let authority = scalars.prefix(while: isWordCharacter)
        let startsLikeCode =
            (!authority.isEmpty && scalars.count > authority.count + 1
                && scalars[authority.count] == ":" && isDigit(scalars[authority.count + 1]))
            || scalars.first.map(isDigit) == true
        guard startsLikeCode else { return nil }
        let code = scalars.first.map(isDigit) == true ? scalars[...] : scalars[(authority.count + 1)...]
        let parts = code.split(separator: "+", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(isDigit) }) else {
            return "expected one code such as EPSG:4326 (or a compound EPSG:4326+5773), found \"\(definition)\""
        }
        return nil
    }

    /// WGS 84 geographic (EPSG:4326), lon/lat.
    public static func wgs84() throws -> SpatialReference {
        try SpatialReference(definition: "EPSG:4326")
    }

    /// The CRS's name, e.g. "WGS 84 / UTM zone 47N".
    public var name: String? {
        // returns a pointer into the SRS, or NULL
        OSRGetName(handle).map { String(cString: $0) }
    }

    /// Authority and code when known (`EPSG`, `32647`). For a definition without an identifier (an ESRI `.prj`),
    /// GDAL's `OSRAutoIdentifyEPSG` is tried on a copy, then `OSRFindMatches`, taking a
    /// unique best match of 70 % or more (the confidence PROJ gives a PROJ string).
    public var identifier: (authority: String, code: String)? {
        if let found = ownIdentifier(of: handle) { return found }
        // returns a deep copy we own
        guard let copy = OSRClone(handle) else { return nil }
        defer { OSRRelease(copy) }
        return withCPLErrorCapture { _ -> (authority: String, code: String)? in
            if OSRAutoIdentifyEPSG(copy) == OGRERR_NONE, let found = ownIdentifier(of: copy) { return found }
            var count: Int32 = 0
            var confidences: UnsafeMutablePointer<Int32>?
            // returns a NULL-terminated array of new SRS, with confidences, both ours to free
            guard let matches = OSRFindMatches(handle, nil, &count, &confidences) else { return nil }
            defer {
                OSRFreeSRSArray(matches)
                VSIFree(confidences)
            }
            // PROJ rates a PROJ string's match at 70 %; take the best match when it is that good and unambiguous.
            guard count > 0, let best = matches[0], let confidences, confidences[0] >= 70,
                count == 1 || confidences[1] < confidences[0]
            else { return nil }
            return ownIdentifier(of: best)
        }
    }

    /// `EPSG:32647`-style code when known.
    public var code: String? {
        identifier.map { "\($0.authority):\($0.code)" }
    }

    public var isGeographic: Bool { OSRIsGeographic(handle) != 0 }
    public var isProjected: Bool { OSRIsProjected(handle) != 0 }

    /// Metres in one unit of a projected CRS's axes (1 for metres, 0.3048 for international feet). See
    /// `OSRGetLinearUnits`.
    public var linearUnitMetres: Double {
        // returns the unit's size in metres (1 when the CRS has none), and its name through the pointer
        OSRGetLinearUnits(handle, nil)
    }

    /// WKT2 (2019) text.
    public var wkt: String {
        wkt(format: "WKT2_2019")
    }

    /// WKT in a GDAL format name: `WKT1`, `WKT1_ESRI`, `WKT2_2015`, `WKT2_2019`.
    public func wkt(format: String) -> String {
        var text: UnsafeMutablePointer<CChar>?
        let options = CStringList(["FORMAT=\(format)"])
        // returns OGRERR_NONE and a CPLMalloc'd string
        _ = withCPLErrorCapture { _ in OSRExportToWktEx(handle, &text, options.constPointer) }
        return takeCPLString(text) ?? ""
    }

    /// PROJJSON text, for handing the CRS to PROJ.
    public var projJSON: String? {
        var text: UnsafeMutablePointer<CChar>?
        // returns OGRERR_NONE and a CPLMalloc'd string
        _ = withCPLErrorCapture { _ in OSRExportToPROJJSON(handle, &text, nil) }
        return takeCPLString(text)
    }

    /// Whether both describe the same CRS, ignoring axis order and names of no consequence.
    public func isSame(as other: SpatialReference) -> Bool {
        let options = CStringList(["IGNORE_DATA_AXIS_TO_SRS_AXIS_MAPPING=YES", "CRITERION=EQUIVALENT"])
        // returns TRUE/FALSE
        return OSRIsSameEx(handle, other.handle, options.constPointer) != 0
    }

    /// A deep copy that can be given away (for example to a new layer).
    public func clone() throws -> SpatialReference {
        guard let copy = SpatialReference(copying: handle) else {
            throw GDALError.library(function: "OSRClone", message: "out of memory", context: "copying a CRS")
        }
        return copy
    }
}

private func ownIdentifier(of handle: OGRSpatialReferenceH) -> (authority: String, code: String)? {
    // both return pointers into the SRS, or NULL; NULL target means the root node
    guard let authority = OSRGetAuthorityName(handle, nil), let code = OSRGetAuthorityCode(handle, nil) else {
        return nil
    }
    return (String(cString: authority), String(cString: code))
}

extension SpatialReference: CustomStringConvertible {
    public var description: String {
        switch (name, code) {
        case let (name?, code?): return "\(name) (\(code))"
        case let (name?, nil): return name
        case let (nil, code?): return code
        default: return "unnamed CRS"
        }
    }
}
