import CPROJ
import Foundation

/// Transforms coordinates from one CRS to another, always in lon/lat (or x/y) order, with the operation PROJ
/// chose (or the one forced) visible.
///
/// Not `Sendable`: it belongs to its context's thread. Creating one costs milliseconds (PROJ searches its
/// database): make one per (source, target, thread) and reuse it.
public final class Transformer {
    let pj: OpaquePointer
    public let context: ProjContext
    public let source: CRS
    public let target: CRS
    /// The forced operation (`.definition`), or nil with `.automatic`, where the choice is per point
    /// (see `lastUsedOperation`).
    public let operation: CoordinateOperationInfo?

    /// See `proj_create_crs_to_crs_from_pj`, `proj_normalize_for_visualization`.
    public init(from source: CRS, to target: CRS, operation choice: OperationChoice = .automatic,
                context: ProjContext) throws {
        self.source = source
        self.target = target
        self.context = context
        let raw: OpaquePointer
        switch choice {
        case .automatic:
            context.beginCall()
            // returns a new PJ (possibly holding several alternative operations), NULL when none exists
            guard let created = proj_create_crs_to_crs_from_pj(context.handle, source.pj, target.pj, nil, nil) else {
                throw PROJError.noOperation(source: source.description, target: target.description,
                                            message: context.failureMessage())
            }
            raw = created
            operation = nil
        case let .definition(definition):
            guard let created = Transformer.createOperation(definition, context: context) else {
                throw PROJError.invalidDefinition(definition: definition, message: context.failureMessage())
            }
            // returns 1 for CRS objects, which are not operations
            if proj_is_crs(created) != 0 {
                proj_destroy(created)
                throw PROJError.invalidDefinition(definition: definition,
                                                  message: "it is a CRS, not a coordinate operation")
            }
            raw = created
            operation = CoordinateOperationInfo(created, context: context)
        }
        context.beginCall()
        // returns a new PJ taking lon/lat (x/y) in and out whatever the CRSs' official axis order; NULL when the
        // object cannot be normalised (a hand-written pipeline, which is applied as written)
        if let normalized = proj_normalize_for_visualization(context.handle, raw) {
            proj_destroy(raw)
            pj = normalized
        } else {
            pj = raw
        }
    }

    deinit {
        proj_destroy(pj)  // before the context, which this object keeps alive
    }

    /// An operation from a code (`EPSG:1304`, looked up among coordinate operations, since `proj_create` would
    /// look for a CRS), or from a PROJ pipeline, WKT or PROJJSON text.
    private static func createOperation(_ definition: String, context: ProjContext) -> OpaquePointer? {
        context.beginCall()
        let parts = definition.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count == 2, !parts[0].isEmpty, parts[1].allSatisfy(\.isNumber), !parts[1].isEmpty {
            // returns a new PJ, NULL when the database has no operation of that code
            return proj_create_from_database(context.handle, String(parts[0]).uppercased(), String(parts[1]),
                                             PJ_CATEGORY_COORDINATE_OPERATION, 0, nil)
        }
        // returns a new PJ, NULL when the text is not understood
        return proj_create(context.handle, definition)
    }

    /// Every operation PROJ knows between two CRSs, best first (PROJ's own order), unusable ones included and
    /// flagged. With `areaOfInterest` (lon/lat), only those whose area of use intersects it.
    /// See `proj_create_operations`.
    public static func candidates(from source: CRS, to target: CRS, areaOfInterest: AreaOfUse? = nil,
                                  context: ProjContext) throws -> [CoordinateOperationInfo] {
        context.beginCall()
        // returns a new factory context, NULL on failure
        guard let factory = proj_create_operation_factory_context(context.handle, nil) else {
            throw PROJError.library(function: "proj_create_operation_factory_context",
                                    message: context.failureMessage())
        }
        defer { proj_operation_factory_context_destroy(factory) }
        proj_operation_factory_context_set_spatial_criterion(
            context.handle, factory, PROJ_SPATIAL_CRITERION_PARTIAL_INTERSECTION)
        proj_operation_factory_context_set_grid_availability_use(
            context.handle, factory, PROJ_GRID_AVAILABILITY_KNOWN_AVAILABLE)
        if let area = areaOfInterest {
            proj_operation_factory_context_set_area_of_interest(
                context.handle, factory, area.west, area.south, area.east, area.north)
        }
        // returns a new list, NULL on failure
        guard let list = proj_create_operations(context.handle, source.pj, target.pj, factory) else {
            throw PROJError.noOperation(source: source.description, target: target.description,
                                        message: context.failureMessage())
        }
        defer { proj_list_destroy(list) }
        return (0..<proj_list_get_count(list)).compactMap { index in
            // returns a new PJ we destroy
            guard let operation = proj_list_get(context.handle, list, index) else { return nil }
            defer { proj_destroy(operation) }
            return CoordinateOperationInfo(operation, context: context)
        }
    }

    /// The operation used for the last transformed coordinate (with `.automatic`, PROJ picks per point).
    /// See `proj_trans_get_last_used_operation`.
    public var lastUsedOperation: CoordinateOperationInfo? {
        // returns a new PJ we destroy, NULL before any transformation
        guard let used = proj_trans_get_last_used_operation(pj) else { return operation }
        defer { proj_destroy(used) }
        return CoordinateOperationInfo(used, context: context)
    }

    /// Transforms one position. See `proj_trans`.
    public func transform(_ point: XY) throws -> XY {
        var xy = [point.x, point.y]
        try transform(interleaved: &xy)
        return XY(x: xy[0], y: xy[1])
    }

    /// Transforms the source CRS's position into the target's, backwards.
    public func inverse(_ point: XY) throws -> XY {
        var xy = [point.x, point.y]
        try run(&xy, stride: 2, direction: PJ_INV)
        return XY(x: xy[0], y: xy[1])
    }

    /// Transforms interleaved coordinates in place (`x0, y0, x1, y1…`, or with `stride` values per position,
    /// the first two being x and y). Throws on the first coordinate PROJ could not transform, with its index.
    /// See `proj_trans_generic`.
    public func transform(interleaved coordinates: inout [Double], stride: Int = 2) throws {
        try run(&coordinates, stride: stride, direction: PJ_FWD)
    }

    private func run(_ coordinates: inout [Double], stride: Int, direction: PJ_DIRECTION) throws {
        guard stride >= 2, coordinates.count % stride == 0 else {
            throw PROJError.library(function: "proj_trans_generic",
                                    message: "\(coordinates.count) values are not positions of \(stride)")
        }
        let count = coordinates.count / stride
        guard count > 0 else { return }
        let original = coordinates
        context.beginCall()
        proj_errno_reset(pj)
        let step = MemoryLayout<Double>.stride * stride
        coordinates.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            // returns the number of positions transformed; failed ones become HUGE_VAL
            _ = proj_trans_generic(pj, direction, base, step, count, base + 1, step, count, nil, 0, 0, nil, 0, 0)
        }
        for index in 0..<count {
            let x = coordinates[index * stride], y = coordinates[index * stride + 1]
            if !x.isFinite || !y.isFinite {  // PROJ marks failures with HUGE_VAL, which is +infinity
                let code = proj_errno(pj)
                let message = context.messages.last
                    ?? (code != 0 ? proj_context_errno_string(context.handle, code).map { String(cString: $0) } : nil)
                    ?? "outside the operation's domain"
                throw PROJError.transformFailed(function: "proj_trans_generic", message: message, index: index,
                                                x: original[index * stride], y: original[index * stride + 1])
            }
        }
    }
}
