import CPROJ

/// Transforms positions from one CRS to another, in lon/lat order for geographic CRSs and x/y (easting,
/// northing) for projected ones, whatever the CRSs' official axis order (EPSG:4326 is officially lat/lon), and
/// says which coordinate operation it used and how accurate that is.
///
/// Not `Sendable`: it belongs to its context's thread. Creating one costs milliseconds (PROJ searches its
/// database): make one per (source, target, thread) and reuse it.
public final class Transformer {
    /// The PROJ objects applied in turn (forward; backwards for `inverse`), all normalised to lon/lat order: one
    /// for `.automatic`; for a forced operation, the operation with, when the CRSs are projected versions of the
    /// operation's own, the exact (inverse) projections before and after it.
    let steps: [OpaquePointer]
    public let context: ProjContext
    public let source: CRS
    public let target: CRS
    /// The forced operation (`.definition`); nil with `.automatic`, where PROJ chooses per position (see
    /// `lastUsedOperation` and `chosenOperation(forLonLatArea:)`).
    public let operation: CoordinateOperationInfo?

    /// Prepares the transformation from `source` to `target`.
    ///
    /// With `.automatic`, PROJ prepares every operation that applies somewhere between the CRSs and picks one per
    /// position (`proj_create_crs_to_crs_from_pj`, ballpark allowed only where nothing better applies, operations
    /// whose grids are missing left out). With `.definition`, the given operation is used: it must join the two
    /// CRSs (either way round: it is then inverted), or their geodetic CRSs when a CRS is projected (the
    /// projection is then applied exactly before or after it).
    ///
    /// - Throws: `PROJError.noOperation`, `.invalidOperation`, or `.invalidArgument` when a CRS belongs to
    ///   another context. See `proj_create_crs_to_crs_from_pj`, `proj_normalize_for_visualization`.
    public init(
        from source: CRS, to target: CRS, operation choice: OperationChoice = .automatic,
        context: ProjContext
    ) throws {
        guard source.context === context, target.context === context else {
            throw PROJError.invalidArgument(
                function: "Transformer.init",
                message: "the CRSs were made with another ProjContext than this one")
        }
        self.source = source
        self.target = target
        self.context = context
        switch choice {
        case .automatic:
            steps = [
                try Self.automatic(
                    from: source.pj, to: target.pj, context: context,
                    names: source.description, target.description)
            ]
            operation = nil
        case let .definition(definition):
            let forced = try Self.forced(definition, from: source, to: target, context: context)
            steps = forced.steps
            operation = forced.info
        }
    }

    deinit {
        // Runs before the context's deinit: this object holds the context (and both CRSs) strongly.
        steps.forEach { proj_destroy($0) }
    }

    // MARK: - Which operation

    /// The operation that transformed the last position (with `.automatic`, PROJ picks per position; PROJ ≥ 9.1),
    /// or the forced one. Nil before the first transformation with `.automatic`.
    /// See `proj_trans_get_last_used_operation`.
    public var lastUsedOperation: CoordinateOperationInfo? {
        if let operation { return operation }
        guard let automatic = steps.first else { return nil }
        context.beginCall()
        // returns a new PJ we destroy, NULL before any transformation
        guard let used = proj_trans_get_last_used_operation(automatic) else { return nil }
        defer { proj_destroy(used) }
        return CoordinateOperationInfo(used, context: context)
    }

    /// The operation PROJ uses for data in `area` (lon/lat degrees): the one it picks for the area's centre, which
    /// is the one for the whole area unless the area straddles the edge of an operation's area of use. The forced
    /// operation, if any. Does not change `lastUsedOperation` (a copy of the transformation is used).
    ///
    /// - Returns: nil when PROJ cannot transform the centre.
    /// - Throws: `PROJError` when the source CRS has no geographic CRS to place the centre in (geocentric).
    /// See `proj_clone`, `proj_trans`, `proj_trans_get_last_used_operation`.
    public func chosenOperation(forLonLatArea area: LonLatBox) throws -> CoordinateOperationInfo? {
        if let operation { return operation }
        let centre = try sourcePosition(of: area.centre)
        guard let automatic = steps.first else { return nil }
        context.beginCall()
        // returns a new PJ (with copies of the alternative operations) we destroy, NULL on failure
        guard let copy = proj_clone(context.handle, automatic) else {
            throw PROJError.library(function: "proj_clone", message: context.takeCreationFailure())
        }
        defer { proj_destroy(copy) }
        // returns the transformed coordinate, HUGE_VAL components on failure
        let result = proj_trans(copy, PJ_FWD, proj_coord(centre.x, centre.y, 0, .infinity))
        guard result.xy.x.isFinite, result.xy.y.isFinite else {
            context.beginCall()
            return nil
        }
        // returns a new PJ we destroy, NULL before any transformation
        guard let used = proj_trans_get_last_used_operation(copy) else { return nil }
        defer { proj_destroy(used) }
        return CoordinateOperationInfo(used, context: context)
    }

    /// `lonLat` in the source CRS's coordinates: itself for a geographic CRS, projected otherwise.
    private func sourcePosition(of lonLat: LonLat) throws -> XY {
        if source.isGeographic { return XY(x: lonLat.lon, y: lonLat.lat) }
        let geodetic = try source.geodeticCRS()
        guard geodetic.isGeographic else {
            throw PROJError.invalidArgument(
                function: "chosenOperation(forLonLatArea:)",
                message: "\(source) has no geographic CRS to place lon/lat in")
        }
        return try Transformer(from: geodetic, to: source, context: context)
            .transform(XY(x: lonLat.lon, y: lonLat.lat))
    }

    // MARK: - Making the PROJ objects

    /// PROJ's set of candidate operations, normalised to lon/lat order. Returns a new PJ we own.
    private static func automatic(
        from source: OpaquePointer, to target: OpaquePointer, context: ProjContext,
        names sourceName: @autoclosure () -> String,
        _ targetName: @autoclosure () -> String
    ) throws -> OpaquePointer {
        context.beginCall()
        // returns a new PJ (possibly holding several alternative operations), NULL when none exists
        guard let raw = proj_create_crs_to_crs_from_pj(context.handle, source, target, nil, nil) else {
            var message = context.takeCreationFailure()
            if message == "PROJ gave no reason" { message = "no operation found (are its grids installed?)" }
            throw PROJError.noOperation(source: sourceName(), target: targetName(), message: message)
        }
        defer { proj_destroy(raw) }
        // returns a new PJ taking lon/lat (x/y) in and out whatever the CRSs' axis order, NULL on failure
        guard let normalized = proj_normalize_for_visualization(context.handle, raw) else {
            throw PROJError.library(
                function: "proj_normalize_for_visualization",
                message: context.takeCreationFailure())
        }
        return normalized
    }

    /// The forced operation, oriented from source to target, with projection steps around it when needed.
    private static func forced(_ definition: String, from source: CRS, to target: CRS, context: ProjContext)
        throws -> (steps: [OpaquePointer], info: CoordinateOperationInfo)
    {
        var operation = try OperationChoice.makeOperation(definition, context: context)
        defer { proj_destroy(operation) }
        context.beginCall()
        // both return new PJs we own, NULL when the operation has no CRSs (a bare PROJ pipeline)
        let ends = (proj_get_source_crs(context.handle, operation), proj_get_target_crs(context.handle, operation))
        guard case let (operationSource?, operationTarget?) = ends else {
            if let crs = ends.0 { proj_destroy(crs) }
            if let crs = ends.1 { proj_destroy(crs) }
            context.beginCall()
            // returns a new PJ we own (a copy), NULL on failure
            guard let copy = proj_clone(context.handle, operation) else {
                throw PROJError.library(function: "proj_clone", message: context.takeCreationFailure())
            }
            return ([copy], CoordinateOperationInfo(copy, context: context))
        }
        let from = CRS(taking: operationSource, context: context, definition: "source CRS of \(definition)")
        let to = CRS(taking: operationTarget, context: context, definition: "target CRS of \(definition)")
        // The CRSs the operation starts and ends at, when a projection step must join them to ours.
        let before: CRS?
        let after: CRS?
        if let stepBefore = try link(source, from), let stepAfter = try link(to, target) {
            (before, after) = (stepBefore ? from : nil, stepAfter ? to : nil)
        } else if let stepBefore = try link(source, to), let stepAfter = try link(from, target) {
            context.beginCall()
            // returns a new PJ (the inverse operation) we own, NULL when it cannot be inverted
            guard let inverse = proj_coordoperation_create_inverse(context.handle, operation) else {
                throw PROJError.invalidOperation(definition: definition, message: context.takeCreationFailure())
            }
            proj_destroy(operation)
            operation = inverse
            (before, after) = (stepBefore ? to : nil, stepAfter ? from : nil)
        } else {
            throw PROJError.invalidOperation(
                definition: definition, message: "it transforms \(from) to \(to), not \(source) to \(target)")
        }
        context.beginCall()
        // returns a new PJ in lon/lat (x/y) order, NULL on failure
        guard let normalized = proj_normalize_for_visualization(context.handle, operation) else {
            throw PROJError.invalidOperation(definition: definition, message: context.takeCreationFailure())
        }
        var steps = [normalized]
        do {
            // The projections are single exact conversions (a CRS to its own geodetic CRS and back).
            if let before {
                steps.insert(
                    try automatic(
                        from: source.pj, to: before.pj, context: context,
                        names: source.description, before.description), at: 0)
            }
            if let after {
                steps.append(
                    try automatic(
                        from: after.pj, to: target.pj, context: context,
                        names: after.description, target.description))
            }
        } catch {
            steps.forEach { proj_destroy($0) }
            throw error
        }
        return (steps, CoordinateOperationInfo(normalized, context: context))
    }

    /// Whether positions in `a` can enter an operation expecting `b` (or leave one giving `a` into `b`) with no
    /// datum change: nil when they cannot, false when the CRSs are the same, true when one is a projection of the
    /// other's geodetic CRS (an exact projection step then joins them).
    private static func link(_ a: CRS, _ b: CRS) throws -> Bool? {
        if a.isEquivalent(to: b) { return false }
        if a.kind == .projected, try a.geodeticCRS().isEquivalent(to: b) { return true }
        if b.kind == .projected, try b.geodeticCRS().isEquivalent(to: a) { return true }
        return nil
    }
}

@available(*, unavailable, message: "a Transformer belongs to its context's thread")
extension Transformer: Sendable {}
