/// How lengths and areas are measured.
public enum MeasureMode: Hashable, Sendable {
    /// On the WGS 84 ellipsoid (the default).
    case geodesic
    /// In the plane of a named projected CRS (`EPSG:32647`).
    case planar(crs: String)
}
