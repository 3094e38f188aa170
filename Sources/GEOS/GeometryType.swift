/// The kind of a GEOS geometry; raw values are GEOS's `GEOSGeomTypes` (`GEOSGeomTypeId_r`).
///
/// GEOS 3.11 has no curved types, so these eight are all it can return.
public enum GeometryType: Int32, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// `GEOS_POINT`
    case point = 0
    /// `GEOS_LINESTRING`
    case lineString = 1
    /// `GEOS_LINEARRING`: a closed line, as a polygon's rings are.
    case linearRing = 2
    /// `GEOS_POLYGON`
    case polygon = 3
    /// `GEOS_MULTIPOINT`
    case multiPoint = 4
    /// `GEOS_MULTILINESTRING`
    case multiLineString = 5
    /// `GEOS_MULTIPOLYGON`
    case multiPolygon = 6
    /// `GEOS_GEOMETRYCOLLECTION`: members of any types.
    case geometryCollection = 7

    /// The topological dimension of every geometry of this kind: 0 points, 1 lines, 2 polygons;
    /// `nil` for a collection, whose dimension depends on its members (see ``Geometry/dimension``).
    public var dimension: Int? {
        switch self {
        case .point, .multiPoint: return 0
        case .lineString, .linearRing, .multiLineString: return 1
        case .polygon, .multiPolygon: return 2
        case .geometryCollection: return nil
        }
    }

    /// Polygon or MultiPolygon: the kinds that have an area.
    public var isPolygonal: Bool { self == .polygon || self == .multiPolygon }

    /// MultiPoint, MultiLineString, MultiPolygon or GeometryCollection.
    public var isCollection: Bool {
        switch self {
        case .multiPoint, .multiLineString, .multiPolygon, .geometryCollection: return true
        default: return false
        }
    }

    /// The WKT name, e.g. `MultiPolygon`.
    public var description: String {
        switch self {
        case .point: return "Point"
        case .lineString: return "LineString"
        case .linearRing: return "LinearRing"
        case .polygon: return "Polygon"
        case .multiPoint: return "MultiPoint"
        case .multiLineString: return "MultiLineString"
        case .multiPolygon: return "MultiPolygon"
        case .geometryCollection: return "GeometryCollection"
        }
    }
}
