import GEOS

/// A piece of a tambon before small pieces are settled: whose it is and its geometry (valid, polygonal).
struct RawPiece {
    let localGovernmentCode: String
    let type: LocalGovernmentType
    let kind: GovernanceUnitKind
    let geometry: Geometry
}

/// A municipality as the splitter sees it: code, class, and its (snapped) geometry.
struct MunicipalShape {
    let code: String
    let type: LocalGovernmentType
    let geometry: Geometry
}

/// Cuts one tambon into the municipalities' pieces (tambon ∩ municipality) and its remainder (tambon minus the
/// union of the municipalities): the SAO's area.
///
/// The municipalities must not overlap each other (the partition resolves that first); then the pieces and the
/// remainder cover the tambon and share only borders, up to GEOS's rounding, which the guarantees measure.
struct TambonSplitter {
    /// The pieces of `tambon` (code `tambonCode`): one per municipality that shares area with it, in the order
    /// given, then the remainder when anything remains. Pieces are polygonal and non-empty.
    static func split(_ tambon: Geometry, tambonCode: String, among municipalities: [MunicipalShape]) throws
        -> [RawPiece]
    {
        var pieces: [RawPiece] = []
        var cutters: [Geometry] = []
        for municipality in municipalities {
            let piece = try PieceGeometry.repairing(tambon, municipality.geometry) { try $0.intersection($1) }
            guard !piece.isEmpty else { continue }
            pieces.append(
                RawPiece(
                    localGovernmentCode: municipality.code, type: municipality.type,
                    kind: .municipalPiece, geometry: piece))
            cutters.append(municipality.geometry)
        }
        var remainder = tambon
        if !cutters.isEmpty {
            let covered = try PieceGeometry.union(cutters, context: tambon.context)
            remainder = try PieceGeometry.repairing(tambon, covered) { try $0.difference($1) }
        }
        if !remainder.isEmpty {
            pieces.append(
                RawPiece(
                    localGovernmentCode: GovernanceUnit.saoCode(forTambon: tambonCode), type: .sao,
                    kind: .remainder, geometry: remainder))
        }
        return pieces
    }
}
