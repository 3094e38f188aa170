import CGDAL

extension Dataset {
    /// Creates a new vector dataset with a driver (`"GeoJSON"`, `"GPKG"`, `"FlatGeobuf"`, `"CSV"`,
    /// `"ESRI Shapefile"`…) and dataset creation options. The path must not exist yet.
    ///
    /// See `GDALCreate`.
    public static func create(_ path: String, driver name: String, options: [String: String] = [:]) throws -> Dataset {
        GDALLibrary.ensureRegistered()
        // returns the driver, owned by the driver manager, or NULL when this GDAL build lacks it
        guard let driver = GDALGetDriverByName(name) else { throw GDALError.noSuchDriver(name: name) }
        let creationOptions = CStringList(options: options)
        return try withCPLErrorCapture { capture in
            // returns a new dataset, or NULL when the file cannot be created
            guard let handle = GDALCreate(driver, path, 0, 0, 0, GDT_Unknown, creationOptions.pointer) else {
                throw GDALError.library(
                    function: "GDALCreate", message: capture.lastFailure,
                    context: "cannot create \"\(path)\" with the \(name) driver")
            }
            let dataset = Dataset(handle: handle, path: path, textDecoding: .utf8)
            dataset.record(capture.warnings)
            return dataset
        }
    }

    /// Creates a layer. See `GDALDatasetCreateLayer`.
    public func createLayer(
        named name: String, spatialReference: SpatialReference?, geometryType: GeometryType,
        options: [String: String] = [:]
    ) throws -> Layer {
        let handle = try openHandle("GDALDatasetCreateLayer", doing: "creating layer \"\(name)\" in \"\(path)\"")
        let creationOptions = CStringList(options: options)
        return try withCPLErrorCapture { capture in
            // returns a layer owned by the dataset, or NULL; the dataset takes its own reference to the SRS
            guard
                let layer = GDALDatasetCreateLayer(
                    handle, name, spatialReference?.handle, geometryType.ogrType,
                    creationOptions.pointer)
            else {
                throw GDALError.library(
                    function: "GDALDatasetCreateLayer", message: capture.lastFailure,
                    context: "cannot create layer \"\(name)\" in \"\(path)\"")
            }
            record(capture.warnings)
            return Layer(handle: layer, dataset: self, textDecoding: .utf8)
        }
    }

    /// Starts a transaction where the format has them (GeoPackage: bulk writes are much faster in one).
    /// Returns false, harmlessly, for formats without transactions, and for a closed dataset.
    /// See `GDALDatasetStartTransaction`.
    @discardableResult
    public func beginTransaction() -> Bool {
        guard let handle = try? openHandle("GDALDatasetStartTransaction", doing: path) else { return false }
        // returns OGRERR_NONE when a transaction started; OGRERR_UNSUPPORTED_OPERATION for other formats
        return withCPLErrorCapture { _ in GDALDatasetStartTransaction(handle, 0) } == OGRERR_NONE
    }

    /// Commits the transaction `beginTransaction` started. See `GDALDatasetCommitTransaction`.
    public func commitTransaction() throws {
        let handle = try openHandle("GDALDatasetCommitTransaction", doing: "writing \"\(path)\"")
        try withCPLErrorCapture { capture in
            // returns OGRERR_NONE on success
            guard GDALDatasetCommitTransaction(handle) == OGRERR_NONE else {
                throw GDALError.library(
                    function: "GDALDatasetCommitTransaction", message: capture.lastFailure,
                    context: "writing \"\(path)\"")
            }
        }
    }
}

extension Layer {
    /// Adds a field; returns the name the driver actually used (Shapefiles launder names to 10 bytes).
    /// See `OGR_L_CreateField`.
    @discardableResult
    public func createField(_ field: FieldDefinition) throws -> String {
        let handle = try openHandle("OGR_L_CreateField", doing: "creating field \"\(field.name)\" in \(label)")
        // returns a new field definition we own
        guard let definition = OGR_Fld_Create(field.name, field.type.ogrType) else {
            throw GDALError.library(
                function: "OGR_Fld_Create", message: "out of memory", context: "field \(field.name)")
        }
        defer { OGR_Fld_Destroy(definition) }
        OGR_Fld_SetSubType(definition, field.subtype.ogrSubtype)
        OGR_Fld_SetWidth(definition, Int32(field.width))
        OGR_Fld_SetPrecision(definition, Int32(field.precision))
        OGR_Fld_SetNullable(definition, field.isNullable ? 1 : 0)
        try withCPLErrorCapture { capture in
            // returns OGRERR_NONE on success; bApproxOK=TRUE lets the driver adapt width/type
            guard OGR_L_CreateField(handle, definition, 1) == OGRERR_NONE else {
                throw GDALError.library(
                    function: "OGR_L_CreateField", message: capture.lastFailure,
                    context: "cannot create field \"\(field.name)\" in layer \"\(name)\"")
            }
            dataset.record(capture.warnings)
        }
        refreshSchema(handle)
        return schema.fields.last?.name ?? field.name
    }

    /// A new, empty feature with this layer's fields, to fill and `write`.
    public func makeFeature() throws -> Feature {
        let handle = try openHandle("OGR_F_Create", doing: "making a feature for \(label)")
        // returns the definition owned by the layer; OGR_F_Create takes a reference to it
        guard let definition = OGR_L_GetLayerDefn(handle), let feature = OGR_F_Create(definition) else {
            throw GDALError.library(function: "OGR_F_Create", message: "out of memory", context: "layer \(name)")
        }
        return Feature(owning: feature, layer: self)
    }

    /// Appends a feature. See `OGR_L_CreateFeature`.
    public func write(_ feature: Feature, source: FeatureLocation? = nil) throws {
        let handle = try openHandle("OGR_L_CreateFeature", doing: "writing a feature to \(label)")
        try withCPLErrorCapture { capture in
            // returns OGRERR_NONE on success
            guard OGR_L_CreateFeature(handle, feature.handle) == OGRERR_NONE else {
                throw GDALError.writeFailed(
                    location: source ?? FeatureLocation(path: dataset.path, layer: name),
                    message: capture.lastFailure)
            }
            if !capture.warnings.isEmpty { dataset.record(capture.warnings) }
        }
    }
}

extension Feature {
    /// Sets a field by position; `.unset` unsets it and `.null` makes it null. See `OGR_F_SetField*`.
    public func set(_ value: FieldValue, at index: Int) {
        let i = Int32(index)
        switch value {
        case .unset: OGR_F_UnsetField(handle, i)
        case .null: OGR_F_SetFieldNull(handle, i)
        case let .string(text): OGR_F_SetFieldString(handle, i, text)
        case let .integer(number): OGR_F_SetFieldInteger64(handle, i, number)
        case let .real(number): OGR_F_SetFieldDouble(handle, i, number)
        case let .date(moment), let .time(moment), let .dateTime(moment):
            OGR_F_SetFieldDateTimeEx(
                handle, i, Int32(moment.year), Int32(moment.month), Int32(moment.day),
                Int32(moment.hour), Int32(moment.minute), Float(moment.second),
                Int32(moment.timeZone))
        case let .binary(bytes):
            bytes.withUnsafeBytes { OGR_F_SetFieldBinary(handle, i, Int32(bytes.count), $0.baseAddress) }
        case let .integerList(numbers):
            numbers.withUnsafeBufferPointer {
                OGR_F_SetFieldInteger64List(handle, i, Int32(numbers.count), $0.baseAddress)
            }
        case let .realList(numbers):
            numbers.withUnsafeBufferPointer {
                OGR_F_SetFieldDoubleList(handle, i, Int32(numbers.count), $0.baseAddress)
            }
        case let .stringList(texts):
            let list = CStringList(texts)
            OGR_F_SetFieldStringList(handle, i, list.pointer)
        }
    }

    /// Sets a field by name.
    public func set(_ value: FieldValue, for name: String) throws {
        guard let index = layer.schema.index(of: name) else {
            throw GDALError.noSuchField(layer: layer.name, name: name, available: layer.schema.names)
        }
        set(value, at: index)
    }

    /// Sets the geometry to a copy of `geometry` (nil removes it). See `OGR_F_SetGeometry`.
    public func setGeometry(_ geometry: OGRGeometry?) throws {
        // returns OGRERR_NONE; copies the geometry
        guard OGR_F_SetGeometry(handle, geometry?.handle) == OGRERR_NONE else {
            throw GDALError.invalidGeometry(message: "the layer refused the geometry")
        }
    }

    /// Sets the feature id (for formats that write one).
    public func setID(_ id: Int64?) {
        _ = OGR_F_SetFID(handle, id ?? Int64(OGRNullFID))  // returns OGRERR_NONE
    }
}
