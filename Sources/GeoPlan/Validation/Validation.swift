import Foundation
import GDAL
import GEOS

/// `geoplan validate`'s engine: lists invalid or empty geometries and, when asked, writes a repaired copy.
public enum Validation {
    public static func validate(_ path: String, options: InputOptions = InputOptions(), keyField: String? = nil,
                                repairTo output: String? = nil, overwrite: Bool = false, wait: Bool = false,
                                progress: (Int, Int?) -> Void = { _, _ in }) throws -> ValidationReport {
        let target = try output.map { try OutputTarget(path: $0, overwrite: overwrite, inputs: [path]) }
        let source = try VectorSource.open(path, options: options)
        let layer = source.layer
        let key = try KeyField.resolve(keyField, in: layer)
        var warnings = source.encoding.warnings
        let total = layer.featureCount(force: false)

        guard let target else {
            let scan = try LayerScanner(layer: layer, keyField: key, measurer: nil).scan { progress($0, total) }
            if scan.featureCount == 0 { warnings.append("layer \"\(layer.name)\" has no features") }
            return ValidationReport(path: path, layer: layer.name, featureCount: scan.featureCount, keyField: key,
                                    findings: scan.findings, problemCounts: scan.problemCounts, repair: nil,
                                    warnings: warnings)
        }

        let repairer = try GeometryRepairer(polygonal: layer.geometryType.isPolygonal)
        let writer = try LayerWriter(target: target, layerName: target.stem, schema: layer.schema,
                                     spatialReference: layer.spatialReference, geometryType: layer.geometryType, wait: wait)
        var findings: [GeometryFinding] = []
        var counts: [String: Int] = [:]
        var repair = RepairReport(output: target.path, featuresWritten: 0, repaired: 0, partsDropped: 0, collapsed: 0,
                                  copiedEmpty: 0, unrepairable: 0)
        var read = 0
        try layer.forEachFeature { feature in
            read += 1
            let original = feature.geometry
            let (status, geos) = GeometryCheck.status(of: original, context: repairer.context)
            var geometry = original
            if let reason = status.reason {
                counts[reason, default: 0] += 1
                var location: Coordinate?
                if case let .invalid(_, at) = status { location = at }
                findings.append(GeometryFinding(featureID: feature.id, key: KeyField.value(of: key, in: feature),
                                                problem: reason, location: location))
                switch status {
                case .missing, .empty:
                    repair.copiedEmpty += 1
                case .invalid where geos == nil:
                    repair.unrepairable += 1
                default:
                    let outcome = try repairer.repair(geos, location: feature.location)
                    geometry = outcome.geometry
                    repair.repaired += 1
                    if outcome.droppedParts { repair.partsDropped += 1 }
                    if outcome.geometry == nil { repair.collapsed += 1 }
                }
            }
            try writer.write(values: try feature.values(), geometry: geometry, source: feature.location)
            progress(read, total)
        }
        try writer.finish()
        repair.featuresWritten = writer.written
        warnings += writer.warnings
        if repair.unrepairable > 0 {
            warnings.append("\(repair.unrepairable) geometries could not be read by GEOS and were copied unchanged")
        }
        return ValidationReport(path: path, layer: layer.name, featureCount: read, keyField: key, findings: findings,
                                problemCounts: counts, repair: repair, warnings: warnings)
    }
}

extension OutputTarget {
    /// The output file's name without extension, used as its layer name.
    var stem: String {
        ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    }
}
