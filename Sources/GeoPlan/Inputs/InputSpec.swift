/// What an input holds.
public enum InputKind: String, Hashable, Sendable, CaseIterable {
    case points, lines, polygons, table, raster
}

/// A named input: a layer of points, lines or polygons, or a table keyed by an area code.
public struct InputSpec: Hashable, Sendable {
    public var name: String
    public var kind: InputKind
    public var path: String
    public var layer: String?
    public var whereClause: String?
    public var assumeCRS: String?
    public var encoding: String?
    /// Shift features lying wholly beyond ±180° by 360° instead of refusing them (`wrap_longitudes: true`).
    public var wrapLongitudes = false
    /// For tables: the column holding the area code (`tambon_code`).
    public var codeField: String?
    public var location: SourceLocation?

    public init(
        name: String, kind: InputKind, path: String, layer: String? = nil, whereClause: String? = nil,
        assumeCRS: String? = nil, encoding: String? = nil, codeField: String? = nil,
        location: SourceLocation? = nil
    ) {
        self.name = name
        self.kind = kind
        self.path = path
        self.layer = layer
        self.whereClause = whereClause
        self.assumeCRS = assumeCRS
        self.encoding = encoding
        self.codeField = codeField
        self.location = location
    }
}

/// How area codes are compared between a table and the boundaries.
public enum CodeNormalization: String, Hashable, Sendable, CaseIterable {
    /// Exactly as written.
    case exact
    /// Thai administrative codes: `TH830101`, `830101` and `0830101` are the same tambon (prefix `TH` and
    /// leading zeros dropped, case and surrounding spaces ignored).
    case thai
}
