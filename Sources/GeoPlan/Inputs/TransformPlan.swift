import GDAL
import PROJ

/// Which coordinate operation took the data from one CRS to another, how accurate it is, and what else PROJ
/// could have used: a datum change such as Indian 1975 → WGS 84 moves points by hundreds of metres, and the
/// candidate operations differ by metres, so the choice is always shown.
public struct OperationReport: Codable, Hashable, Sendable {
    public var name: String
    /// `EPSG:1812`, when the operation has an identifier.
    public var code: String?
    /// Metres; nil when PROJ does not know (conversions such as UTM are exact: 0).
    public var accuracyMetres: Double?
    /// "PROJ's choice for the data's area", or "--operation".
    public var chosenBy: String
    /// Every operation PROJ considered, best first.
    public var candidates: [OperationCandidate]

    public var summary: String {
        let accuracy = accuracyMetres.map { $0 == 0 ? "exact" : "accuracy \($0.formatted()) m" } ?? "accuracy unknown"
        let others = candidates.count > 1 ? "; \(candidates.count) candidates, --operation CODE picks another" : ""
        return "\(code.map { "\($0) " } ?? "")\(name) (\(accuracy), \(chosenBy)\(others))"
    }
}

public struct OperationCandidate: Codable, Hashable, Sendable {
    public var name: String
    public var code: String?
    public var accuracyMetres: Double?
    public var area: String?
    /// False when a grid it needs is not installed.
    public var usable: Bool
}

/// A PROJ transformation (lon/lat order) with its operation chosen and reported.
///
/// Not `Sendable`: it holds a PROJ context for the calling thread.
final class OperationSelection {
    let context: ProjContext
    let transformer: Transformer
    let report: OperationReport
    /// True when the user forced the operation (then GDAL cannot apply it: see `TransformPlan`).
    let forced: Bool

    /// - Parameters:
    ///   - near: the data's extent in the source CRS; PROJ's choice is reported for its centre.
    ///   - operation: forced operation (a code such as `EPSG:1304` or a PROJ pipeline), or nil for PROJ's choice.
    init(
        from source: SpatialReference, to target: SpatialReference, near extent: GDAL.Envelope?,
        operation: String?
    ) throws {
        context = try ProjContext()
        let sourceCRS = try CRS(source, context: context)
        let targetCRS = try CRS(target, context: context)
        let candidates = try Transformer.candidates(from: sourceCRS, to: targetCRS, context: context)
        let choice: OperationChoice = operation.map { .definition($0) } ?? .automatic
        transformer = try Transformer(from: sourceCRS, to: targetCRS, operation: choice, context: context)
        var used: CoordinateOperationInfo?
        if let extent {
            _ = try? transformer.transform(XY(x: (extent.minX + extent.maxX) / 2, y: (extent.minY + extent.maxY) / 2))
            used = transformer.lastUsedOperation
        }
        used = used ?? transformer.operation ?? candidates.first
        report = OperationReport(
            name: used?.name ?? "unknown", code: used?.identifier, accuracyMetres: used?.accuracy,
            chosenBy: operation == nil ? "PROJ's choice for the data's area" : "--operation",
            candidates: candidates.map {
                OperationCandidate(
                    name: $0.name, code: $0.identifier, accuracyMetres: $0.accuracy,
                    area: $0.areaOfUse?.name, usable: $0.isInstantiable)
            })
        forced = operation != nil
    }
}

/// Transforms GDAL geometries with the operation chosen and reported through PROJ.
///
/// PROJ's own choice is applied by GDAL (`OGR_G_Transform`, per point, as PROJ would). A forced operation is
/// applied by the PROJ `Transformer` itself, position by position: GDAL takes a forced operation only as a
/// pipeline between the CRSs' official axis orders, and a datum operation alone would skip the projection steps
/// of projected data (Indian 1975 / UTM 47N through EPSG:1304).
///
/// Not `Sendable`: it holds GDAL and PROJ objects for the calling thread.
final class TransformPlan {
    let target: SpatialReference
    let report: OperationReport
    private let gdal: CoordinateTransformation?
    private let selection: OperationSelection

    init(
        from source: SpatialReference, to target: SpatialReference, near extent: GDAL.Envelope?,
        operation: String?
    ) throws {
        self.target = target
        selection = try OperationSelection(from: source, to: target, near: extent, operation: operation)
        report = selection.report
        gdal = selection.forced ? nil : try CoordinateTransformation(from: source, to: target)
    }

    /// Transforms a geometry in place.
    func apply(to geometry: OGRGeometry) throws {
        if let gdal {
            try geometry.transform(with: gdal)
        } else {
            try geometry.transformXY { try selection.transformer.transform(interleaved: &$0) }
        }
    }

    /// One position transformed the way `apply` would, or nil when it has no finite result: what names the
    /// position a failed `apply` stumbled on.
    func transformed(x: Double, y: Double) -> (x: Double, y: Double)? {
        let result: (x: Double, y: Double)?
        if let gdal {
            result = try? gdal.transform(x: x, y: y)
        } else {
            result = (try? selection.transformer.transform(XY(x: x, y: y))).map { ($0.x, $0.y) }
        }
        guard let result, result.x.isFinite, result.y.isFinite else { return nil }
        return result
    }
}
