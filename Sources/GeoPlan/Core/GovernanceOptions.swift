/// The tolerances of a governance partition, with defaults chosen for COD-AB tambons against municipal
/// boundaries surveyed by other agencies.
public struct GovernanceOptions: Hashable, Sendable, Codable {
    /// Distance (m) within which a municipal border is taken to be the tambon border it follows: municipal
    /// vertices that close are moved onto the tambon border, tambon vertices that close are put into the
    /// municipal border, and pieces thinner than this everywhere are slivers.
    ///
    /// Default 5 m: where a municipal survey and the tambon layer follow the same canal or road, the two lines
    /// drawn by different agencies differ by metres, and each such difference makes a sliver; 5 m takes those
    /// away. It stays below the width of most of what borders follow (roads with their reserves, canals, rivers),
    /// so a border on one bank is not moved onto the other, and a municipal vertex moves at most 5 m, which changes
    /// a municipality's area by at most 5 m times the length of border that moved. Raise it only for sources known
    /// to be coarser; 0 turns snapping and sliver detection off.
    public var snapToleranceMetres: Double = 5

    /// Pieces (connected parts of a unit) smaller than this (m²) are reported and merged into the unit of the same
    /// tambon they share the longest border with (kept and flagged when they share none).
    ///
    /// Default 100 m² (25 square wa, a sixteenth of a rai): smaller than any plot a local government administers
    /// on its own, yet far above the numerical crumbs of an overlay (well under 1 m²) and the size of the slivers a
    /// metre-scale misfit leaves on a short stretch of border.
    public var minimumPieceSquareMetres: Double = 100

    /// Overlaps (m²) up to this are taken as rounding: between input features they are tolerated (a municipal
    /// overlap is given to the code that sorts first, and reported), between output units they pass the
    /// no-overlap check. Larger overlaps of inputs are errors naming both codes.
    ///
    /// Default 1 m²: a million times the crumbs GEOS's floating-point overlay leaves between units (at most 1e-6 m²
    /// on the random configurations of the tests), and still smaller than any overlap a planner would want to hear
    /// about.
    public var overlapToleranceSquareMetres: Double = 1

    /// The largest accepted difference between the union of the units and the union of the tambons, as a
    /// fraction of the tambons' area. Default 1e-9: 0.1 m² per 100 km² (a large tambon), far above the rounding of
    /// the overlays (1e-14 and less in the tests), far below anything a planner could see.
    public var coverageRelativeTolerance: Double = 1e-9

    public init(
        snapToleranceMetres: Double = 5, minimumPieceSquareMetres: Double = 100,
        overlapToleranceSquareMetres: Double = 1, coverageRelativeTolerance: Double = 1e-9
    ) {
        self.snapToleranceMetres = snapToleranceMetres
        self.minimumPieceSquareMetres = minimumPieceSquareMetres
        self.overlapToleranceSquareMetres = overlapToleranceSquareMetres
        self.coverageRelativeTolerance = coverageRelativeTolerance
    }

    /// Throws ``GovernanceError/invalidOption(name:value:)`` for a negative or non-finite tolerance.
    func validate() throws {
        let values: [(String, Double)] = [
            ("snap tolerance (m)", snapToleranceMetres), ("minimum piece area (m²)", minimumPieceSquareMetres),
            ("overlap tolerance (m²)", overlapToleranceSquareMetres),
            ("coverage relative tolerance", coverageRelativeTolerance),
        ]
        for (name, value) in values where !value.isFinite || value < 0 {
            throw GeoPlanError.governance(.invalidOption(name: name, value: value))
        }
    }
}
