import CPROJ

/// What kind of coordinate reference system a `CRS` is.
public enum CRSKind: Hashable, Sendable {
    /// Longitude and latitude (degrees), e.g. EPSG:4326.
    case geographic2D
    /// Longitude, latitude and ellipsoidal height, e.g. EPSG:4979.
    case geographic3D
    /// Easting and northing on a map projection, e.g. EPSG:32647.
    case projected
    /// Earth-centred X, Y, Z in metres, e.g. EPSG:4978.
    case geocentric
    /// A horizontal CRS with a vertical one.
    case compound
    case vertical
    /// Anything else PROJ knows (engineering, temporal, derived CRSs).
    case other

    /// See `proj_get_type`.
    init(_ type: PJ_TYPE) {
        switch type {
        case PJ_TYPE_GEOGRAPHIC_2D_CRS: self = .geographic2D
        case PJ_TYPE_GEOGRAPHIC_3D_CRS: self = .geographic3D
        case PJ_TYPE_PROJECTED_CRS: self = .projected
        case PJ_TYPE_GEOCENTRIC_CRS: self = .geocentric
        case PJ_TYPE_COMPOUND_CRS: self = .compound
        case PJ_TYPE_VERTICAL_CRS: self = .vertical
        default: self = .other
        }
    }
}

/// Words for a PROJ object type, for messages ("it is an ellipsoid, not a CRS").
func describe(_ type: PJ_TYPE) -> String {
    switch type {
    case PJ_TYPE_ELLIPSOID: return "an ellipsoid"
    case PJ_TYPE_PRIME_MERIDIAN: return "a prime meridian"
    case PJ_TYPE_GEODETIC_REFERENCE_FRAME, PJ_TYPE_DYNAMIC_GEODETIC_REFERENCE_FRAME,
        PJ_TYPE_VERTICAL_REFERENCE_FRAME, PJ_TYPE_DYNAMIC_VERTICAL_REFERENCE_FRAME, PJ_TYPE_DATUM_ENSEMBLE,
        PJ_TYPE_ENGINEERING_DATUM, PJ_TYPE_TEMPORAL_DATUM, PJ_TYPE_PARAMETRIC_DATUM:
        return "a datum"
    case PJ_TYPE_CONVERSION: return "a conversion"
    case PJ_TYPE_TRANSFORMATION: return "a transformation"
    case PJ_TYPE_CONCATENATED_OPERATION: return "a concatenated operation"
    case PJ_TYPE_OTHER_COORDINATE_OPERATION: return "a coordinate operation"
    case PJ_TYPE_UNKNOWN: return "an object of unknown type"
    default: return "a coordinate reference system"
    }
}
