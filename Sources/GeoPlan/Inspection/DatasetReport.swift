/// What `geoplan info` reports about a dataset.
public struct DatasetReport: Codable, Hashable, Sendable {
    public var path: String
    public var driver: String
    public var layers: [LayerReport]
    /// For a raster file (then `layers` is empty).
    public var raster: RasterReport?
}

/// One layer: its schema, CRS, extent, encoding, geometry types, validity and geodesic totals.
public struct LayerReport: Codable, Hashable, Sendable {
    public var name: String
    public var featureCount: Int
    /// The type the layer declares ("Polygon", "Unknown" for mixed formats).
    public var declaredGeometryType: String
    /// Features by the geometry type they actually have.
    public var geometryTypes: [String: Int]
    public var hasZ: Bool
    public var hasM: Bool
    public var crs: CRSReport?
    /// Extent in the layer's CRS.
    public var extent: BoundingBox?
    /// Extent in WGS 84 lon/lat (edges densified before transforming).
    public var extentLonLat: BoundingBox?
    public var fields: [FieldReport]
    public var encoding: EncodingReport
    public var validity: ValiditySummary
    /// Geodesic totals; nil when the layer has no CRS.
    public var measures: MeasureTotals?
    public var warnings: [String]
}

public struct BoundingBox: Codable, Hashable, Sendable {
    public var minX: Double
    public var minY: Double
    public var maxX: Double
    public var maxY: Double
}

public struct FieldReport: Codable, Hashable, Sendable {
    public var name: String
    public var type: String
    public var width: Int
    public var precision: Int
}

public struct ValiditySummary: Codable, Hashable, Sendable {
    public var checked: Int
    public var invalid: Int
    public var empty: Int
    public var missing: Int
    /// Problems by reason.
    public var reasons: [String: Int]
}

public struct MeasureTotals: Codable, Hashable, Sendable {
    public var areaSquareKilometres: Double?
    public var lengthKilometres: Double?
    /// "geodesic on the WGS 84 ellipsoid", with the operation used to reach WGS 84 when one was needed.
    public var method: String
}
