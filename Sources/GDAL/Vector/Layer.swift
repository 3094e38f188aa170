import CGDAL

/// A vector layer of a dataset (`OGRLayerH`): its schema, CRS, extent and features.
///
/// The dataset owns the C layer; this object holds the `Dataset` strongly, so a layer kept after its dataset
/// variable went away still works (OSGeo/gdal #7965 is what happens otherwise). Once the dataset is closed,
/// `name`, `schema`, `geometryType`, `spatialReference` and `fidColumn` keep what they were, `featureCount` and
/// `extent` are nil, and every call that reads or writes throws.
///
/// Not `Sendable`: GDAL's rule is that a dataset and everything read from it are used by one thread at a time.
/// A layer has one read cursor: iterate it from one place at a time.
public final class Layer {
    /// Owned by the dataset and freed when it closes: reach it through `openHandle`, which throws after that.
    private let handle: OGRLayerH
    public let dataset: Dataset
    public let name: String
    public private(set) var schema: LayerSchema
    /// The declared geometry type (`Unknown` for layers that mix types, e.g. GeoJSON).
    public let geometryType: GeometryType
    /// The layer's CRS in lon/lat (x/y) axis order, or nil when the file declares none.
    ///
    /// A copy: GDAL says the layer's own must not be modified, and it goes when the dataset closes.
    /// See `OGR_L_GetSpatialRef`.
    public let spatialReference: SpatialReference?
    /// The FID column name of formats that have one (GeoPackage `fid`), or nil.
    public let fidColumn: String?
    /// How text values are decoded; set from the dataset's open options.
    public let textDecoding: TextDecoding
    /// The error that stopped the last `features` iteration, if one did.
    public internal(set) var lastReadError: GDALError?

    init(handle: OGRLayerH, dataset: Dataset, textDecoding: TextDecoding) {
        self.handle = handle
        self.dataset = dataset
        self.textDecoding = textDecoding
        // returns a pointer owned by the layer
        name = String(cString: OGR_L_GetName(handle))
        schema = Layer.readSchema(handle)
        // returns the layer's declared type
        geometryType = GeometryType(OGR_L_GetGeomType(handle))
        // returns a reference owned by the layer, or NULL; the copy is ours (nil only when out of memory)
        spatialReference = OGR_L_GetSpatialRef(handle).flatMap(SpatialReference.init(copying:))
        // returns "" when none
        let fid = String(cString: OGR_L_GetFIDColumn(handle))
        fidColumn = fid.isEmpty ? nil : fid
    }

    static func readSchema(_ handle: OGRLayerH) -> LayerSchema {
        // returns the layer's definition, owned by the layer
        guard let definition = OGR_L_GetLayerDefn(handle) else { return LayerSchema(fields: []) }
        let count = OGR_FD_GetFieldCount(definition)
        let fields = (0..<count).compactMap { index in
            // returns a field definition owned by the layer definition
            OGR_FD_GetFieldDefn(definition, index).map(FieldDefinition.init(copying:))
        }
        return LayerSchema(fields: fields)
    }

    /// Reads the fields again, after one was added through `handle`.
    func refreshSchema(_ handle: OGRLayerH) {
        schema = Layer.readSchema(handle)
    }

    /// The handle, or an error instead of a call that would reach a layer its closed dataset freed.
    func openHandle(_ function: String, doing context: @autoclosure () -> String) throws -> OGRLayerH {
        _ = try dataset.openHandle(function, doing: context())
        return handle
    }

    /// `layer "phuket" of "phuket.shp"`, for messages.
    var label: String { "layer \"\(name)\" of \"\(dataset.path)\"" }

    /// Number of features; with `force: false`, nil when the driver cannot tell without a full scan. Nil once the
    /// dataset is closed.
    public func featureCount(force: Bool = true) -> Int? {
        guard let handle = try? openHandle("OGR_L_GetFeatureCount", doing: label) else { return nil }
        // returns -1 when unknown and not forced
        let count = withCPLErrorCapture { _ in OGR_L_GetFeatureCount(handle, force ? 1 : 0) }
        return count < 0 ? nil : Int(count)
    }

    /// The extent in the layer's CRS; nil when the layer is empty, the driver cannot tell, or the dataset is
    /// closed.
    public func extent(force: Bool = true) -> Envelope? {
        guard let handle = try? openHandle("OGR_L_GetExtent", doing: label) else { return nil }
        var box = OGREnvelope()
        // returns OGRERR_NONE on success, OGRERR_FAILURE for an empty layer
        let status = withCPLErrorCapture { _ in OGR_L_GetExtent(handle, &box, force ? 1 : 0) }
        guard status == OGRERR_NONE, box.MinX <= box.MaxX else { return nil }
        return Envelope(minX: box.MinX, minY: box.MinY, maxX: box.MaxX, maxY: box.MaxY)
    }

    /// Restricts reading to features matching an OGR SQL `WHERE` clause (`ADM1_EN = 'Phuket'`); nil clears it.
    /// See `OGR_L_SetAttributeFilter`.
    public func setAttributeFilter(_ clause: String?) throws {
        let handle = try openHandle("OGR_L_SetAttributeFilter", doing: "filtering \(label)")
        try withCPLErrorCapture { capture in
            // returns OGRERR_NONE, or an error for a clause OGR SQL cannot parse
            guard OGR_L_SetAttributeFilter(handle, clause) == OGRERR_NONE else {
                throw GDALError.library(
                    function: "OGR_L_SetAttributeFilter", message: capture.lastFailure,
                    context: "layer \"\(name)\" of \"\(dataset.path)\": filter "
                        + "\"\(clause ?? "")\" (\(Remedy.whereClause().token))")
            }
        }
    }

    // MARK: - Reading

    /// A fresh cursor at the first feature; once the dataset is closed, its `next()` throws.
    /// See `OGR_L_ResetReading`, `OGR_L_GetNextFeature`.
    public func makeCursor() -> FeatureCursor {
        if let handle = try? openHandle("OGR_L_ResetReading", doing: label) {
            OGR_L_ResetReading(handle)
        }
        return FeatureCursor(layer: self)
    }

    /// The feature with that id, or nil when there is none. See `OGR_L_GetFeature`.
    public func feature(id: Int64) throws -> Feature? {
        let layerHandle = try openHandle("OGR_L_GetFeature", doing: "reading feature \(id) of \(label)")
        let (handle, failure) = withCPLErrorCapture { capture -> (OGRFeatureH?, String?) in
            // returns a new feature we own, or NULL
            let handle = OGR_L_GetFeature(layerHandle, id)
            let failed = capture.messages.contains { $0.severity == .failure || $0.severity == .fatal }
            return (handle, failed ? capture.lastFailure : nil)
        }
        if let failure, handle == nil, !failure.contains("out of range"), !failure.contains("does not exist") {
            throw GDALError.readFailed(
                location: FeatureLocation(path: dataset.path, layer: name, featureID: id),
                message: failure)
        }
        return handle.map { Feature(owning: $0, layer: self) }
    }

    /// Calls `body` for every feature in turn, streaming; read errors are thrown.
    public func forEachFeature(_ body: (Feature) throws -> Void) throws {
        var cursor = makeCursor()
        while let feature = try cursor.next() {
            try body(feature)
        }
    }

    /// The features as a lazy `Sequence`. Iteration stops at the end or at the first read error, which is then
    /// kept in `lastReadError`; prefer `forEachFeature` or `makeCursor` where errors must propagate.
    public var features: FeatureSequence { FeatureSequence(layer: self) }
}

/// Reads features one at a time; `next()` returns nil at the end and throws on a read error.
public struct FeatureCursor {
    let layer: Layer
    private var lastID: Int64?

    init(layer: Layer) {
        self.layer = layer
    }

    public mutating func next() throws -> Feature? {
        let layer = self.layer
        let layerHandle = try layer.openHandle("OGR_L_GetNextFeature", doing: "reading \(layer.label)")
        let (handle, failure) = withCPLErrorCapture { capture -> (OGRFeatureH?, String?) in
            // returns a new feature we own, or NULL at the end or on a read error
            let handle = OGR_L_GetNextFeature(layerHandle)
            let failed = capture.messages.contains { $0.severity == .failure || $0.severity == .fatal }
            return (handle, failed ? capture.lastFailure : nil)
        }
        if let failure {
            if let handle { OGR_F_Destroy(handle) }
            let position = lastID.map { "after feature \($0)" } ?? "at the first feature"
            throw GDALError.readFailed(
                location: FeatureLocation(path: layer.dataset.path, layer: layer.name, featureID: nil),
                message: "\(failure) (\(position)); the file may be truncated or corrupt")
        }
        guard let handle else { return nil }
        let feature = Feature(owning: handle, layer: layer)
        lastID = feature.id
        return feature
    }
}

/// A layer's features as a `Sequence` (see `Layer.features`).
public struct FeatureSequence: Sequence {
    let layer: Layer

    public func makeIterator() -> Iterator {
        layer.lastReadError = nil
        return Iterator(cursor: layer.makeCursor())
    }

    public struct Iterator: IteratorProtocol {
        var cursor: FeatureCursor

        public mutating func next() -> Feature? {
            do {
                return try cursor.next()
            } catch let error as GDALError {
                cursor.layer.lastReadError = error
                return nil
            } catch {
                return nil
            }
        }
    }
}
