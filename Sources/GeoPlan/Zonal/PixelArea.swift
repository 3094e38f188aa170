import Foundation

/// Areas (m²) of pixels of a geographic grid (lon/lat degrees) on the WGS 84 ellipsoid, for weighting zonal
/// statistics by ground area: a 0.001° pixel at 60° N covers half the ground of one at the equator.
///
/// The area between latitudes φ1 < φ2 over Δλ radians of longitude is `Δλ·(S(φ2) − S(φ1))`, where
/// `S(φ) = (b²/2)·(sinφ/(1 − e² sin²φ) + atanh(e sinφ)/e)` is the integral behind the authalic latitude
/// (`(1/(2e))·ln((1 + e sinφ)/(1 − e sinφ))` is `atanh(e sinφ)/e`). Pixel edges along parallels and meridians
/// bound exactly this band, so the result is exact up to floating point; no geodesic is involved.
///
/// A pixel's area is a small difference of two large values of S (~1e13 m²), so `band` never subtracts them:
/// it uses `sinφ2 − sinφ1 = 2·cos((φ1 + φ2)/2)·sin((φ2 − φ1)/2)` and `atanh x − atanh y = atanh((x − y)/(1 − xy))`,
/// which keep full relative precision however thin the band.
enum PixelArea {
    /// a, metres.
    static let equatorialRadius = 6_378_137.0
    /// f.
    static let flattening = 1 / 298.257_223_563
    /// e² = f(2 − f).
    static let eccentricitySquared = flattening * (2 - flattening)
    /// e.
    static let eccentricity = eccentricitySquared.squareRoot()
    /// b² = a²(1 − e²), m².
    static let polarRadiusSquared = equatorialRadius * equatorialRadius * (1 - eccentricitySquared)

    /// S(φ) in m² per radian of longitude: the area from the equator to latitude φ (degrees, clamped to ±90).
    /// 2π·S(90°) is half the ellipsoid's area.
    static func authalicIntegral(latitude: Double) -> Double {
        let s = sin(radians(clampedLatitude(latitude)))
        let e = eccentricity
        return polarRadiusSquared / 2 * (s / (1 - eccentricitySquared * s * s) + atanh(e * s) / e)
    }

    /// Area (m²) between latitudes `south` and `north` (degrees, clamped to ±90) over `longitudeWidth` degrees;
    /// negative when north < south. Computed from differences (see the type), not as S(north) − S(south).
    static func band(south: Double, north: Double, longitudeWidth: Double) -> Double {
        let phi1 = radians(clampedLatitude(south))
        let phi2 = radians(clampedLatitude(north))
        let s1 = sin(phi1)
        let s2 = sin(phi2)
        let ds = 2 * cos((phi1 + phi2) / 2) * sin((phi2 - phi1) / 2)
        let e2 = eccentricitySquared
        let e = eccentricity
        let product = e2 * s1 * s2
        // s2/(1 − e²s2²) − s1/(1 − e²s1²), over a common denominator.
        let rational = ds * (1 + product) / ((1 - e2 * s1 * s1) * (1 - e2 * s2 * s2))
        // (atanh(e·s2) − atanh(e·s1))/e.
        let logarithmic = atanh(e * ds / (1 - product)) / e
        return radians(longitudeWidth) * polarRadiusSquared / 2 * (rational + logarithmic)
    }

    /// Area (m²) of each pixel of `row` of a lon/lat `grid` (all pixels of a row are equal). Rows reaching beyond
    /// a pole are cut there (a row wholly beyond it has area 0).
    static func squareMetres(row: Int, in grid: PixelGrid) -> Double {
        let north = grid.originY - Double(row) * grid.pixelHeight
        let south = grid.originY - (Double(row) + 1) * grid.pixelHeight
        return band(south: south, north: north, longitudeWidth: grid.pixelWidth)
    }

    private static func radians(_ degrees: Double) -> Double { degrees * .pi / 180 }

    private static func clampedLatitude(_ degrees: Double) -> Double { min(max(degrees, -90), 90) }
}
