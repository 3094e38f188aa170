import GEOS

/// What changed between two versions of a local-government boundary set (an SAO became a municipality, a
/// municipality grew): each code created, removed or changed, with the ground it gained and lost, so indicator
/// series can be kept comparable. Matched by code; areas geodesic.
public struct BoundaryComparison: Codable, Hashable, Sendable {
    public enum Status: String, Codable, Hashable, Sendable {
        case created, removed, changed, unchanged
    }

    public struct Change: Codable, Hashable, Sendable {
        public var code: String
        public var status: Status
        public var oldSquareKilometres: Double?
        public var newSquareKilometres: Double?
        /// Ground in the new version and not the old (km²), and the reverse.
        public var gainedSquareKilometres: Double
        public var lostSquareKilometres: Double
    }

    public var changes: [Change]
    /// A code counts as changed when it gained or lost more than this (m²): below it, the difference is
    /// rounding or re-digitising.
    public var toleranceSquareMetres: Double

    /// Compares two files of the same boundary set, matched by `idField`.
    public static func compare(oldPath: String, newPath: String, idField: String, toleranceSquareMetres: Double = 100)
        throws -> BoundaryComparison
    {
        let context = try GEOSContext()
        let load = { (path: String) throws -> BoundarySet in
            try BoundarySet.load(
                BoundarySpec(name: "boundaries", path: path, idField: idField), folder: nil,
                context: context)
        }
        return try compare(old: try load(oldPath), new: try load(newPath), toleranceSquareMetres: toleranceSquareMetres)
    }

    /// Compares two boundary sets loaded in one GEOS context.
    public static func compare(old: BoundarySet, new: BoundarySet, toleranceSquareMetres: Double = 100) throws
        -> BoundaryComparison
    {
        let method = try MeasureMethod(.geodesic)
        func squareMetres(_ geometry: Geometry) throws -> Double {
            geometry.isEmpty ? 0 : try method.measure(geometry.polygonalPart()).areaSquareMetres ?? 0
        }
        let oldByCode = Dictionary(old.areas.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newByCode = Dictionary(new.areas.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var changes: [Change] = []
        for code in Set(oldByCode.keys).union(newByCode.keys).sorted() {
            let before = oldByCode[code]
            let after = newByCode[code]
            let oldArea = try before.map { try squareMetres($0.geometry) }
            let newArea = try after.map { try squareMetres($0.geometry) }
            var gained = newArea ?? 0
            var lost = oldArea ?? 0
            if let before, let after {
                gained = try squareMetres(
                    try Overlay.repairing(after.geometry, before.geometry) { try $0.difference($1) })
                lost = try squareMetres(
                    try Overlay.repairing(before.geometry, after.geometry) { try $0.difference($1) })
            }
            let status: Status =
                before == nil
                ? .created
                : after == nil
                    ? .removed
                    : max(gained, lost) > toleranceSquareMetres ? .changed : .unchanged
            changes.append(
                Change(
                    code: code, status: status, oldSquareKilometres: oldArea.map { $0 / 1e6 },
                    newSquareKilometres: newArea.map { $0 / 1e6 }, gainedSquareKilometres: gained / 1e6,
                    lostSquareKilometres: lost / 1e6))
        }
        return BoundaryComparison(changes: changes, toleranceSquareMetres: toleranceSquareMetres)
    }
}
