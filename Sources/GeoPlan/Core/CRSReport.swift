/// A layer's coordinate reference system as `info` reports it and a run records it. In Core: reading a layer
/// (Inputs) decides it, inspecting one (Inspection) prints it.
public struct CRSReport: Codable, Hashable, Sendable {
    public var name: String
    /// `EPSG:4326`, when known.
    public var code: String?
    public var isGeographic: Bool
    /// True when the CRS came from `--assume-crs` rather than the file.
    public var assumed: Bool
}
