import GDAL

/// The attribute that names a feature for a person (a tambon's `ADM3_PCODE`), used in reports next to the FID.
public enum KeyField {
    /// Field names tried in order when the user names none, case-insensitively.
    /// Codes first, from the finest level; then English names (COD-AB province layers carry no province code).
    static let preferred = [
        "ADM3_PCODE", "ADM2_PCODE", "ADM1_PCODE", "PCODE", "CODE", "ID", "ADM3_EN", "ADM2_EN",
        "ADM1_EN", "NAME",
    ]

    /// The user's field (checked), or the first preferred field the layer has, or nil.
    public static func resolve(_ requested: String?, in layer: Layer) throws -> String? {
        if let requested {
            guard let index = layer.schema.index(of: requested) else {
                throw GDALError.noSuchField(layer: layer.name, name: requested, available: layer.schema.names)
            }
            return layer.schema.fields[index].name
        }
        for name in preferred {
            if let index = layer.schema.index(of: name) { return layer.schema.fields[index].name }
        }
        return layer.schema.fields.first { $0.name.uppercased().hasSuffix("PCODE") }?.name
    }

    /// The key's value for a feature, or nil when missing or unreadable.
    static func value(of field: String?, in feature: Feature) -> String? {
        guard let field else { return nil }
        return (try? feature.value(field))?.text
    }
}
