/// What a governance partition found and checked: every adjustment it made to the inputs, every small piece and
/// what became of it, and the measured guarantees. Nothing is dropped or moved without a line here.
public struct GovernanceReport: Hashable, Sendable, Codable {
    public var options: GovernanceOptions
    public var tambons: Int
    public var municipalities: Int
    public var units: Int
    /// Input features made valid with GEOS MakeValid before use (`tambons: TH120101`).
    public var repairedInputs: [String]
    /// Municipalities whose border snapping moved (codes, in input order).
    public var snappedMunicipalities: [String]
    /// Municipalities that snapping would have reduced to nothing (narrower than the tolerance), used unsnapped.
    public var unsnappedMunicipalities: [String]
    /// Overlaps between municipalities within the overlap tolerance, or made by snapping: each given to `first`
    /// (the code that sorts first) and taken from `second`.
    public var resolvedOverlaps: [GovernanceError.Overlap]
    /// Overlaps between tambons within the overlap tolerance: tolerated, and seen again in the units' largest
    /// overlap.
    public var toleratedTambonOverlaps: [GovernanceError.Overlap]
    /// Municipalities with land outside every tambon beyond the snapping tolerance; that land is in no unit.
    public var outsideParts: [OutsidePart]
    /// Pieces below the minimum area or thinner than the snapping tolerance, and their fate.
    public var smallPieces: [SmallPiece]
    public var guarantees: Guarantees

    /// What of one municipality lies outside every tambon, listed when at least one part of it is not thinner
    /// than the snapping tolerance (a border drawn a metre outside the tambons' is not worth a line; land the
    /// tambon layer lacks is).
    public struct OutsidePart: Hashable, Sendable, Codable {
        public var municipalityCode: String
        /// Area of everything of the municipality outside the tambons, thin parts included (as cut, like small
        /// pieces).
        public var areaSquareMetres: Double
        /// How many separate polygons that is.
        public var parts: Int
        /// A point in the largest of them.
        public var point: LonLatPoint

        /// What a planner reads: which municipality, how much and where, and what to check.
        public var warning: String {
            "municipalities: \(municipalityCode) reaches outside every tambon: "
                + GovernanceError.squareMetres(areaSquareMetres) + " in \(parts) part(s) around \(point), left out "
                + "of the units (they cover the tambons, no more); check that the tambon layer covers the whole "
                + "municipality (same province, same CRS) or correct the municipality's border"
        }
    }

    /// Why a piece was singled out.
    public enum SmallPieceReason: String, Hashable, Sendable, Codable {
        /// Thinner than the snapping tolerance everywhere: a sliver between two borders that should be one.
        case thinnerThanTolerance = "thinner-than-tolerance"
        /// Smaller than the minimum piece area.
        case belowMinimumArea = "below-minimum-area"
    }

    /// A connected piece of a unit that was too small or too thin, where it is, and what became of it.
    public struct SmallPiece: Hashable, Sendable, Codable {
        public var tambonCode: String
        /// The local government whose unit it came from.
        public var localGovernmentCode: String
        /// Area as cut, edges straight in lon/lat (see `LocalFrame.squareMetres(of:)`), which is what the minimum
        /// is compared with: for a piece this small the geodesic area mostly measures how its edges' geodesics bow.
        public var areaSquareMetres: Double
        public var point: LonLatPoint
        public var reason: SmallPieceReason
        /// The local government of the same tambon it was merged into (the one sharing the longest border with
        /// it); `nil` when it shares a border with no other unit of its tambon and was kept where it was.
        public var mergedInto: String?
    }

    /// The checks of the result, measured rather than assumed.
    public struct Guarantees: Hashable, Sendable, Codable {
        /// The largest area shared by two units, and which two, as `tambon/local government` (none when no two
        /// share area). Measured as cut, edges straight in lon/lat (see `LocalFrame.squareMetres(of:)`): the
        /// geodesic area of a crumb measures how its edges' geodesics bow, not the crumb.
        public var largestOverlapSquareMetres: Double
        public var largestOverlapBetween: [String]
        /// Area (as cut, like the overlap) of the symmetric difference between each tambon and the union of its
        /// units, added up over the tambons: at least that between the union of all units and the union of all
        /// tambons (see `PartitionGuarantees.measure`).
        public var coverageDifferenceSquareMetres: Double
        /// Geodesic area of the tambons, added up (their union's, less the overlaps tolerated between tambons).
        public var tambonsSquareMetres: Double
        /// Units that are not valid (OGC), after units made invalid by a merge were repaired.
        public var invalidUnits: Int
        /// Units repaired with MakeValid after merging small pieces.
        public var repairedUnits: Int
        /// Tolerances the checks were held to.
        public var overlapToleranceSquareMetres: Double
        public var coverageRelativeTolerance: Double

        /// Whether no two units share more than the overlap tolerance.
        public var unitsDoNotOverlap: Bool { largestOverlapSquareMetres <= overlapToleranceSquareMetres }
        /// The symmetric difference as a fraction of the tambons' area.
        public var coverageRelativeDifference: Double {
            tambonsSquareMetres > 0 ? coverageDifferenceSquareMetres / tambonsSquareMetres : 0
        }
        /// Whether the units cover the tambons, no more and no less, within the relative tolerance.
        public var unitsCoverTambons: Bool { coverageRelativeDifference <= coverageRelativeTolerance }
        public var unitsAreValid: Bool { invalidUnits == 0 }
        public var allHold: Bool { unitsDoNotOverlap && unitsCoverTambons && unitsAreValid }
    }
}
