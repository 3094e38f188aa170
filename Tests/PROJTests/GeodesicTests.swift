import Foundation
import Locking
import Testing

@testable import PROJ

/// References from GeographicLib's own tools, `GeodSolve: GeographicLib version 2.1.2` (`GeodSolve --version`,
/// Debian's geographiclib-tools), a C++ implementation separate from PROJ's C port. `-p 9` prints distances to
/// 1 nm and azimuths to 1e-14°. Tolerance: 1 µm on distances, 1e-9° on azimuths and positions (0.1 mm).
@Suite struct GeodesicTests {
    let wgs84 = Geodesic.wgs84
    let bangkok = LonLat(lon: 100.5018, lat: 13.7563)
    let chiangMai = LonLat(lon: 98.9853, lat: 18.7883)

    @Test func wgs84HasItsDefiningParameters() {
        #expect(wgs84.equatorialRadius == 6_378_137)
        #expect(wgs84.flattening == 1 / 298.257223563)
    }

    @Test func oneDegreeOfEquatorMatchesGeodSolve() {
        // echo "0 0 0 1" | GeodSolve -i -p 9 → 90.00000000000000 90.00000000000000 111319.490793274
        let result = wgs84.inverse(from: LonLat(lon: 0, lat: 0), to: LonLat(lon: 1, lat: 0))
        #expect(abs(result.distance - 111_319.490793274) < 1e-6)
        #expect(abs(result.azimuth1 - 90) < 1e-9 && abs(result.azimuth2 - 90) < 1e-9)
    }

    @Test func bangkokToChiangMaiMatchesGeodSolve() {
        // echo "13.7563 100.5018 18.7883 98.9853" | GeodSolve -i -p 9
        //   → -16.02305140085586 -16.44841345391664 579946.320397713
        let result = wgs84.inverse(from: bangkok, to: chiangMai)
        #expect(abs(result.distance - 579_946.320397713) < 1e-6)
        #expect(abs(result.azimuth1 - -16.02305140085586) < 1e-9)
        #expect(abs(result.azimuth2 - -16.44841345391664) < 1e-9)
    }

    @Test func aLongLineMatchesGeodSolve() {
        // Bangkok to Greenwich, 9535 km: echo "13.7563 100.5018 51.4779 -0.0015" | GeodSolve -i -p 9
        //   → -37.94695061316894 -106.81705965855998 9535114.459656700
        let result = wgs84.inverse(from: bangkok, to: LonLat(lon: -0.0015, lat: 51.4779))
        #expect(abs(result.distance - 9_535_114.459656700) < 1e-6)
        #expect(abs(result.azimuth1 - -37.94695061316894) < 1e-9)
        #expect(abs(result.azimuth2 - -106.81705965855998) < 1e-9)
    }

    @Test func directSolvesTheSameGeodesicForwards() {
        // echo "13.7563 100.5018 -16.02305140086 579946.320398" | GeodSolve -p 9
        //   → 18.78830000000238 98.98529999999884 -16.44841345392113
        let end = wgs84.direct(from: bangkok, azimuth: -16.02305140086, distance: 579_946.320398)
        #expect(abs(end.point.lat - 18.78830000000238) < 1e-9)
        #expect(abs(end.point.lon - 98.98529999999884) < 1e-9)
        #expect(abs(end.azimuth - -16.44841345392113) < 1e-9)
    }

    @Test func aSphereIsAnEllipsoidWithoutFlattening() {
        // On a sphere of radius R, a quarter of the equator is πR/2 exactly.
        let sphere = Geodesic(equatorialRadius: 6_371_000, flattening: 0)
        let quarter = sphere.inverse(from: LonLat(lon: 0, lat: 0), to: LonLat(lon: 90, lat: 0)).distance
        #expect(abs(quarter - Double.pi * 6_371_000 / 2) < 1e-6)
    }

    @Test func wgs84IsSharedByManyThreadsAtOnce() {
        // One `Geodesic.wgs84` used by 16 threads together gives, on every thread, the single-threaded answer.
        let expected = wgs84.inverse(from: bangkok, to: chiangMai).distance
        let slots = LockedBox([Int: Double]())
        DispatchQueue.concurrentPerform(iterations: 16) { index in
            var total = 0.0
            for _ in 0..<1_000 { total = Geodesic.wgs84.inverse(from: bangkok, to: chiangMai).distance }
            slots.withLock { $0[index] = total }
        }
        #expect(slots.current.count == 16)
        #expect(slots.current.values.allSatisfy { $0 == expected })
    }
}
