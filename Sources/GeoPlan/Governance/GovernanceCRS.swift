/// The coordinate reference systems the tambons and the municipalities came in, and what was done about them.
/// Files from different agencies often differ (a municipal survey in UTM, tambons in lon/lat); the partition
/// cuts both in WGS 84 lon/lat, and says so rather than leaving a planner to wonder whether borders were
/// compared across CRSs.
public struct GovernanceCRS: Hashable, Sendable, Codable {
    /// One input layer's CRS.
    public struct Layer: Hashable, Sendable, Codable {
        /// `tambons` or `municipalities`.
        public var name: String
        public var path: String
        /// As the file declares it (or as assumed), e.g. `WGS 84 / UTM zone 47N (EPSG:32647)`.
        public var crs: String
        /// Whether its geometries were transformed to WGS 84 lon/lat (false when already in it).
        public var transformed: Bool
        /// The operation that transformed them, when they were.
        public var operation: OperationReport?

        /// `municipalities: WGS 84 / UTM zone 47N (EPSG:32647), transformed to WGS 84 lon/lat by …`.
        public var summary: String {
            guard transformed else { return "\(name): \(crs), used as it is (already WGS 84 lon/lat)" }
            return "\(name): \(crs), transformed to WGS 84 lon/lat" + (operation.map { " by \($0.summary)" } ?? "")
        }
    }

    public var tambons: Layer
    public var municipalities: Layer
    /// Whether the two came in different CRSs (they were still cut together, both in WGS 84 lon/lat).
    public var differ: Bool

    /// The CRSs of two loaded boundary sets. Two layers already in WGS 84 are the same CRS however their files
    /// name it; otherwise the CRSs' descriptions (name and code) are compared.
    init(tambons: BoundarySet, municipalities: BoundarySet) {
        func layer(_ set: BoundarySet) -> Layer {
            Layer(
                name: set.spec.name, path: set.spec.path, crs: set.sourceCRS, transformed: set.operation != nil,
                operation: set.operation)
        }
        self.tambons = layer(tambons)
        self.municipalities = layer(municipalities)
        let bothLonLat = tambons.operation == nil && municipalities.operation == nil
        differ = !bothLonLat && tambons.sourceCRS != municipalities.sourceCRS
    }

    /// One line per layer, and one more when they differ.
    public var lines: [String] {
        var lines = [tambons.summary, municipalities.summary]
        if differ {
            lines.append(
                "the \(tambons.name) and the \(municipalities.name) came in different CRSs: both were "
                    + "compared and cut in WGS 84 lon/lat (see the two lines above)")
        }
        return lines
    }
}
