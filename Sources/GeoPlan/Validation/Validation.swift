import Foundation
import GDAL
import GEOS

/// `geoplan validate`'s engine: lists invalid or empty geometries and, when asked, writes a repaired copy.
public enum Validation {
    public static func validate(
        _ path: String, options: InputOptions = InputOptions(), keyField: String? = nil,
        repairTo output: String? = nil, overwrite: Bool = false, wait: Bool = false,
        progress: (Int, Int?) -> Void = { _, _ in }
    ) throws -> ValidationReport {
        let target = try output.map { try OutputTarget(path: $0, overwrite: overwrite, inputs: [path]) }
        let source = try VectorSource.open(path, options: options)
        let layer = source.layer
        let key = try KeyField.resolve(keyField, in: layer)
        var warnings = source.encoding.warnings
        let total = layer.featureCount(force: false)
        // Coordinates are held to WGS 84's range when the CRS is known (without one, GEOS still finds NaN).
        let crs = try LayerCRS.resolve(layer, assume: options.assumeCRS)
        let domain = try crs.map {
            try GeodesicMeasurer(
                crs: $0.spatialReference, near: layer.extent(force: false),
                domain: options.lonLatDomain)
        }

        guard let target else {
            let scanner = try LayerScanner(layer: layer, keyField: key, measurer: domain, totals: false)
            let scan = try scanner.scan { progress($0, total) }
            if scan.featureCount == 0 { warnings.append("layer \"\(layer.name)\" has no features") }
            if let shifted = scan.shifts.warning(path: path) { warnings.append(shifted) }
            return ValidationReport(
                path: path, layer: layer.name, featureCount: scan.featureCount, keyField: key,
                findings: scan.findings, problemCounts: scan.problemCounts, repair: nil,
                warnings: warnings)
        }

        let repairer = try GeometryRepairer(polygonal: layer.geometryType.isPolygonal)
        let writer = try LayerWriter(
            target: target, layerName: target.stem, schema: layer.schema,
            spatialReference: layer.spatialReference, geometryType: layer.geometryType, wait: wait)
        var findings: [GeometryFinding] = []
        var counts: [String: Int] = [:]
        var repair = RepairReport(
            output: target.path, featuresWritten: 0, repaired: 0, partsDropped: 0, collapsed: 0,
            copiedEmpty: 0, unrepairable: 0, outOfRange: 0,
            nonFinite: 0)
        var shifts = LongitudeShifts()
        var read = 0
        try layer.forEachFeature { feature in
            read += 1
            let original = feature.geometry
            var (status, geos) = GeometryCheck.status(of: original, context: repairer.context)
            var geometry = original
            var outOfRange = false
            if let domain, let checked = geos {
                do {
                    let shift = try domain.check(checked, location: feature.location)
                    geometry = try Self.shifted(original, by: shift, in: crs?.spatialReference)
                    shifts.record(shift)
                } catch let error as CoordinateError {
                    // MakeValid would call it valid and keep it where it is not: listed, copied unchanged, said;
                    // NaN and infinity no format can hold, so that geometry is left out (and said).
                    status = .invalid(reason: error.reason, location: nil)
                    geos = nil
                    outOfRange = true
                    if case .notFinite = error.problem {
                        geometry = nil
                        repair.nonFinite += 1
                    }
                }
            }
            if let reason = status.reason {
                let category = outOfRange ? "Coordinate out of range" : reason
                counts[category, default: 0] += 1
                var location: Coordinate?
                if case let .invalid(_, at) = status { location = at }
                findings.append(
                    GeometryFinding(
                        featureID: feature.id, key: KeyField.value(of: key, in: feature),
                        problem: reason, location: location))
                switch status {
                case .missing, .empty:
                    repair.copiedEmpty += 1
                case .invalid where outOfRange:
                    repair.outOfRange += 1
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
        if repair.outOfRange > repair.nonFinite {
            let copied = repair.outOfRange - repair.nonFinite
            warnings.append(
                "\(copied) geometries have coordinates with no place in WGS 84 lon/lat and were copied "
                    + "unchanged (no repair can say where they belong): correct them or the CRS")
        }
        if repair.nonFinite > 0 {
            warnings.append(
                "\(repair.nonFinite) geometries have coordinates that are not numbers (NaN, infinity), "
                    + "which no format can hold: written without geometry; correct them in the source")
        }
        if let shifted = shifts.warning(path: path) { warnings.append(shifted) }
        return ValidationReport(
            path: path, layer: layer.name, featureCount: read, keyField: key, findings: findings,
            problemCounts: counts, repair: repair, warnings: warnings)
    }
}

extension Validation {
    /// The geometry with its longitudes moved by `shift` degrees, when its CRS is lon/lat (a projected CRS's
    /// numbers were never beyond ±180°: PROJ wrapped them).
    static func shifted(_ geometry: OGRGeometry?, by shift: Double, in crs: SpatialReference?) throws -> OGRGeometry? {
        guard shift != 0, let geometry, crs?.isGeographic == true else { return geometry }
        return try geometry.shiftingLongitudes(by: shift)
    }
}

extension OutputTarget {
    /// The output file's name without extension, used as its layer name.
    var stem: String {
        ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    }
}
