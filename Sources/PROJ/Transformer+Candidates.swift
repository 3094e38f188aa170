import CPROJ

extension Transformer {
    /// Every operation PROJ knows from `source` to `target`, in PROJ's own order (best first: the order
    /// `projinfo -s … -t … --spatial-test intersects` prints), each described in lon/lat order.
    ///
    /// Operations whose area of use only partly covers the CRSs' (or `areaOfInterest`) are included. Operations
    /// whose grids are not installed are listed, flagged `isInstantiable == false` and sorted after the others,
    /// unless `discardingMissingGrids` is true. With `areaOfInterest` (lon/lat degrees), only operations whose
    /// area of use meets it are listed.
    ///
    /// - Throws: `PROJError.noOperation` when PROJ fails; an empty list means PROJ found none.
    /// See `proj_create_operations`, `proj_operation_factory_context_set_spatial_criterion`,
    /// `proj_operation_factory_context_set_grid_availability_use`.
    public static func candidates(
        from source: CRS, to target: CRS, areaOfInterest: LonLatBox? = nil,
        discardingMissingGrids: Bool = false,
        context: ProjContext
    ) throws -> [CoordinateOperationInfo] {
        guard source.context === context, target.context === context else {
            throw PROJError.invalidArgument(
                function: "Transformer.candidates",
                message: "the CRSs were made with another ProjContext than this one")
        }
        context.beginCall()
        // returns a new factory context we destroy, NULL on failure; NULL authority: every authority
        guard let factory = proj_create_operation_factory_context(context.handle, nil) else {
            throw PROJError.library(
                function: "proj_create_operation_factory_context",
                message: context.takeCreationFailure())
        }
        defer { proj_operation_factory_context_destroy(factory) }
        // these setters return nothing
        proj_operation_factory_context_set_spatial_criterion(
            context.handle, factory, PROJ_SPATIAL_CRITERION_PARTIAL_INTERSECTION)
        proj_operation_factory_context_set_grid_availability_use(
            context.handle, factory,
            discardingMissingGrids
                ? PROJ_GRID_AVAILABILITY_DISCARD_OPERATION_IF_MISSING_GRID
                : PROJ_GRID_AVAILABILITY_USED_FOR_SORTING)
        if let area = areaOfInterest {
            proj_operation_factory_context_set_area_of_interest(
                context.handle, factory, area.west, area.south, area.east, area.north)
        }
        // returns a new list we destroy, NULL on failure
        guard let list = proj_create_operations(context.handle, source.pj, target.pj, factory) else {
            throw PROJError.noOperation(
                source: source.description, target: target.description,
                message: context.takeCreationFailure())
        }
        defer { proj_list_destroy(list) }
        return (0..<proj_list_get_count(list)).compactMap { index in  // returns the number of operations
            context.beginCall()
            // returns a new PJ we destroy, NULL on failure
            guard let operation = proj_list_get(context.handle, list, index) else { return nil }
            defer { proj_destroy(operation) }
            // returns a new PJ in lon/lat order we destroy, NULL when it cannot be normalised
            guard let normalized = proj_normalize_for_visualization(context.handle, operation) else {
                return CoordinateOperationInfo(operation, context: context)
            }
            defer { proj_destroy(normalized) }
            return CoordinateOperationInfo(normalized, context: context)
        }
    }
}
