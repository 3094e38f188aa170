import GEOS

/// What a unit is: a municipality's piece of one tambon, or what of a tambon no municipality covers.
public enum GovernanceUnitKind: String, Codable, Hashable, Sendable {
    /// A municipality's part of one tambon (tambon ∩ municipality).
    case municipalPiece = "municipal-piece"
    /// A tambon minus every municipality: the area its SAO (อบต.) governs.
    case remainder
}

/// One unit of the partition: a piece of one tambon governed by one local government.
///
/// Not `Sendable`: the geometry belongs to the run's GEOS context.
public struct GovernanceUnit {
    /// The tambon it lies in.
    public let tambonCode: String
    /// The municipality's code, or for a remainder the derived SAO code (``saoCode(forTambon:)``).
    public let localGovernmentCode: String
    public let type: LocalGovernmentType
    public let kind: GovernanceUnitKind
    /// Valid, polygonal, WGS 84 lon/lat; may have several parts (a remainder around a municipality's piece, a
    /// municipality cut in two by a tambon's shape).
    public let geometry: Geometry
    /// Geodesic area on the WGS 84 ellipsoid.
    public let areaSquareMetres: Double

    /// The local-government code given to a tambon's remainder: `SAO-` and the tambon's code (`SAO-TH120101`).
    ///
    /// Why derived: there is no national SAO boundary layer, and one SAO may govern several tambons, so the
    /// remainder of each tambon gets its own code; a table from tambon code to the DOLA code of its SAO turns
    /// these into real SAO codes (several rows of the crosswalk then carry the same SAO).
    public static func saoCode(forTambon code: String) -> String {
        "SAO-" + code
    }
}
