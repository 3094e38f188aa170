import Testing

@testable import PROJ

@Suite struct GeodesicTests {
    @Test func equatorDegreeMatchesGeodSolve() {
        // Reference: `echo "0 0 0 1" | GeodSolve -i -p 6` (GeographicLib 2.1.2) → 111319.490793 m.
        let result = Geodesic.wgs84.inverse(from: LonLat(lon: 0, lat: 0), to: LonLat(lon: 1, lat: 0))
        #expect(abs(result.distance - 111_319.490793) < 1e-6)
        #expect(abs(result.azimuth1 - 90) < 1e-9)
    }
}
