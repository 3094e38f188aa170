import GDAL

/// A feature whose coordinates are not a place on the Earth in WGS 84 lon/lat: not finite, beyond a pole,
/// beyond ±180° without `--wrap-longitudes`, or not transformable from the layer's CRS.
public struct CoordinateError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Problem: Hashable, Sendable {
        case notFinite(x: Double, y: Double)
        case beyondPole(longitude: Double, latitude: Double)
        case longitudeOutOfRange(longitude: Double, latitude: Double)
        /// Too far beyond ±180° to be a wrapped longitude.
        case beyondWrapLimit(longitude: Double)
        /// Still across ±180° after shifting (the feature straddles the antimeridian).
        case crossesAntimeridian(west: Double, east: Double)
        /// PROJ cannot bring this position (in the layer's CRS; nil when unknown) to WGS 84, or gives no number.
        case notTransformable(x: Double?, y: Double?, detail: String?)
    }

    public var location: FeatureLocation
    public var problem: Problem

    public init(location: FeatureLocation, problem: Problem) {
        self.location = location
        self.problem = problem
    }

    public var description: String { "\(location): \(reason)" }

    /// A short heading for counts by kind of problem (validate's and info's summaries).
    public var category: String {
        switch problem {
        case .notFinite: "Non-finite coordinate"
        case .notTransformable: "Coordinate not transformable to WGS 84"
        case .beyondPole, .longitudeOutOfRange, .beyondWrapLimit, .crossesAntimeridian: "Coordinate out of range"
        }
    }

    /// What is wrong and what to do, without the feature's location.
    public var reason: String {
        let checkCRS =
            "check the coordinates and the layer's CRS (\(Remedy.assumeCRS().token) if the file "
            + "declares a wrong one)"
        switch problem {
        case let .notFinite(x, y):
            return "coordinate (\(x), \(y)) is not a finite number: correct the geometry"
        case let .beyondPole(longitude, latitude):
            let projected = abs(latitude) > 180 || abs(longitude) > 360 ? " (these look like metres, not degrees)" : ""
            return "latitude \(latitude) at longitude \(longitude) is beyond the pole (|latitude| ≤ 90)"
                + "\(projected): \(checkCRS)"
        case let .longitudeOutOfRange(longitude, latitude):
            return "longitude \(longitude) (latitude \(latitude)) is outside ±180: give "
                + "\(Remedy.wrapLongitudes.token) to shift "
                + "features lying wholly beyond ±180 by 360°, or \(checkCRS)"
        case let .beyondWrapLimit(longitude):
            return "longitude \(longitude) is too far beyond ±180 to be a wrapped longitude (limit ±"
                + "\(LonLatDomain.wrapLimit)°; these look like metres, not degrees): \(checkCRS)"
        case let .crossesAntimeridian(west, east):
            return "its longitudes run from \(west) to \(east): it crosses ±180 (the antimeridian) even after "
                + "shifting by 360°; split it at the antimeridian"
        case let .notTransformable(x, y, detail):
            let position = x.flatMap { x in y.map { " (\(x), \($0))" } } ?? ""
            return "coordinate\(position) has no place in WGS 84 longitude/latitude"
                + "\(detail.map { " (\($0))" } ?? ""): \(checkCRS)"
        }
    }

    /// The position named by the problem, in the layer's CRS when known, for validate's findings.
    public var coordinate: Coordinate? {
        switch problem {
        case let .notFinite(x, y): Coordinate(x: x, y: y)
        case let .beyondPole(longitude, latitude), let .longitudeOutOfRange(longitude, latitude):
            Coordinate(x: longitude, y: latitude)
        case let .notTransformable(x?, y?, _): Coordinate(x: x, y: y)
        case .beyondWrapLimit, .crossesAntimeridian, .notTransformable: nil
        }
    }
}
