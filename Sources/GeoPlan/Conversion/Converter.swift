import GDAL

/// `geoplan convert`'s engine: streams one layer into a new file, reprojecting when asked (or when the format
/// demands WGS 84), with the coordinate operation reported.
public enum Converter {
    public static func convert(
        _ request: ConvertRequest,
        progress: (Int, Int?) -> Void = { _, _ in }
    ) throws -> ConvertReport {
        let target = try OutputTarget(path: request.output, overwrite: request.overwrite, inputs: [request.input])
        let source = try VectorSource.open(request.input, options: request.inputOptions)
        let layer = source.layer
        var warnings = source.encoding.warnings

        let needsTransform = request.targetCRS != nil || target.format.isAlwaysWGS84
        let crs: LayerCRS?
        if needsTransform {
            crs = try LayerCRS.require(
                layer, assume: request.inputOptions.assumeCRS,
                purpose: "transform it to \(request.targetCRS ?? "WGS 84 for GeoJSON")")
        } else {
            crs = try LayerCRS.resolve(layer, assume: request.inputOptions.assumeCRS)
        }
        if let warning = crs?.warning { warnings.append(warning) }
        let targetSRS = try targetSpatialReference(request, format: target.format) ?? crs?.spatialReference

        var plan: TransformPlan?
        if let from = crs?.spatialReference, let to = targetSRS, !from.isSame(as: to) || request.operation != nil {
            plan = try TransformPlan(from: from, to: to, near: layer.extent(force: false), operation: request.operation)
        }
        if crs == nil {
            warnings.append("layer \"\(layer.name)\" has no CRS; the output has none either")
        }
        let domain = try CoordinateGate(
            source: crs?.spatialReference, target: targetSRS,
            near: layer.extent(force: false), domain: request.inputOptions.lonLatDomain)
        if target.format != .geoJSON, request.precision != 7 {
            warnings.append("--precision applies to GeoJSON only; \(target.format.driverName) keeps full precision")
        }

        let writer = try LayerWriter(
            target: target, layerName: target.stem, schema: layer.schema,
            spatialReference: targetSRS, geometryType: layer.geometryType,
            precision: request.precision, wait: request.wait)
        writer.keepsFormulaText = request.csvRaw
        let total = layer.featureCount(force: false)
        var read = 0
        var droppedM = false
        try layer.forEachFeature { feature in
            read += 1
            var geometry = feature.geometry
            if let plan, let original = geometry {
                let copy = try original.clone()  // the feature's own geometry is borrowed: transform a copy
                do {
                    try plan.apply(to: copy)
                } catch {
                    try domain.explain(original, location: feature.location)
                    throw GeoPlanError.input(
                        path: request.input,
                        reason: "\(feature.location): cannot transform it "
                            + "to \(plan.target): \(error)")
                }
                geometry = copy
            }
            geometry = try domain.hold(geometry, source: feature.geometry, location: feature.location)
            // GDAL's GeoJSON writer drops M values (RFC 7946 has none); say so once.
            droppedM = droppedM || (target.format == .geoJSON && (geometry?.type.hasM ?? false))
            try writer.write(values: try feature.values(), geometry: geometry, source: feature.location)
            progress(read, total)
        }
        try writer.finish()
        warnings += writer.warnings
        if let shifted = domain.shifts.warning(path: request.input) { warnings.append(shifted) }
        if droppedM { warnings.append("GeoJSON (RFC 7946) has no M values; they were dropped") }

        return ConvertReport(
            input: request.input, layer: layer.name, output: target.path, format: target.format.driverName,
            featuresWritten: writer.written, sourceCRS: crs.map { "\($0.spatialReference)" },
            targetCRS: targetSRS.map { "\($0)" }, operation: plan?.report, encoding: source.encoding.report.summary,
            warnings: warnings)
    }

    private static func targetSpatialReference(
        _ request: ConvertRequest,
        format: OutputFormat
    ) throws -> SpatialReference? {
        let wanted = try request.targetCRS.map { try SpatialReference(definition: $0) }
        guard format.isAlwaysWGS84 else { return wanted }
        let wgs84 = try SpatialReference.wgs84()
        if let wanted, !wanted.isSame(as: wgs84) {
            throw GeoPlanError.output(
                path: request.output,
                reason: "RFC 7946 GeoJSON is always WGS 84 lon/lat, not "
                    + "\(wanted); drop --to-crs, or write .gpkg, .fgb or .shp")
        }
        return wgs84
    }
}
