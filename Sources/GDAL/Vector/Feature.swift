import CGDAL

/// One feature read from a layer: its id, attribute values and geometry.
///
/// Owns its `OGRFeatureH` (freed in `deinit`) and keeps its layer alive, so it may outlive the loop that read it.
/// Not `Sendable`: an OGR feature is a plain C++ object.
public final class Feature {
    let handle: OGRFeatureH
    /// The layer this feature came from, kept alive for the feature's definition and for error context.
    public let layer: Layer

    init(owning handle: OGRFeatureH, layer: Layer) {
        self.handle = handle
        self.layer = layer
    }

    deinit {
        OGR_F_Destroy(handle)
    }

    /// The feature id (FID), or nil when the driver has none.
    public var id: Int64? {
        // returns OGRNullFID (-1) when unset
        let fid = OGR_F_GetFID(handle)
        return fid == Int64(OGRNullFID) ? nil : fid
    }

    /// File, layer and feature id, for messages.
    public var location: FeatureLocation {
        FeatureLocation(path: layer.dataset.path, layer: layer.name, featureID: id)
    }

    /// The value of a field by name (exact, then case-insensitive).
    public func value(_ name: String) throws -> FieldValue {
        guard let index = layer.schema.index(of: name) else {
            throw GDALError.noSuchField(layer: layer.name, name: name, available: layer.schema.names)
        }
        return try value(at: index)
    }

    /// The value of the field at `index`, typed as the field is. Text is decoded as the layer says, and bytes
    /// that are not valid text throw, naming the file, layer, feature and field.
    public func value(at index: Int) throws -> FieldValue {
        let fields = layer.schema.fields
        guard fields.indices.contains(index) else {
            throw GDALError.noSuchField(layer: layer.name, name: "#\(index)", available: layer.schema.names)
        }
        let i = Int32(index)
        // returns TRUE when set (a missing GeoJSON property is unset) and when explicitly null
        guard OGR_F_IsFieldSet(handle, i) != 0 else { return .unset }
        guard OGR_F_IsFieldNull(handle, i) == 0 else { return .null }
        switch fields[index].type {
        case .integer, .integer64:
            return .integer(OGR_F_GetFieldAsInteger64(handle, i))
        case .real:
            return .real(OGR_F_GetFieldAsDouble(handle, i))
        case .string:
            return .string(try text(at: index))
        case .date:
            return .date(dateTime(at: i))
        case .time:
            return .time(dateTime(at: i))
        case .dateTime:
            return .dateTime(dateTime(at: i))
        case .binary:
            var count: Int32 = 0
            // returns a pointer into the feature, valid until it changes
            guard let bytes = OGR_F_GetFieldAsBinary(handle, i, &count) else { return .binary([]) }
            return .binary(Array(UnsafeBufferPointer(start: bytes, count: Int(count))))
        case .integerList, .integer64List:
            var count: Int32 = 0
            // returns a pointer into the feature
            guard let values = OGR_F_GetFieldAsInteger64List(handle, i, &count) else { return .integerList([]) }
            return .integerList(Array(UnsafeBufferPointer(start: values, count: Int(count))))
        case .realList:
            var count: Int32 = 0
            guard let values = OGR_F_GetFieldAsDoubleList(handle, i, &count) else { return .realList([]) }
            return .realList(Array(UnsafeBufferPointer(start: values, count: Int(count))))
        case .stringList:
            // returns a list owned by the feature
            guard let list = OGR_F_GetFieldAsStringList(handle, i) else { return .stringList([]) }
            var values: [String] = []
            var position = 0
            while let item = list[position] {
                values.append(try decode(item, field: fields[index].name))
                position += 1
            }
            return .stringList(values)
        }
    }

    /// All values in field order.
    public func values() throws -> [FieldValue] {
        try layer.schema.fields.indices.map { try value(at: $0) }
    }

    /// The geometry, borrowed from this feature (it keeps the feature alive), or nil when the feature has none.
    public var geometry: OGRGeometry? {
        // returns a pointer owned by the feature, or NULL
        OGR_F_GetGeometryRef(handle).map { OGRGeometry(borrowing: $0, from: self) }
    }

    // MARK: - Text

    private func text(at index: Int) throws -> String {
        // returns a pointer into the feature, valid until it changes
        guard let pointer = OGR_F_GetFieldAsString(handle, Int32(index)) else { return "" }
        return try decode(pointer, field: layer.schema.fields[index].name)
    }

    private func decode(_ pointer: UnsafePointer<CChar>, field: String) throws -> String {
        if let text = layer.textDecoding.decode(pointer) { return text }
        let hint: String
        switch layer.textDecoding {
        case .utf8:
            hint =
                "it is not UTF-8; name the file's encoding with \(Remedy.encoding("CP874").token) for Thai "
                + "TIS-620 text or \(Remedy.encoding("ISO-8859-1").token) for Latin-1"
        case let .recode(encoding):
            hint = "it is not valid \(encoding); check the encoding given (\(Remedy.encoding().token))"
        }
        throw GDALError.invalidText(location: location, field: field, excerpt: byteExcerpt(pointer), hint: hint)
    }

    private func dateTime(at index: Int32) -> DateTimeValue {
        var year: Int32 = 0
        var month: Int32 = 0
        var day: Int32 = 0
        var hour: Int32 = 0
        var minute: Int32 = 0
        var second: Float = 0
        var zone: Int32 = 0
        // returns TRUE on success; fills every out-parameter
        _ = OGR_F_GetFieldAsDateTimeEx(handle, index, &year, &month, &day, &hour, &minute, &second, &zone)
        return DateTimeValue(
            year: Int(year), month: Int(month), day: Int(day), hour: Int(hour), minute: Int(minute),
            second: Double(second), timeZone: Int(zone))
    }
}
