import GEOS
import PROJ

/// A local metric frame around a latitude: how many metres a degree of longitude and of latitude spans there on
/// the WGS 84 ellipsoid, so distances in metres can be judged on lon/lat coordinates without a projection.
///
/// Why not a projection through PROJ: the partition must keep the tambons' coordinates as they are (units are
/// cut from them and must add up to them exactly), and a round trip through a projection would move every
/// vertex by rounding. Only distances are needed, and over a municipality (tens of km) the scale varies by
/// well under 1 % (cos φ changes by 0.1 % over 0.2° of latitude near 13° N), which is precise enough to decide
/// whether two borders lie within a few metres of each other.
struct LocalFrame {
    /// Metres per degree of longitude at the frame's latitude.
    let metresPerDegreeLon: Double
    /// Metres per degree of latitude at the frame's latitude.
    let metresPerDegreeLat: Double

    /// The frame at `latitude` (degrees), from geodesics 0.01° long (GeographicLib through PROJ).
    init(latitude: Double) {
        let step = 0.01
        let lat = Swift.min(89.99, Swift.max(-89.99, latitude))
        let geodesic = Geodesic.wgs84
        metresPerDegreeLon =
            geodesic.inverse(from: LonLat(lon: 0, lat: lat), to: LonLat(lon: step, lat: lat))
            .distance / step
        metresPerDegreeLat =
            geodesic.inverse(
                from: LonLat(lon: 0, lat: lat - step / 2),
                to: LonLat(lon: 0, lat: lat + step / 2)
            ).distance / step
    }

    /// The frame at the middle latitude of `box`.
    init(around box: Envelope) {
        self.init(latitude: (box.minY + box.maxY) / 2)
    }

    /// Degrees that span at most `metres` in every direction: for tolerances of GEOS operations on lon/lat,
    /// which measure in degrees. Conservative: along the other axis the same degrees span slightly less.
    func degrees(forMetres metres: Double) -> Double {
        metres / Swift.max(metresPerDegreeLon, metresPerDegreeLat)
    }

    /// Degrees that span at least `metres` in every direction: for search boxes, which must not miss anything.
    func reachDegrees(forMetres metres: Double) -> Double {
        metres / Swift.min(metresPerDegreeLon, metresPerDegreeLat)
    }

    /// The distance in metres between two lon/lat positions close to each other (within a few km).
    func distance(_ a: GEOS.XY, _ b: GEOS.XY) -> Double {
        let dx = (b.x - a.x) * metresPerDegreeLon
        let dy = (b.y - a.y) * metresPerDegreeLat
        return (dx * dx + dy * dy).squareRoot()
    }
}
