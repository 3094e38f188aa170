/// An indicator's `map:` — `true`, or `{method, classes, palette, breaks}`: a run draws it for every boundary set
/// and level, as `geoplan map` does (`<name>-<id>.svg`, `.html`, `.geojson`, `.topojson`, `.legend.json`).
public struct MapSpec: Hashable, Sendable {
    public var method: ClassificationMethod
    public var classes: Int
    public var palette: String

    public init(method: ClassificationMethod = .naturalBreaks, classes: Int = 5, palette: String = "YlOrRd") {
        self.method = method
        self.classes = classes
        self.palette = palette
    }
}
