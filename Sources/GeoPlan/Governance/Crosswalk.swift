/// One row of the tambon ↔ local-government crosswalk: a unit's codes, its area and its shares.
public struct CrosswalkRow: Hashable, Sendable, Codable {
    public var tambonCode: String
    public var localGovernmentCode: String
    public var localGovernmentType: LocalGovernmentType
    public var kind: GovernanceUnitKind
    /// Geodesic area of the unit on the WGS 84 ellipsoid, km².
    public var areaSquareKilometres: Double
    /// The same area in rai (1 rai = 1,600 m²).
    public var areaRai: Double
    /// The unit's area over the sum of the areas of its tambon's units.
    public var shareOfTambon: Double
    /// The unit's area over the sum of the areas of its local government's units.
    public var shareOfLocalGovernment: Double
}

/// The crosswalk table: one row per unit, in the units' order, to apportion tambon figures (population, land
/// use) to local governments and back.
///
/// Shares divide by the *sum of the units' areas* of the tambon (or the local government), not by the tambon's
/// own measured area: the two differ by rounding (the coverage guarantee bounds it at 1e-9), and only the sum
/// makes each tambon's shares, and each local government's shares, add up to 1 (to 1e-15 per row).
public enum Crosswalk {
    public static func rows(for units: [GovernanceUnit]) -> [CrosswalkRow] {
        var tambonTotals: [String: Double] = [:]
        var governmentTotals: [String: Double] = [:]
        for unit in units {
            tambonTotals[unit.tambonCode, default: 0] += unit.areaSquareMetres
            governmentTotals[unit.localGovernmentCode, default: 0] += unit.areaSquareMetres
        }
        return units.map { unit in
            let ofTambon = tambonTotals[unit.tambonCode] ?? 0
            let ofGovernment = governmentTotals[unit.localGovernmentCode] ?? 0
            return CrosswalkRow(
                tambonCode: unit.tambonCode, localGovernmentCode: unit.localGovernmentCode,
                localGovernmentType: unit.type, kind: unit.kind,
                areaSquareKilometres: AreaUnit.squareKilometres.value(ofSquareMetres: unit.areaSquareMetres),
                areaRai: AreaUnit.rai.value(ofSquareMetres: unit.areaSquareMetres),
                shareOfTambon: ofTambon > 0 ? unit.areaSquareMetres / ofTambon : 0,
                shareOfLocalGovernment: ofGovernment > 0 ? unit.areaSquareMetres / ofGovernment : 0)
        }
    }
}
