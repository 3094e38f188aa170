/// What `geoplan merge` is asked to do.
public struct MergeRequest: Hashable, Sendable {
    /// The merged file (.geojson, .csv or .gpkg); its provenance record goes beside it as `<stem>.meta.json`.
    public var output: String
    /// Every partition's output file, in any order, all of the output's format.
    public var parts: [String]
    public var overwrite: Bool
    /// Wait for another geoplan writing in the output folder instead of failing.
    public var wait: Bool

    public init(output: String, parts: [String], overwrite: Bool = false, wait: Bool = false) {
        self.output = output
        self.parts = parts
        self.overwrite = overwrite
        self.wait = wait
    }
}

/// What a merge did.
public struct MergeReport: Codable, Hashable, Sendable {
    /// One part merged.
    public struct Part: Codable, Hashable, Sendable {
        public var path: String
        /// K of K/N.
        public var index: Int
        public var rows: Int
    }

    public var output: String
    /// The merged provenance record.
    public var sidecar: String
    /// GDAL's name of the format: GeoJSON, CSV, GPKG.
    public var format: String
    /// Rows written: every area of the boundary set.
    public var rows: Int
    /// The parts, in partition order.
    public var parts: [Part]
    /// Things worth knowing that did not stop the merge (parts made by different library versions).
    public var warnings: [String]
}
