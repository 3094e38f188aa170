import GDAL

/// Writes one layer to a staged output: creates the dataset, layer and fields, takes features one at a time,
/// and moves the finished file into place on `finish()`. Dropped unfinished, it leaves nothing behind.
///
/// Not `Sendable`: it owns a GDAL dataset, used by one thread.
public final class LayerWriter {
    public let target: OutputTarget
    private let staged: StagedOutput
    private var dataset: Dataset?
    private let layer: Layer
    /// The output's field position for each input field position.
    private let fieldPositions: [Int]
    private let promoteToMulti: Bool
    private let inTransaction: Bool
    public private(set) var written = 0
    /// CSV text that a spreadsheet would run as a formula is written as it is (`--csv-raw`), not neutralised.
    public var keepsFormulaText = false

    /// - Parameters:
    ///   - schema: the input's fields, created in order (a Shapefile launders long names; see `warnings`).
    ///   - geometryType: the input layer's type; polygon layers are written as MultiPolygon so that repaired or
    ///     multi-part features fit the declared type.
    public init(target: OutputTarget, layerName: String, schema: LayerSchema, spatialReference: SpatialReference?,
                geometryType: GeometryType, precision: Int = 7, extraOptions: [String: String] = [:]) throws {
        self.target = target
        staged = try StagedOutput(target: target)
        let dataset = try Dataset.create(staged.stagingPath, driver: target.format.driverName)
        promoteToMulti = geometryType.isPolygonal
        var outputType = geometryType
        if promoteToMulti {
            outputType = GeometryType(kind: .multiPolygon, hasZ: geometryType.hasZ, hasM: geometryType.hasM)
        }
        if target.format == .geoJSON, outputType.hasM {
            outputType = GeometryType(kind: outputType.kind, hasZ: outputType.hasZ)  // RFC 7946 has no M
        }
        layer = try dataset.createLayer(named: layerName, spatialReference: spatialReference, geometryType: outputType,
                                        options: target.format.layerOptions(precision: precision)
                                            .merging(extraOptions) { _, extra in extra })
        var positions: [Int] = []
        for field in schema.fields {
            try layer.createField(field)
            positions.append(layer.schema.fields.count - 1)
        }
        fieldPositions = positions
        inTransaction = dataset.beginTransaction()
        self.dataset = dataset
    }

    deinit {
        // Unfinished: close GDAL's files before the staging folder (and everything in it) is removed.
        try? dataset?.close()
    }

    /// Appends one feature: its values in input field order, its geometry (nil for none), and where it came from.
    public func write(values: [FieldValue], geometry: OGRGeometry?, source: FeatureLocation) throws {
        let feature = try layer.makeFeature()
        for (index, value) in values.enumerated() where index < fieldPositions.count {
            let safe = target.format == .csv && !keepsFormulaText ? SpreadsheetText.neutralised(value) : value
            feature.set(safe, at: fieldPositions[index])
        }
        if let geometry {
            let fitted = promoteToMulti && geometry.type.kind == .polygon ? try geometry.promotedToMultiPolygon()
                : geometry
            try feature.setGeometry(fitted)
        }
        do {
            try layer.write(feature, source: source)
        } catch let GDALError.writeFailed(location, message) {
            throw GDALError.writeFailed(location: location, message: message + writeHint(message))
        }
        written += 1
    }

    /// GDAL's warnings (field names laundered, values truncated…), so far or, after `finish()`, in all.
    public var warnings: [String] {
        dataset.map { $0.warnings.map { "\(target.path): \($0.text)" } } ?? finishedWarnings
    }

    /// Commits, closes (reporting a failed flush) and moves the output into place.
    public func finish() throws {
        try close()
        try commit()
    }

    /// Commits and closes, leaving the file staged: for runs whose outputs must all appear together.
    public func close() throws {
        guard let dataset else { return }
        if inTransaction { try dataset.commitTransaction() }
        let collected = warnings
        try dataset.close()
        self.dataset = nil
        finishedWarnings = collected
    }

    /// Moves the closed output into place.
    public func commit() throws {
        try staged.commit()
    }

    private var finishedWarnings: [String] = []

    private func writeHint(_ message: String) -> String {
        if target.format == .shapefile, message.contains("type") {
            return "; a Shapefile holds one geometry type: write .gpkg or .geojson, or select features with --where"
        }
        return ""
    }
}
