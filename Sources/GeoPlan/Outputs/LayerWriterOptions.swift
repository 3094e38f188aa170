/// The GDAL creation options geoplan uses for each output format, and why.
extension OutputFormat {
    /// Layer creation options.
    func layerOptions(precision: Int) -> [String: String] {
        switch self {
        case .geoJSON:
            // Not GDAL's: written by geoplan's own GeoJSONWriter (see LayerWriter), which takes `ID_FIELD` too.
            [:]
        case .shapefile:
            // Thai text needs UTF-8; GDAL's default for new DBFs is ISO-8859-1, which cannot hold it.
            ["ENCODING": "UTF-8"]
        case .csv:
            // Geometry as WKT in the first column, and a .csvt so types survive a round trip.
            ["GEOMETRY": "AS_WKT", "CREATE_CSVT": "YES"]
        case .geoPackage, .flatGeobuf:
            [:]
        }
    }
}
