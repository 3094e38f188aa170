import Foundation
import GDAL

/// Writes one layer to a staged output: creates the dataset, layer and fields, takes features one at a time,
/// and moves the finished file into place on `finish()`. Dropped unfinished, it leaves nothing behind. Once
/// closed, it holds no GDAL layer or dataset, and `write` throws.
///
/// Not `Sendable`: it owns a GDAL dataset, used by one thread.
public final class LayerWriter {
    public let target: OutputTarget
    private let staged: StagedOutput
    private var dataset: Dataset?
    /// Borrowed from `dataset`: released with it when the writer closes.
    private var layer: Layer?
    /// GeoJSON is written by geoplan's own writer (`GeoJSONWriter`), not GDAL's driver.
    private let geoJSON: GeoJSONLayerOutput?
    /// The output's field position for each input field position.
    private let fieldPositions: [Int]
    private let promoteToMulti: Bool
    private let inTransaction: Bool
    /// How `close()` ended, once it was called: a second call gives the same answer, never a half-written file.
    private var closing: Result<Void, any Error>?
    public private(set) var written = 0
    /// CSV text that a spreadsheet would run as a formula is written as it is (`--csv-raw`), not neutralised.
    public var keepsFormulaText = false

    /// - Parameters:
    ///   - schema: the input's fields, created in order (a Shapefile launders long names; see `warnings`).
    ///   - geometryType: the input layer's type; polygon layers are written as MultiPolygon so that repaired or
    ///     multi-part features fit the declared type.
    ///   - threads: threads that encode GeoJSON (other formats are written by GDAL on this thread).
    public init(
        target: OutputTarget, layerName: String, schema: LayerSchema, spatialReference: SpatialReference?,
        geometryType: GeometryType, precision: Int = 7, extraOptions: [String: String] = [:],
        in outputs: OutputSet? = nil, wait: Bool = false,
        threads: Int = ProcessInfo.processInfo.activeProcessorCount
    ) throws {
        self.target = target
        // A member of a command's set is committed with the set; alone, it is a set of its own.
        staged = try outputs?.stage(target) ?? StagedOutput(target: target, wait: wait)
        if target.format == .geoJSON {
            // GDAL's `ID_FIELD` option names the field written as each feature's `id`; ours takes it too.
            geoJSON = try GeoJSONLayerOutput(
                stagingPath: staged.stagingPath, displayPath: target.path,
                layerName: layerName, schema: schema, precision: precision,
                idField: extraOptions["ID_FIELD"], threads: threads)
            layer = nil
            fieldPositions = []
            promoteToMulti = false
            inTransaction = false
            return
        }
        geoJSON = nil
        let dataset = try Dataset.create(staged.stagingPath, driver: target.format.driverName)
        promoteToMulti = geometryType.isPolygonal
        let outputType =
            promoteToMulti
            ? GeometryType(kind: .multiPolygon, hasZ: geometryType.hasZ, hasM: geometryType.hasM) : geometryType
        let layer = try dataset.createLayer(
            named: layerName, spatialReference: spatialReference,
            geometryType: outputType,
            options: target.format.layerOptions(precision: precision)
                .merging(extraOptions) { _, extra in extra })
        var positions: [Int] = []
        for field in schema.fields {
            try layer.createField(field)
            positions.append(layer.schema.fields.count - 1)
        }
        fieldPositions = positions
        self.layer = layer
        inTransaction = dataset.beginTransaction()
        self.dataset = dataset
    }

    deinit {
        // Unfinished: close GDAL's files before the staging folder (and everything in it) is removed.
        try? dataset?.close()
    }

    /// Appends one feature: its values in input field order, its geometry (nil for none), and where it came from.
    public func write(values: [FieldValue], geometry: OGRGeometry?, source: FeatureLocation) throws {
        guard closing == nil else {
            throw GeoPlanError.output(path: target.path, reason: "written to after it was closed (writing \(source))")
        }
        if let geoJSON {
            try geoJSON.write(values: values, geometry: geometry, source: source)
            written += 1
            return
        }
        guard let layer else { return }
        let feature = try layer.makeFeature()
        for (index, value) in values.enumerated() where index < fieldPositions.count {
            let safe = target.format == .csv && !keepsFormulaText ? SpreadsheetText.neutralised(value) : value
            feature.set(safe, at: fieldPositions[index])
        }
        if let geometry {
            let fitted =
                promoteToMulti && geometry.type.kind == .polygon
                ? try geometry.promotedToMultiPolygon()
                : geometry
            try feature.setGeometry(fitted)
        }
        do {
            try layer.write(feature, source: source)
        } catch let GDALError.writeFailed(location, message) {
            // Named by the output, the file that could not be written (a full disk), and by the feature it was.
            throw GeoPlanError.output(
                path: target.path,
                reason: "writing \(location) failed: \(message)"
                    + writeHint(message))
        }
        written += 1
    }

    /// GDAL's warnings (field names laundered, values truncated…), so far or, after `finish()`, in all.
    public var warnings: [String] {
        if let geoJSON { return geoJSON.warnings }  // non-finite values as null, polygons kept valid
        return dataset.map { $0.warnings.map { "\(target.path): \($0.text)" } } ?? finishedWarnings
    }

    /// Commits, closes (reporting a failed flush) and moves the output into place.
    public func finish() throws {
        try close()
        try commit()
    }

    /// Commits and closes, leaving the file staged: for runs whose outputs must all appear together. A second call
    /// returns or throws as the first did.
    public func close() throws {
        if let closing { return try closing.get() }
        layer = nil  // its dataset closes below; a write from now on throws instead of reaching it
        let result = Result { try closeOutput() }
        closing = result
        try result.get()
    }

    private func closeOutput() throws {
        if let geoJSON {
            try geoJSON.finish()  // every write checked, fsynced: no need to read it back
            return
        }
        guard let dataset else { return }
        if inTransaction { try dataset.commitTransaction() }
        let collected = warnings
        try dataset.close()
        self.dataset = nil
        finishedWarnings = collected
        try verifyWritten()
    }

    /// Reads the closed file back: GDAL's drivers do not all report a failed write (a full disk), so an output is
    /// only taken as written when it opens and holds every feature written to it.
    private func verifyWritten() throws {
        let incomplete = { (detail: String) in
            GeoPlanError.output(
                path: self.target.path,
                reason: "it was not written completely (\(detail)); check the "
                    + "free space and the disk, then run again")
        }
        var count = 0
        do {
            let reread = try Dataset.open(staged.stagingPath)
            // Every record read, not the header's count: a file cut short can still claim all of them.
            try reread.layer(at: 0).forEachFeature { _ in count += 1 }
            try reread.close()
        } catch {
            throw incomplete("it cannot be read back: \(error)")
        }
        guard count == written else {
            throw incomplete("\(count) features read back of \(written) written")
        }
    }

    /// Moves the closed output into place.
    public func commit() throws {
        try staged.commit()
    }

    private var finishedWarnings: [String] = []

    private func writeHint(_ message: String) -> String {
        if target.format == .shapefile, message.contains("type") {
            return "; a Shapefile holds one geometry type: write .gpkg or .geojson, or select features with "
                + Remedy.whereClause().token
        }
        return ""
    }
}
