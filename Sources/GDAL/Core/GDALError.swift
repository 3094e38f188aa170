/// A failure reported by GDAL or found by the wrapper, with GDAL's own words and our context.
///
/// Every case names what was being done to which file, so a message can be shown to a planner as is:
/// `cannot open "tambons.shp": not recognized as being in a supported file format`.
public enum GDALError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A GDAL call failed; `message` is GDAL's last error message.
    case library(function: String, message: String, context: String)
    /// The path does not exist.
    case fileNotFound(path: String)
    /// No GDAL driver recognised the path.
    case notRecognized(path: String, message: String)
    /// A layer name that the dataset does not have; `available` lists the ones it has.
    case noSuchLayer(path: String, name: String, available: [String])
    /// A field name that the layer does not have.
    case noSuchField(layer: String, name: String, available: [String])
    /// Text that is not valid in its declared encoding.
    case invalidText(location: FeatureLocation, field: String, excerpt: String, hint: String)
    /// A feature could not be read (corrupt record, truncated file).
    case readFailed(location: FeatureLocation, message: String)
    /// A feature could not be written.
    case writeFailed(location: FeatureLocation, message: String)
    /// No driver of that name is available in this GDAL build.
    case noSuchDriver(name: String)
    /// A spatial reference definition GDAL cannot understand.
    case invalidSpatialReference(definition: String, message: String)
    /// A WKB blob GDAL cannot parse.
    case invalidGeometry(message: String)
    /// A raster band number the dataset does not have; `count` is how many bands it has (numbered from 1).
    case noSuchBand(path: String, band: Int, count: Int)
    /// A pixel window that does not lie inside the raster (`width` × `height` pixels), or has a negative size.
    case windowOutsideRaster(path: String, window: RasterWindow, width: Int, height: Int)

    public var description: String {
        switch self {
        case let .library(function, message, context):
            return "\(context): \(message.isEmpty ? "\(function) failed" : message)"
        case let .fileNotFound(path):
            return "cannot open \"\(path)\": no such file or folder"
        case let .notRecognized(path, message):
            var reason = message.isEmpty ? "no GDAL driver recognises it as vector data" : message
            // GDAL often starts with the path itself ("/x/y.geojson: Permission denied"): say it once.
            if reason.hasPrefix(path + ": ") { reason = String(reason.dropFirst(path.count + 2)) }
            return "cannot open \"\(path)\": \(reason)"
        case let .noSuchLayer(path, name, available):
            let list = available.map { "\"\($0)\"" }.joined(separator: ", ")
            return "\"\(path)\" has no layer \"\(name)\"; its layers are: \(list)"
        case let .noSuchField(layer, name, available):
            let suggestion = available.closestMatch(to: name).map { " (did you mean \"\($0)\"?)" } ?? ""
            return "layer \"\(layer)\" has no field \"\(name)\"\(suggestion); its fields are: "
                + available.joined(separator: ", ")
        case let .invalidText(location, field, excerpt, hint):
            return "\(location): field \"\(field)\" holds text that is not valid (\(excerpt)); \(hint)"
        case let .readFailed(location, message):
            return "\(location): cannot read feature: \(message)"
        case let .writeFailed(location, message):
            return "\(location): cannot write feature: \(message)"
        case let .noSuchDriver(name):
            return "GDAL driver \"\(name)\" is not available in this GDAL build (\(GDALLibrary.version))"
        case let .invalidSpatialReference(definition, message):
            return "cannot understand the coordinate reference system \"\(definition)\": \(message)"
        case let .invalidGeometry(message):
            return "invalid geometry: \(message)"
        case let .noSuchBand(path, band, count):
            if count == 0 {
                return "\"\(path)\" has no bands; band \(band) does not exist (a container format may hold its "
                    + "rasters as subdatasets: open one of those instead)"
            }
            return "\"\(path)\" has \(count) band\(count == 1 ? "" : "s"); band \(band) does not exist "
                + "(bands are numbered from 1)"
        case let .windowOutsideRaster(path, window, width, height):
            let size = "\"\(path)\" is \(width) columns × \(height) rows"
            if window.width < 0 || window.height < 0 {
                return "the window at column \(window.column), row \(window.row) has a negative size "
                    + "(\(window.width) × \(window.height)); \(size)"
            }
            return "the window \(window) is not inside the raster: \(size); cut the window to the raster first "
                + "with `window.clamped(to: dataset)` or `intersection(with:)`"
        }
    }
}

/// Where a feature sits: file, layer and feature id (any may be unknown).
public struct FeatureLocation: Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var layer: String?
    public var featureID: Int64?

    public init(path: String, layer: String? = nil, featureID: Int64? = nil) {
        self.path = path
        self.layer = layer
        self.featureID = featureID
    }

    public var description: String {
        var text = "\"\(path)\""
        if let layer { text += ", layer \"\(layer)\"" }
        if let featureID { text += ", feature \(featureID)" }
        return text
    }
}

extension Array where Element == String {
    /// The element closest to `name` by edit distance, if it is close enough to be a likely typo.
    func closestMatch(to name: String) -> String? {
        let target = [Character](name.lowercased())
        var best: (String, Int)?
        for candidate in self {
            let distance = editDistance([Character](candidate.lowercased()), target)
            if distance <= Swift.max(2, target.count / 3), distance < (best?.1 ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.0
    }
}

/// Levenshtein distance, for "did you mean" suggestions on short names.
func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
