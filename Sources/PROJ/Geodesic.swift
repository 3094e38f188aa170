import CPROJ

/// Geodesics on an ellipsoid, with GeographicLib's algorithms as shipped inside PROJ (`geodesic.h`): distances
/// and azimuths between points, and (in `Geodesic+Polygon.swift`) the area and perimeter of rings, polygons and
/// lines, accurate to round-off.
///
/// Units: positions are lon/lat in degrees (longitude first, as everywhere in geoplan; the C functions take
/// latitude first), azimuths are degrees clockwise from north, distances and perimeters metres, areas m².
public struct Geodesic {
    /// Filled once by `geod_init`, then only read.
    private let geodesic: geod_geodesic
    /// a, metres.
    public let equatorialRadius: Double
    /// f (0 for a sphere).
    public let flattening: Double

    /// WGS 84: a = 6,378,137 m, f = 1/298.257223563.
    public static let wgs84 = Geodesic(equatorialRadius: 6_378_137, flattening: 1 / 298.257_223_563)

    /// An ellipsoid of equatorial radius `a` (metres) and flattening `f`; a must be positive and f below 1, or the
    /// results are NaN. See `geod_init`.
    public init(equatorialRadius: Double, flattening: Double) {
        self.equatorialRadius = equatorialRadius
        self.flattening = flattening
        var geodesic = geod_geodesic()
        geod_init(&geodesic, equatorialRadius, flattening)  // returns nothing; fills the struct
        self.geodesic = geodesic
    }

    /// Calls `body` with a pointer to the initialised struct, which the C functions only read.
    func withGeodesic<Result>(_ body: (UnsafePointer<geod_geodesic>) throws -> Result) rethrows -> Result {
        try withUnsafePointer(to: geodesic, body)
    }

    // MARK: - Two points

    /// The geodesic from `a` to `b`: its length (m) and its azimuths (degrees clockwise from north) at `a` and,
    /// continuing forward, at `b`. See `geod_inverse`.
    public func inverse(from a: LonLat, to b: LonLat) -> (distance: Double, azimuth1: Double, azimuth2: Double) {
        var distance = 0.0
        var azimuth1 = 0.0
        var azimuth2 = 0.0
        withGeodesic { g in
            geod_inverse(g, a.lat, a.lon, b.lat, b.lon, &distance, &azimuth1, &azimuth2)  // returns nothing
        }
        return (distance, azimuth1, azimuth2)
    }

    /// The point `distance` metres from `start` along the geodesic leaving it at `azimuth` degrees, and the
    /// azimuth there. See `geod_direct`.
    public func direct(from start: LonLat, azimuth: Double, distance: Double) -> (point: LonLat, azimuth: Double) {
        var lat = 0.0
        var lon = 0.0
        var azimuth2 = 0.0
        withGeodesic { g in
            geod_direct(g, start.lat, start.lon, azimuth, distance, &lat, &lon, &azimuth2)  // returns nothing
        }
        return (LonLat(lon: lon, lat: lat), azimuth2)
    }
}

// `Sendable`: geodesic.h says of `struct geod_geodesic` "This must be initialized by geod_init() before use", and
// every other function takes it as `const struct geod_geodesic* g`: it is written once, by `geod_init` in `init`,
// and only read afterwards. So one value, `Geodesic.wgs84` included, may be used by every thread at once. The
// struct holds only doubles, so the compiler checks the conformance; nothing is asserted unchecked.
extension Geodesic: Sendable {}
