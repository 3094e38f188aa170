import GEOS

/// Measures the three promises of the partition on its result: units are valid, no two share more than the overlap
/// tolerance, and together they cover the tambons' union within the relative tolerance. Computed every run, never
/// assumed; ``check(_:)`` turns a broken one into an error, so nothing wrong is written out.
struct PartitionGuarantees {
    let options: GovernanceOptions
    let method: MeasureMethod

    /// The measured guarantees; `units` must be valid already (their invalid count is measured here again).
    func measure(units: [GovernanceUnit], tambons: [Geometry], repairedUnits: Int, context: GEOSContext) throws
        -> GovernanceReport.Guarantees
    {
        let area = { (geometry: Geometry) throws -> Double in try method.measure(geometry).areaSquareMetres ?? 0 }
        let invalid = try units.filter { try !$0.geometry.isValid }.count
        let items = units.map { (code: "\($0.tambonCode)/\($0.localGovernmentCode)", geometry: $0.geometry) }
        let largest = try OverlapFinder(geodesicArea: area).overlaps(among: items, context: context).first
        let tambonUnion = try PieceGeometry.union(tambons, context: context)
        let unitUnion = try PieceGeometry.union(units.map(\.geometry), context: context)
        let difference = try PieceGeometry.repairing(tambonUnion, unitUnion) { try $0.symmetricDifference($1) }
        return GovernanceReport.Guarantees(
            largestOverlapSquareMetres: largest?.cutSquareMetres ?? 0,
            largestOverlapBetween: largest.map { [$0.overlap.first, $0.overlap.second] } ?? [],
            coverageDifferenceSquareMetres: try LocalFrame.squareMetres(of: difference),
            tambonsSquareMetres: try area(tambonUnion), invalidUnits: invalid, repairedUnits: repairedUnits,
            overlapToleranceSquareMetres: options.overlapToleranceSquareMetres,
            coverageRelativeTolerance: options.coverageRelativeTolerance)
    }

    /// Throws ``GovernanceError/guaranteeFailed(guarantee:detail:)`` for the first broken guarantee.
    static func check(_ guarantees: GovernanceReport.Guarantees) throws {
        if !guarantees.unitsAreValid {
            throw GeoPlanError.governance(.guaranteeFailed(
                guarantee: "every unit is valid", detail: "\(guarantees.invalidUnits) units are invalid after repair"))
        }
        if !guarantees.unitsDoNotOverlap {
            throw GeoPlanError.governance(.guaranteeFailed(
                guarantee: "units do not overlap",
                detail: "\(guarantees.largestOverlapBetween.joined(separator: " and ")) share "
                    + GovernanceError.squareMetres(guarantees.largestOverlapSquareMetres) + ", more than "
                    + GovernanceError.squareMetres(guarantees.overlapToleranceSquareMetres)))
        }
        if !guarantees.unitsCoverTambons {
            throw GeoPlanError.governance(.guaranteeFailed(
                guarantee: "units cover the tambons",
                detail: "the union of the units differs from the union of the tambons by "
                    + GovernanceError.squareMetres(guarantees.coverageDifferenceSquareMetres)
                    + " (\(guarantees.coverageRelativeDifference) of their area, more than "
                    + "\(guarantees.coverageRelativeTolerance))"))
        }
    }
}
