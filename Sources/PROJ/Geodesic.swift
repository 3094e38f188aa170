import CPROJ

/// Geodesic computations on an ellipsoid (GeographicLib's algorithms, as shipped inside PROJ): distances,
/// azimuths, and the area and perimeter of polygons, exact to round-off.
///
/// `Sendable`: `geod_init` fills the struct once and every other function only reads it (GeographicLib's C
/// documentation: the `geod_geodesic` object "is not modified" by the solution routines), so one value may be
/// shared by all threads.
public struct Geodesic: Sendable {
    private var geodesic = geod_geodesic()
    public let equatorialRadius: Double
    public let flattening: Double

    /// WGS 84: a = 6,378,137 m, f = 1/298.257223563.
    public static let wgs84 = Geodesic(equatorialRadius: 6_378_137, flattening: 1 / 298.257_223_563)

    /// See `geod_init`.
    public init(equatorialRadius: Double, flattening: Double) {
        self.equatorialRadius = equatorialRadius
        self.flattening = flattening
        geod_init(&geodesic, equatorialRadius, flattening)
    }

    /// Distance (m) and azimuths (degrees clockwise from north) between two points. See `geod_inverse`.
    public func inverse(from a: LonLat, to b: LonLat) -> (distance: Double, azimuth1: Double, azimuth2: Double) {
        var distance = 0.0, azimuth1 = 0.0, azimuth2 = 0.0
        withUnsafePointer(to: geodesic) { g in
            geod_inverse(g, a.lat, a.lon, b.lat, b.lon, &distance, &azimuth1, &azimuth2)
        }
        return (distance, azimuth1, azimuth2)
    }

    /// The point `distance` metres from `start` along `azimuth` degrees. See `geod_direct`.
    public func direct(from start: LonLat, azimuth: Double, distance: Double) -> (point: LonLat, azimuth: Double) {
        var lat = 0.0, lon = 0.0, azimuth2 = 0.0
        withUnsafePointer(to: geodesic) { g in
            geod_direct(g, start.lat, start.lon, azimuth, distance, &lat, &lon, &azimuth2)
        }
        return (LonLat(lon: lon, lat: lat), azimuth2)
    }

    /// Signed area (m², positive when counter-clockwise) and perimeter (m) of one ring given as interleaved
    /// lon/lat degrees. The closing vertex may be repeated or not. See `geod_polygon_compute`.
    public func ringMeasure(interleavedLonLat coordinates: [Double], stride: Int = 2)
        -> (signedArea: Double, perimeter: Double)
    {
        accumulate(coordinates, stride: stride, polyline: false)
    }

    /// Length (m) of a line given as interleaved lon/lat degrees.
    public func lineLength(interleavedLonLat coordinates: [Double], stride: Int = 2) -> Double {
        accumulate(coordinates, stride: stride, polyline: true).perimeter
    }

    private func accumulate(_ coordinates: [Double], stride: Int, polyline: Bool)
        -> (signedArea: Double, perimeter: Double)
    {
        var count = coordinates.count / max(stride, 2)
        guard count >= 2 else { return (0, 0) }
        // A ring's repeated closing vertex adds a zero-length edge; drop it so rings given either way agree.
        if !polyline, coordinates[0] == coordinates[(count - 1) * stride],
           coordinates[1] == coordinates[(count - 1) * stride + 1] {
            count -= 1
        }
        var polygon = geod_polygon()
        geod_polygon_init(&polygon, polyline ? 1 : 0)
        var area = 0.0, perimeter = 0.0
        withUnsafePointer(to: geodesic) { g in
            for index in 0..<count {
                geod_polygon_addpoint(g, &polygon, coordinates[index * stride + 1], coordinates[index * stride])
            }
            // reverse = 0, sign = 1: counter-clockwise rings have positive area; a polyline has no area
            if polyline {
                _ = geod_polygon_compute(g, &polygon, 0, 1, nil, &perimeter)
            } else {
                _ = geod_polygon_compute(g, &polygon, 0, 1, &area, &perimeter)
            }
        }
        return (area, perimeter)
    }
}
