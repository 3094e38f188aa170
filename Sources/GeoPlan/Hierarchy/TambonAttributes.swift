import GDAL

/// The attributes of a tambon layer that levels read (`ADM2_PCODE`, `ADM2_TH`…), by tambon code: areas carry
/// only their id and names, so the fields a roll-up groups by are read once more from the file.
struct TambonAttributes {
    /// The layer's field names.
    let fields: [String]
    private let valuesByCode: [String: [String: FieldValue]]

    init(fields: [String], valuesByCode: [String: [String: FieldValue]]) {
        self.fields = fields
        self.valuesByCode = valuesByCode
    }

    /// Reads `wanted` (those the layer has) for every feature of a boundary set's layer, by its id field.
    static func read(_ spec: BoundarySpec, folder: String?, wanted: Set<String>) throws -> TambonAttributes {
        let path = BoundarySet.resolve(spec.path, in: folder)
        let source = try VectorSource.open(
            path,
            options: InputOptions(
                layer: spec.layer, encoding: spec.encoding, assumeCRS: spec.assumeCRS, whereClause: spec.whereClause))
        let fields = source.layer.schema.names
        let kept = fields.filter { wanted.contains($0) }
        var values: [String: [String: FieldValue]] = [:]
        try source.layer.forEachFeature { feature in
            guard let id = try feature.value(spec.idField).text?.trimmingCharacters(in: .whitespaces) else { return }
            var row: [String: FieldValue] = [:]
            for field in kept { row[field] = try feature.value(field) }
            values[id] = row
        }
        return TambonAttributes(fields: fields, valuesByCode: values)
    }

    func has(_ field: String) -> Bool {
        fields.contains(field)
    }

    /// A tambon's value of `field`, trimmed; nil when missing or empty.
    func text(_ field: String, of code: String) -> String? {
        guard let text = valuesByCode[code]?[field]?.text?.trimmingCharacters(in: .whitespaces), !text.isEmpty
        else { return nil }
        return text
    }

    func value(_ field: String, of code: String) -> FieldValue {
        valuesByCode[code]?[field] ?? .null
    }
}
