import CPROJ

/// A description of one coordinate operation: what it is called, how accurate it is, where it applies, and the
/// definition a user can pass back to force it.
public struct CoordinateOperationInfo: Hashable, Sendable, CustomStringConvertible {
    /// "Indian 1975 to WGS 84 (4)".
    public var name: String
    /// "EPSG:1812", when the operation has an identifier.
    public var identifier: String?
    /// Metres; nil when PROJ does not know it (it reports -1).
    public var accuracy: Double?
    public var areaOfUse: AreaOfUse?
    /// The PROJ pipeline, when the operation can be written as one.
    public var projString: String?
    /// False when a grid the operation needs is not installed.
    public var isInstantiable: Bool
    /// True for a "ballpark" operation (no datum shift known; errors of up to hundreds of metres).
    public var isBallpark: Bool

    init(_ pj: OpaquePointer, context: ProjContext) {
        // string results are owned by the PJ and copied here
        name = proj_get_name(pj).map { String(cString: $0) } ?? "unnamed operation"
        if let authority = proj_get_id_auth_name(pj, 0), let code = proj_get_id_code(pj, 0) {
            identifier = "\(String(cString: authority)):\(String(cString: code))"
        }
        // Normalising to lon/lat wraps an operation in axis swaps ("axis order change (2D) + Indian 1975 to WGS 84
        // (4) + axis order change (2D)"), which hides its name and code: report the step that does the work.
        if identifier == nil, let inner = significantStep(of: pj, context: context) {
            name = inner.name
            identifier = inner.identifier
        }
        // returns -1 when unknown
        let metres = proj_coordoperation_get_accuracy(context.handle, pj)
        accuracy = metres < 0 ? nil : metres
        areaOfUse = PROJ.areaOfUse(of: pj, context: context)
        projString = proj_as_proj_string(context.handle, pj, PJ_PROJ_5, nil).map { String(cString: $0) }
        isInstantiable = proj_coordoperation_is_instantiable(context.handle, pj) != 0
        isBallpark = proj_coordoperation_has_ballpark_transformation(context.handle, pj) != 0
    }

    public var description: String {
        let accuracyText = accuracy.map { "\($0) m" } ?? "unknown accuracy"
        return "\(identifier.map { "\($0), " } ?? "")\(name), \(accuracyText)"
    }
}

/// The one step of a concatenated operation that is not an axis-order change, with its name and code.
private func significantStep(of pj: OpaquePointer, context: ProjContext) -> (name: String, identifier: String?)? {
    guard proj_get_type(pj) == PJ_TYPE_CONCATENATED_OPERATION else { return nil }
    var found: [(name: String, identifier: String?)] = []
    // returns the number of steps
    for index in 0..<proj_concatoperation_get_step_count(context.handle, pj) {
        // returns a new PJ we destroy
        guard let step = proj_concatoperation_get_step(context.handle, pj, index) else { continue }
        defer { proj_destroy(step) }
        let name = proj_get_name(step).map { String(cString: $0) } ?? ""
        guard !name.hasPrefix("axis order change") else { continue }
        var identifier: String?
        if let authority = proj_get_id_auth_name(step, 0), let code = proj_get_id_code(step, 0) {
            identifier = "\(String(cString: authority)):\(String(cString: code))"
        }
        found.append((name, identifier))
    }
    return found.count == 1 ? found[0] : nil
}

/// Which operation a `Transformer` applies.
public enum OperationChoice: Hashable, Sendable {
    /// PROJ chooses, per point, the most accurate operation whose area of use holds the point
    /// (`proj_create_crs_to_crs`), falling back to a ballpark one only when nothing else exists.
    case automatic
    /// This operation: a code such as `EPSG:1304`, a PROJ pipeline string, or an operation's WKT/PROJJSON.
    case definition(String)
}
