/// What `geoplan validate` found, and what `--fix` did.
public struct ValidationReport: Codable, Hashable, Sendable {
    public var path: String
    public var layer: String
    public var featureCount: Int
    /// The field used to name features, when there is one.
    public var keyField: String?
    public var findings: [GeometryFinding]
    public var problemCounts: [String: Int]
    public var repair: RepairReport?
    public var warnings: [String]

    public var problemCount: Int { findings.count }
}

/// Counts from `--fix`.
public struct RepairReport: Codable, Hashable, Sendable {
    public var output: String
    public var featuresWritten: Int
    /// Invalid geometries made valid by MakeValid.
    public var repaired: Int
    /// Repairs that left lines or points beside the polygons; those parts were dropped.
    public var partsDropped: Int
    /// Geometries that MakeValid reduced to nothing polygonal; written without geometry.
    public var collapsed: Int
    /// Missing or empty geometries, copied as they were.
    public var copiedEmpty: Int
    /// GEOS could not repair them (unreadable geometry); copied unchanged and listed.
    public var unrepairable: Int
    /// Coordinates with no place in WGS 84 lon/lat (`CoordinateError`): copied unchanged and listed, never "repaired".
    public var outOfRange: Int
    /// Of those, coordinates that are not numbers (NaN, infinity): written without geometry, since no format holds
    /// them.
    public var nonFinite: Int
}
