import Foundation

extension GovernanceReport {
    /// One line for each thing about the split that a planner should know: small pieces (merged or kept),
    /// municipalities reaching outside every tambon, overlaps given to one of the two municipalities.
    public var findings: [String] {
        var lines: [String] = []
        for piece in smallPieces {
            lines.append(
                "small piece: \(piece.localGovernmentCode) in \(piece.tambonCode), "
                    + String(format: "%.1f m²", piece.areaSquareMetres)
                    + " at \(piece.point) (\(piece.reason.rawValue))"
                    + (piece.mergedInto.map { ", merged into \($0)" } ?? ", kept"))
        }
        for part in outsideParts {
            lines.append(
                "outside every tambon: \(part.municipalityCode), "
                    + String(format: "%.1f m²", part.areaSquareMetres)
                    + " in \(part.parts) part(s) around \(part.point), in no unit")
        }
        for overlap in resolvedOverlaps {
            lines.append(
                "overlap given to \(overlap.first): \(overlap.first) × \(overlap.second), "
                    + String(format: "%.1f m²", overlap.areaSquareMetres))
        }
        return lines
    }

    /// What the guarantees measured, in one line.
    public var guaranteesLine: String {
        "units do not overlap (largest " + String(format: "%.3g", guarantees.largestOverlapSquareMetres)
            + " m²), cover the tambons (difference " + String(format: "%.3g", guarantees.coverageRelativeDifference)
            + " relative), \(guarantees.invalidUnits) invalid"
    }
}
