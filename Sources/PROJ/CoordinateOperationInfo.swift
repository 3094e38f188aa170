import CPROJ
import Foundation

/// What one coordinate operation is: its name and code, how accurate it is, where it applies, and the definition
/// a user can pass back (`OperationChoice.definition`) to force it. A copy: it holds no PROJ object.
public struct CoordinateOperationInfo: Hashable, Sendable, CustomStringConvertible {
    /// "Indian 1975 to WGS 84 (4)".
    public var name: String
    /// "EPSG:1812", when the operation has an identifier.
    public var identifier: String?
    /// Metres, from PROJ's database; nil when PROJ does not know it (it reports -1). Conversions such as UTM
    /// are exact: 0.
    public var accuracy: Double?
    public var areaOfUse: AreaOfUse?
    /// The PROJ pipeline, in lon/lat (x/y) order like every `Transformer`, when the operation can be written as
    /// one. For reading; pass `definition` back to force the operation.
    public var projString: String?
    /// What to pass to `OperationChoice.definition` to force this operation: its identifier when it has one,
    /// else its PROJJSON (which, unlike a bare pipeline, keeps the CRSs it joins, so its axis order is known).
    public var definition: String?
    /// False when a grid the operation needs is not installed: PROJ's automatic choice then skips it.
    public var isInstantiable: Bool
    /// True for a "ballpark" operation: no datum shift known, errors of up to hundreds of metres.
    public var isBallpark: Bool

    /// Describes `pj`. An operation normalised to lon/lat order is wrapped in axis swaps ("axis order change
    /// (2D) + Indian 1975 to WGS 84 (4) + axis order change (2D)") that hide its name and code: the step that does
    /// the work is reported instead. See `proj_get_name`, `proj_coordoperation_get_accuracy`,
    /// `proj_coordoperation_is_instantiable`, `proj_coordoperation_has_ballpark_transformation`.
    init(_ pj: OpaquePointer, context: ProjContext) {
        let worker = WorkingStep(of: pj, context: context)
        name = worker?.name ?? proj_get_name(pj).map { String(cString: $0) } ?? "unnamed operation"  // PJ-owned
        identifier = worker?.identifier ?? CRSIdentifier(ownedBy: pj)?.description
        context.beginCall()
        // returns metres, -1 when unknown
        let metres = proj_coordoperation_get_accuracy(context.handle, pj)
        accuracy = metres >= 0 ? metres : worker?.accuracy
        areaOfUse = AreaOfUse(pj, context: context)
        context.beginCall()
        // returns a string owned by the PJ, NULL when the operation has no PROJ-string form
        projString = proj_as_proj_string(context.handle, pj, PJ_PROJ_5, nil).map { String(cString: $0) }
        context.beginCall()
        definition =
            identifier ?? withCOptions(["MULTILINE=NO"]) { options in
                // returns a string owned by the PJ, NULL on failure
                proj_as_projjson(context.handle, pj, options).map { String(cString: $0) }
            } ?? projString
        // returns 1 when every grid the operation needs is available
        isInstantiable = proj_coordoperation_is_instantiable(context.handle, pj) != 0
        // returns 1 when the operation, or one of its steps, is a ballpark one
        isBallpark =
            proj_coordoperation_has_ballpark_transformation(context.handle, pj) != 0
            || worker?.isBallpark == true
        context.beginCall()  // the questions above may log "not applicable": keep nothing
    }

    /// "EPSG:1812 Indian 1975 to WGS 84 (4), 3 m" (ballpark and missing grids said).
    public var description: String {
        var text = identifier.map { "\($0) \(name)" } ?? name
        text += accuracy.map { $0 == 0 ? ", exact" : ", \($0.formatted()) m" } ?? ", accuracy unknown"
        if isBallpark { text += ", ballpark" }
        if !isInstantiable { text += ", grid missing" }
        return text
    }
}

/// What does the work in an operation normalised to lon/lat order: the steps that are not axis-order changes.
/// One step lends the whole its name, code and accuracy; several lend their names, joined with " + ".
private struct WorkingStep {
    var name: String
    var identifier: String?
    var accuracy: Double?
    var isBallpark: Bool

    /// nil when `pj` is not a concatenated operation. See `proj_concatoperation_get_step`.
    init?(of pj: OpaquePointer, context: ProjContext) {
        guard proj_get_type(pj) == PJ_TYPE_CONCATENATED_OPERATION else { return nil }  // returns the type
        defer { context.beginCall() }
        var found: [WorkingStep] = []
        // returns the number of steps, 0 on error
        for index in 0..<proj_concatoperation_get_step_count(context.handle, pj) {
            // returns a new PJ we destroy, NULL on error
            guard let step = proj_concatoperation_get_step(context.handle, pj, index) else { return nil }
            defer { proj_destroy(step) }
            if Self.isAxisOrderChange(step, context: context) { continue }
            // returns metres, -1 when unknown
            let metres = proj_coordoperation_get_accuracy(context.handle, step)
            found.append(
                WorkingStep(
                    name: proj_get_name(step).map { String(cString: $0) } ?? "unnamed operation",  // PJ-owned
                    identifier: CRSIdentifier(ownedBy: step)?.description,
                    accuracy: metres >= 0 ? metres : nil,
                    // returns 1 for a ballpark operation
                    isBallpark: proj_coordoperation_has_ballpark_transformation(context.handle, step) != 0))
        }
        guard let first = found.first else { return nil }
        guard found.count > 1 else {
            self = first
            return
        }
        self.init(
            name: found.map(\.name).joined(separator: " + "), identifier: nil, accuracy: nil,
            isBallpark: found.contains(where: \.isBallpark))
    }

    private init(name: String, identifier: String?, accuracy: Double?, isBallpark: Bool) {
        self.name = name
        self.identifier = identifier
        self.accuracy = accuracy
        self.isBallpark = isBallpark
    }

    /// EPSG methods 9843 and 9844 ("Axis Order Reversal (2D)" / "(Geographic3D horizontal)").
    /// See `proj_coordoperation_get_method_info`.
    private static func isAxisOrderChange(_ step: OpaquePointer, context: ProjContext) -> Bool {
        var authority: UnsafePointer<CChar>?
        var code: UnsafePointer<CChar>?
        // returns 1 on success (single operations only); strings owned by the PJ
        guard proj_coordoperation_get_method_info(context.handle, step, nil, &authority, &code) != 0,
            let authority, let code
        else { return false }
        return String(cString: authority) == "EPSG" && ["9843", "9844"].contains(String(cString: code))
    }
}
