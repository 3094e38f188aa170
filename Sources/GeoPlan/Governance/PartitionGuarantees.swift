import GEOS

/// Measures the three promises of the partition on its result: units are valid, no two share more than the overlap
/// tolerance, and together they cover the tambons' union within the relative tolerance. Computed every run, never
/// assumed; ``check(_:)`` turns a broken one into an error, so nothing wrong is written out.
struct PartitionGuarantees {
    let options: GovernanceOptions
    let method: MeasureMethod

    /// The measured guarantees; `units` must be valid already (their invalid count is measured here again).
    ///
    /// Coverage is measured tambon by tambon: the symmetric difference between each tambon and the union of its own
    /// units, added up. That bounds the difference between the union of all units and the union of all tambons
    /// from above (a point in one and not the other lies in a tambon and in none of its units, or in a unit and
    /// outside its tambon), so the check is at least as strict, and it never holds a union of the whole country:
    /// on the national benchmark the two unions took 270 MB of 707 MB at peak (the time is about the same either
    /// way, see bench/RESULTS.md).
    func measure(
        units: [GovernanceUnit], tambons: [Geometry], tambonCodes: [String], repairedUnits: Int,
        context: GEOSContext
    ) throws -> GovernanceReport.Guarantees {
        let area = { (geometry: Geometry) throws -> Double in try method.measure(geometry).areaSquareMetres ?? 0 }
        let invalid = try units.filter { try !$0.geometry.isValid }.count
        let items = units.map { (code: "\($0.tambonCode)/\($0.localGovernmentCode)", geometry: $0.geometry) }
        let largest = try OverlapFinder(geodesicArea: area).overlaps(among: items, context: context).first
        let unitsByTambon = Dictionary(grouping: units.map { ($0.tambonCode, $0.geometry) }, by: \.0)
        var difference = 0.0
        var tambonArea = 0.0
        for (code, tambon) in zip(tambonCodes, tambons) {
            let own = try PieceGeometry.union((unitsByTambon[code] ?? []).map(\.1), context: context)
            let missing = try PieceGeometry.repairing(tambon, own) { try $0.symmetricDifference($1) }
            difference += try LocalFrame.squareMetres(of: missing)
            tambonArea += try area(tambon)
        }
        return GovernanceReport.Guarantees(
            largestOverlapSquareMetres: largest?.cutSquareMetres ?? 0,
            largestOverlapBetween: largest.map { [$0.overlap.first, $0.overlap.second] } ?? [],
            coverageDifferenceSquareMetres: difference,
            tambonsSquareMetres: tambonArea, invalidUnits: invalid, repairedUnits: repairedUnits,
            overlapToleranceSquareMetres: options.overlapToleranceSquareMetres,
            coverageRelativeTolerance: options.coverageRelativeTolerance)
    }

    /// Throws ``GovernanceError/guaranteeFailed(guarantee:detail:)`` for the first broken guarantee.
    static func check(_ guarantees: GovernanceReport.Guarantees) throws {
        if !guarantees.unitsAreValid {
            throw GeoPlanError.governance(
                .guaranteeFailed(
                    guarantee: "every unit is valid",
                    detail: "\(guarantees.invalidUnits) units are invalid after repair"))
        }
        if !guarantees.unitsDoNotOverlap {
            throw GeoPlanError.governance(
                .guaranteeFailed(
                    guarantee: "units do not overlap",
                    detail: "\(guarantees.largestOverlapBetween.joined(separator: " and ")) share "
                        + GovernanceError.squareMetres(guarantees.largestOverlapSquareMetres) + ", more than "
                        + GovernanceError.squareMetres(guarantees.overlapToleranceSquareMetres)))
        }
        if !guarantees.unitsCoverTambons {
            throw GeoPlanError.governance(
                .guaranteeFailed(
                    guarantee: "units cover the tambons",
                    detail: "the union of the units differs from the union of the tambons by "
                        + GovernanceError.squareMetres(guarantees.coverageDifferenceSquareMetres)
                        + " (\(guarantees.coverageRelativeDifference) of their area, more than "
                        + "\(guarantees.coverageRelativeTolerance))"))
        }
    }
}
