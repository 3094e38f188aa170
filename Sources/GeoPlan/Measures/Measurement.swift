import GDAL
import GEOS

/// One feature's geodesic measures.
public struct FeatureMeasures: Codable, Hashable, Sendable {
    public var featureID: Int64?
    public var key: String?
    public var areaSquareMetres: Double?
    public var perimeterMetres: Double?
    public var lengthMetres: Double?
}

/// What `geoplan measure` reports.
public struct MeasureReport: Codable, Hashable, Sendable {
    public var path: String
    public var layer: String
    public var keyField: String?
    public var kind: MeasureKind
    public var method: String
    public var operation: OperationReport?
    public var features: [FeatureMeasures]
    public var totalAreaSquareMetres: Double?
    public var totalLengthMetres: Double?
    public var warnings: [String]
}

/// What a layer's features have: areas (polygons) or lengths (lines).
public enum MeasureKind: String, Codable, Hashable, Sendable {
    case area, length
}

/// `geoplan measure`'s engine: geodesic area and perimeter of every polygon, or length of every line.
public enum Measurement {
    public static func measure(
        _ path: String, options: InputOptions = InputOptions(), keyField: String? = nil,
        progress: (Int, Int?) -> Void = { _, _ in }
    ) throws -> MeasureReport {
        let source = try VectorSource.open(path, options: options)
        let layer = source.layer
        var warnings = source.encoding.warnings
        let crs = try LayerCRS.require(layer, assume: options.assumeCRS, purpose: "measure areas or lengths")
        if let warning = crs.warning { warnings.append(warning) }
        let key = try KeyField.resolve(keyField, in: layer)
        let measurer = try GeodesicMeasurer(
            crs: crs.spatialReference, near: layer.extent(force: false),
            domain: options.lonLatDomain)
        let context = try GEOSContext()
        var kind: MeasureKind?
        var rows: [FeatureMeasures] = []
        var invalid = 0
        let total = layer.featureCount(force: false)
        try layer.forEachFeature { feature in
            guard let ogr = feature.geometry, !ogr.isEmpty else {
                rows.append(FeatureMeasures(featureID: feature.id, key: KeyField.value(of: key, in: feature)))
                return
            }
            let type = ogr.type
            let featureKind: MeasureKind? = type.isPolygonal ? .area : type.isLinear ? .length : nil
            guard let featureKind else {
                throw GeoPlanError.wrongGeometryType(
                    location: feature.location, expected: "a polygon or a line",
                    found: "\(type)")
            }
            if let kind, kind != featureKind {
                throw GeoPlanError.mixedGeometryTypes(
                    path: path, layer: layer.name, types: ["polygons", "lines"],
                    purpose: "measure needs one kind")
            }
            kind = featureKind
            let (status, checked) = GeometryCheck.status(of: ogr, context: context)
            guard var geos = checked else {
                throw GeoPlanError.input(
                    path: path,
                    reason: "\(feature.location): cannot measure an unreadable "
                        + "geometry (\(status.reason ?? "invalid")); repair it with geoplan validate --fix")
            }
            if case .invalid = status {
                // Coordinates off the Earth are no repair's business: say so before MakeValid sees them.
                _ = try measurer.check(geos, location: feature.location)
                // Correct by default: a bow-tie's ring formula cancels its own area; measure what MakeValid makes
                // of it (what `validate --fix` would write), and say so.
                invalid += 1
                geos = try geos.makeValid(method: .structure(keepCollapsed: false))
                if featureKind == .area { geos = try geos.polygonalPart() }
            }
            let measures = try measurer.measure(geos, location: feature.location)
            rows.append(
                FeatureMeasures(
                    featureID: feature.id, key: KeyField.value(of: key, in: feature),
                    areaSquareMetres: measures.areaSquareMetres,
                    perimeterMetres: measures.perimeterMetres, lengthMetres: measures.lengthMetres))
            progress(rows.count, total)
        }
        guard !rows.isEmpty else { throw GeoPlanError.emptyLayer(path: path, layer: layer.name) }
        if let shifted = measurer.shifts.warning(path: path) { warnings.append(shifted) }
        if invalid > 0 {
            warnings.append(
                "\(invalid) invalid geometries were measured after repair with GEOS MakeValid, as "
                    + "geoplan validate --fix would write them; list them with geoplan validate")
        }
        return MeasureReport(
            path: path, layer: layer.name, keyField: key, kind: kind ?? .area, method: measurer.method,
            operation: measurer.operation, features: rows,
            totalAreaSquareMetres: kind == .length ? nil : rows.compactMap(\.areaSquareMetres).reduce(0, +),
            totalLengthMetres: kind == .length ? rows.compactMap(\.lengthMetres).reduce(0, +) : nil,
            warnings: warnings)
    }
}
