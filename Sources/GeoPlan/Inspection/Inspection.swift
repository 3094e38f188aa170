import GDAL
import PROJ

/// `geoplan info`'s engine: describes every layer of a dataset (or the one asked for).
public enum Inspection {
    /// Reads each layer once. `progress` gets (features read, features in the layer).
    public static func inspect(
        _ path: String, options: InputOptions = InputOptions(),
        progress: (Int, Int?) -> Void = { _, _ in }
    ) throws -> DatasetReport {
        let source: VectorSource
        do {
            source = try VectorSource.open(path, options: options, allowingManyLayers: true)
        } catch let error as GDALError {
            // Not vector data: describe it as a raster if GDAL reads it as one, else report the vector error.
            guard case .notRecognized = error, let raster = try? RasterDataset.open(path) else { throw error }
            return DatasetReport(
                path: path, driver: raster.driverName, layers: [],
                raster: try RasterReport.inspect(raster))
        }
        if source.layers.isEmpty, let raster = try? RasterDataset.open(path) {
            return DatasetReport(
                path: path, driver: raster.driverName, layers: [],
                raster: try RasterReport.inspect(raster))
        }
        let layers = try source.layers.map { layer in
            try inspect(layer, source: source, progress: progress)
        }
        return DatasetReport(path: path, driver: source.dataset.driverName, layers: layers)
    }

    static func inspect(_ layer: Layer, source: VectorSource, progress: (Int, Int?) -> Void) throws -> LayerReport {
        var warnings = source.encoding.warnings
        let crs = try LayerCRS.resolve(layer, assume: source.options.assumeCRS)
        if let warning = crs?.warning { warnings.append(warning) }
        if crs == nil {
            warnings.append(
                "layer \"\(layer.name)\" has no CRS: areas and lengths are not measured; give "
                    + "\(Remedy.assumeCRS("EPSG:4326").token) if you know it")
        }
        let measurer = try crs.map {
            try GeodesicMeasurer(
                crs: $0.spatialReference, near: layer.extent(force: false),
                domain: source.options.lonLatDomain)
        }
        let total = layer.featureCount(force: false)
        let scanner = try LayerScanner(layer: layer, keyField: try KeyField.resolve(nil, in: layer), measurer: measurer)
        let scan = try scanner.scan { progress($0, total) }
        if scan.hasM { warnings.append("layer \"\(layer.name)\" has M values; measures ignore them") }
        if scan.featureCount == 0 { warnings.append("layer \"\(layer.name)\" has no features") }

        // No box with a number that is not one (a NaN vertex) and none PROJ cannot transform (1e30 m): said below.
        let extent = layer.extent().flatMap(BoundingBox.finite)
        var extentLonLat: BoundingBox?
        if let extent, let crs, scan.outOfRange == 0 {
            let wgs84 = try SpatialReference.wgs84()
            let box = try? CoordinateTransformation(from: crs.spatialReference, to: wgs84)
                .transformBounds(Envelope(minX: extent.minX, minY: extent.minY, maxX: extent.maxX, maxY: extent.maxY))
            extentLonLat = box.flatMap(BoundingBox.finite)
        }
        if scan.outOfRange > 0 {
            let features = scan.outOfRange == 1 ? "1 feature has" : "\(scan.outOfRange) features have"
            warnings.append(
                "layer \"\(layer.name)\": \(features) coordinates with no place in WGS 84 lon/lat, so "
                    + "no area, length or lon/lat extent is given; first: \(scan.firstOutOfRange ?? "?"); "
                    + "list them with geoplan validate")
        }
        if let shifted = scan.shifts.warning(path: layer.dataset.path) { warnings.append(shifted) }
        let counts = scan.problemCounts
        let validity = ValiditySummary(
            checked: scan.featureCount,
            invalid: counts.filter { $0.key != "no geometry" && $0.key != "empty geometry" }.values.reduce(0, +),
            empty: counts["empty geometry"] ?? 0, missing: counts["no geometry"] ?? 0, reasons: counts)
        // A total that is not a number (a vertex off the ellipsoid, such as latitude 95) is left out, and said.
        for (what, total) in [("area", scan.areaSquareMetres), ("length", scan.lengthMetres)]
        where total.map({ !$0.isFinite }) == true {
            warnings.append(
                "layer \"\(layer.name)\": the geodesic \(what) is not a finite number (a coordinate off "
                    + "the ellipsoid, such as a latitude beyond 90°?) and is not given: check the coordinates and the CRS"
            )
        }
        // A partial total would be a wrong one: none at all while a feature is out of range.
        let complete = scan.outOfRange == 0
        let measures = measurer.map { measurer in
            MeasureTotals(
                areaSquareKilometres: scan.areaSquareMetres.flatMap { complete && $0.isFinite ? $0 / 1_000_000 : nil },
                lengthKilometres: scan.lengthMetres.flatMap { complete && $0.isFinite ? $0 / 1000 : nil },
                method: measurer.method)
        }
        return LayerReport(
            name: layer.name, featureCount: scan.featureCount, declaredGeometryType: "\(layer.geometryType)",
            geometryTypes: scan.geometryTypes, hasZ: scan.hasZ, hasM: scan.hasM, crs: crs?.report,
            extent: extent, extentLonLat: extentLonLat,
            fields: layer.schema.fields.map {
                FieldReport(name: $0.name, type: $0.typeDescription, width: $0.width, precision: $0.precision)
            },
            encoding: source.encoding.report, validity: validity, measures: measures, warnings: warnings)
    }
}

extension BoundingBox {
    init(_ envelope: Envelope) {
        self.init(minX: envelope.minX, minY: envelope.minY, maxX: envelope.maxX, maxY: envelope.maxY)
    }

    /// The box, or nil when one of its numbers is not finite.
    static func finite(_ envelope: Envelope) -> BoundingBox? {
        let box = BoundingBox(envelope)
        return [box.minX, box.minY, box.maxX, box.maxY].allSatisfy(\.isFinite) ? box : nil
    }
}
