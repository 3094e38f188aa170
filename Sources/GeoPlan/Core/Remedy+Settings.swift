import GDAL

/// Front-ends render remedies without importing the GDAL wrapper.
public typealias Remedy = GDAL.Remedy

/// The engine's settings that a remedy can name (the reading settings `layer`, `encoding`, `where` are GDAL's).
extension Remedy {
    /// A CRS for a layer that declares none.
    public static func assumeCRS(_ definition: String? = nil) -> Remedy {
        Remedy(setting: "assume_crs", example: definition)
    }

    /// The field holding each area's code.
    public static func idField(_ name: String? = nil) -> Remedy { Remedy(setting: "id", example: name) }

    /// Shifting whole features whose longitudes lie beyond ±180° by 360°.
    public static let wrapLongitudes = Remedy(setting: "wrap_longitudes")

    /// Reading the cells of a numeric column that are not numbers as null (counted in a warning).
    public static let nonNumericAsNull = Remedy(setting: "non_numeric", example: "null")

    /// Keeping a table column as text.
    public static let valuesAsText = Remedy(setting: "values", example: "text")

    /// Replacing outputs that exist.
    public static let overwrite = Remedy(setting: "overwrite")
}

/// How a spec names a setting: `` `assume_crs: EPSG:4326` `` in the entry of the file concerned. Settings a spec does
/// not have (`overwrite`) are left for the command line to render.
public enum SpecWording {
    static let specKeys: Set<String> = [
        "layer", "encoding", "where", "assume_crs", "id", "wrap_longitudes",
        "non_numeric", "values", "min_zoom", "max_zoom",
    ]

    public static func phrase(_ remedy: Remedy) -> String? {
        guard specKeys.contains(remedy.setting) else { return nil }
        let value = remedy.example ?? (remedy.setting == "wrap_longitudes" ? "true" : "…")
        return "`\(remedy.setting): \(value)`"
    }

    /// `text` with the remedies a spec has rendered as spec keys.
    public static func render(_ text: String) -> String { Remedy.render(text, phrase) }
}
