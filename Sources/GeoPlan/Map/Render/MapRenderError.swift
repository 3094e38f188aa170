/// Why a map could not be drawn, naming the area or legend entry at fault.
public enum MapRenderError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No feature has a ring with three or more points, so there is no extent to fit.
    case nothingToDraw
    /// A colour that is not `#rgb` or `#rrggbb`.
    case badColour(owner: String, colour: String)
    /// A coordinate that is not a finite longitude/latitude.
    case badCoordinate(featureID: String, lon: Double, lat: Double)
    /// A class index with no legend entry.
    case badClassIndex(featureID: String, index: Int, entries: Int)
    /// A width or height too small for the title, legend and map.
    case badSize(width: Int, height: Int)

    public var description: String {
        switch self {
        case .nothingToDraw:
            return "nothing to draw: no area has a polygon ring of three or more points"
        case let .badColour(owner, colour):
            return "\(owner): colour \"\(colour)\" is not a hex colour like #1a9850 or #abc"
        case let .badCoordinate(id, lon, lat):
            return "area \"\(id)\": coordinate (\(lon), \(lat)) is not a longitude/latitude in degrees; "
                + "transform the data to WGS 84 lon/lat (EPSG:4326) first"
        case let .badClassIndex(id, index, entries):
            return "area \"\(id)\": class \(index) has no legend entry (the legend has \(entries))"
        case let .badSize(width, height):
            return "a map of \(width)×\(height) is too small; use at least 400×300"
        }
    }
}
