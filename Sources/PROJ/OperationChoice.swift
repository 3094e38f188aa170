import CPROJ
import Foundation

/// Which coordinate operation a `Transformer` applies.
public enum OperationChoice: Hashable, Sendable {
    /// PROJ's own choice, per position, as `proj_create_crs_to_crs_from_pj` makes it: among the operations
    /// whose area of use holds the position, the most accurate one whose grids are installed. Ballpark
    /// operations (no datum shift known) are sorted last, so they are used only where nothing better applies.
    case automatic
    /// This operation, whatever the position: an operation code (`EPSG:1304`, or `1304` for EPSG), an
    /// operation URN (`urn:ogc:def:coordinateOperation:EPSG::1304`), its WKT or PROJJSON, or a PROJ pipeline
    /// string (`+proj=pipeline +step …`). A CRS or any other object is refused.
    ///
    /// An operation that names its CRSs (a transformation code, WKT, PROJJSON) must join the transformer's CRSs
    /// and is normalised to lon/lat order. One without CRSs (a PROJ pipeline, a bare conversion code such as
    /// EPSG:16047) cannot be checked and is applied exactly as written, in its own axis order and units.
    case definition(String)
}

extension OperationChoice {
    /// A new coordinate operation `PJ` (ours to destroy) made from `definition`.
    ///
    /// A code is looked up among coordinate operations (`proj_create_from_database`): `proj_create` would look
    /// for a CRS of that code. See `proj_create`.
    /// - Throws: `PROJError.invalidOperation`, saying what the object is when it is not an operation.
    static func makeOperation(_ definition: String, context: ProjContext) throws -> OpaquePointer {
        let trimmed = definition.trimmingCharacters(in: .whitespacesAndNewlines)
        let text = !trimmed.isEmpty && trimmed.allSatisfy({ ("0"..."9").contains($0) }) ? "EPSG:\(trimmed)" : trimmed
        guard !text.isEmpty else {
            throw PROJError.invalidOperation(definition: definition, message: "the definition is empty")
        }
        context.beginCall()
        let created: OpaquePointer?
        if let code = CRSIdentifier(parsing: text) {
            // returns a new PJ, NULL when the database has no operation of that code
            created = proj_create_from_database(
                context.handle, code.authority, code.code,
                PJ_CATEGORY_COORDINATE_OPERATION, 0, nil)
            if created == nil {
                context.beginCall()
                // returns a new PJ, NULL when the database has no CRS of that code either
                if let crs = proj_create_from_database(
                    context.handle, code.authority, code.code, PJ_CATEGORY_CRS,
                    0, nil)
                {
                    let name = proj_get_name(crs).map { String(cString: $0) } ?? "unnamed"  // owned by the PJ
                    proj_destroy(crs)
                    throw PROJError.invalidOperation(
                        definition: definition,
                        message: "\(code) is the coordinate reference system \"\(name)\", not a coordinate operation")
                }
                context.beginCall()
                throw PROJError.invalidOperation(
                    definition: definition, message: "PROJ's database has no coordinate operation \(code)")
            }
        } else {
            // returns a new PJ, NULL when the text is not understood
            created = proj_create(context.handle, text)
        }
        guard let operation = created else {
            throw PROJError.invalidOperation(definition: definition, message: context.takeCreationFailure())
        }
        let type = proj_get_type(operation)  // returns the object's type
        let operationTypes = [
            PJ_TYPE_CONVERSION, PJ_TYPE_TRANSFORMATION, PJ_TYPE_CONCATENATED_OPERATION,
            PJ_TYPE_OTHER_COORDINATE_OPERATION,
        ]
        guard operationTypes.contains(type) else {
            proj_destroy(operation)
            throw PROJError.invalidOperation(
                definition: definition,
                message: "it is \(describe(type)), not a coordinate operation")
        }
        return operation
    }
}
