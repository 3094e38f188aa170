import GDAL

/// A problem with the user's input or request, in words a planner can act on.
///
/// Wrapper errors (`GDALError`, `PROJError`, `GEOSError`) pass through unchanged; these are the engine's own.
public enum GeoPlanError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The output path cannot be used.
    case output(path: String, reason: String)
    /// An input has a problem described by `reason`.
    case input(path: String, reason: String)
    /// A dataset with several layers where one is needed.
    case layerRequired(path: String, layers: [String])
    /// A layer with no CRS where a CRS is needed.
    case missingCRS(path: String, layer: String, purpose: String)
    /// A layer with no features where some are needed; `filter` is the clause that selected none, if any.
    case emptyLayer(path: String, layer: String, filter: String? = nil)
    /// A feature whose geometry is of the wrong kind.
    case wrongGeometryType(location: FeatureLocation, expected: String, found: String)
    /// A layer whose features mix geometry types where one type is needed.
    case mixedGeometryTypes(path: String, layer: String, types: [String], purpose: String)
    /// A feature's field value that cannot be used (missing, not a number…); `problem` says why and what to do.
    case badValue(location: FeatureLocation, field: String, problem: String)
    /// Text whose encoding could not be decided.
    case unknownEncoding(path: String, detail: String)
    /// Tambons and municipalities that cannot be made into a governance partition (see `GovernanceError`).
    case governance(GovernanceError)

    public var description: String {
        switch self {
        case let .output(path, reason):
            return "cannot write \"\(path)\": \(reason)"
        case let .input(path, reason):
            // A reason that starts at a feature's location names the file already: say the path once.
            return reason.hasPrefix("\"\(path)\"") ? reason : "\"\(path)\": \(reason)"
        case let .layerRequired(path, layers):
            return "\"\(path)\" has \(layers.count) layers (\(layers.joined(separator: ", "))); choose one with "
                + Remedy.layer(layers.first).token
        case let .missingCRS(path, layer, purpose):
            return "\"\(path)\", layer \"\(layer)\" declares no coordinate reference system, so geoplan will not "
                + "\(purpose); if you know it, give it with \(Remedy.assumeCRS("EPSG:4326").token) for WGS 84 lon/lat "
                + "or \(Remedy.assumeCRS("EPSG:32647").token) for UTM zone 47N, or add a .prj file beside it"
        case let .emptyLayer(path, layer, nil):
            return "\"\(path)\", layer \"\(layer)\" has no features"
        case let .emptyLayer(path, layer, filter?):
            return "\"\(path)\", layer \"\(layer)\": no feature matches the filter \"\(filter)\"; check "
                + "\(Remedy.whereClause().token)"
        case let .wrongGeometryType(location, expected, found):
            return "\(location): \(found == "no geometry" ? "has no geometry" : "geometry is \(found)"), but "
                + "\(expected) is needed"
        case let .mixedGeometryTypes(path, layer, types, purpose):
            return "\"\(path)\", layer \"\(layer)\" mixes geometry types (\(types.joined(separator: ", "))), but "
                + "\(purpose); select one type with \(Remedy.whereClause().token), or write a format that mixes "
                + "types (.gpkg, .geojson)"
        case let .badValue(location, field, problem):
            return "\(location), field \"\(field)\": \(problem)"
        case let .unknownEncoding(path, detail):
            return "\"\(path)\": \(detail)"
        case let .governance(error):
            return error.description
        }
    }
}
