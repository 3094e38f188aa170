/// One set of areas (tambons, municipalities…) for which every indicator is computed.
public struct BoundarySpec: Hashable, Sendable {
    /// A short name used in output file names: `tambons`.
    public var name: String
    public var path: String
    public var layer: String?
    /// The field holding each area's unique code: `ADM3_PCODE`.
    public var idField: String
    /// Fields copied to every output row: `[ADM3_TH, ADM3_EN]`.
    public var nameFields: [String]
    public var whereClause: String?
    public var assumeCRS: String?
    public var encoding: String?
    /// Shift features lying wholly beyond ±180° by 360° instead of refusing them (`wrap_longitudes: true`).
    public var wrapLongitudes = false
    /// Municipalities splitting these tambons into the units that govern; every indicator is then computed per
    /// unit (a municipal piece or an SAO remainder).
    public var municipalities: MunicipalitySpec?
    /// Levels to roll the values up to, each written with dissolved boundaries as `<name>-<level>.<ext>`.
    public var levels: [LevelSpec]
    public var location: SourceLocation?

    public init(
        name: String, path: String, layer: String? = nil, idField: String, nameFields: [String] = [],
        whereClause: String? = nil, assumeCRS: String? = nil, encoding: String? = nil,
        municipalities: MunicipalitySpec? = nil, levels: [LevelSpec] = [], location: SourceLocation? = nil
    ) {
        self.name = name
        self.path = path
        self.layer = layer
        self.idField = idField
        self.nameFields = nameFields
        self.whereClause = whereClause
        self.assumeCRS = assumeCRS
        self.encoding = encoding
        self.municipalities = municipalities
        self.levels = levels
        self.location = location
    }
}
