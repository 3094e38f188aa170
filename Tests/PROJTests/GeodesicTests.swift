import Foundation
import Testing

@testable import PROJ

/// References from GeographicLib's own command-line tools (Debian geographiclib-tools 2.1.2), which share no code
/// path with PROJ's C port; each test names the command. Planimeter prints areas to 0.1 m² and perimeters to
/// 1 µm; GeodSolve distances to 1 µm with -p 6.
@Suite struct GeodesicTests {
    let wgs84 = Geodesic.wgs84

    /// A lon/lat box as an interleaved ring, counter-clockwise, closed.
    func box(west: Double, south: Double, east: Double, north: Double, clockwise: Bool = false) -> [Double] {
        let ring = [west, south, east, south, east, north, west, north, west, south]
        guard clockwise else { return ring }
        return stride(from: ring.count - 2, through: 0, by: -2).flatMap { [ring[$0], ring[$0 + 1]] }
    }

    @Test func equatorDegreeMatchesGeodSolve() {
        // echo "0 0 0 1" | GeodSolve -i -p 6 → 90 90 111319.490793
        let result = wgs84.inverse(from: LonLat(lon: 0, lat: 0), to: LonLat(lon: 1, lat: 0))
        #expect(abs(result.distance - 111_319.490793) < 1e-6)
        #expect(abs(result.azimuth1 - 90) < 1e-9)
    }

    @Test func bangkokToChiangMaiMatchesGeodSolve() {
        // echo "13.7563 100.5018 18.7883 98.9853" | GeodSolve -i -p 6 → -16.02305140086 -16.44841345392 579946.320398
        let result = wgs84.inverse(from: LonLat(lon: 100.5018, lat: 13.7563), to: LonLat(lon: 98.9853, lat: 18.7883))
        #expect(abs(result.distance - 579_946.320398) < 1e-6)
        #expect(abs(result.azimuth1 - -16.02305140086) < 1e-10)
        // And back along the same geodesic with the direct problem.
        let end = wgs84.direct(from: LonLat(lon: 100.5018, lat: 13.7563), azimuth: result.azimuth1,
                               distance: result.distance).point
        #expect(abs(end.lon - 98.9853) < 1e-12 && abs(end.lat - 18.7883) < 1e-12)
    }

    @Test func oneDegreeCellsMatchPlanimeterWhateverTheOrientation() {
        // printf "0 0\n0 1\n1 1\n1 0\n" | Planimeter → 4 443770.917248 12308778361.5 (and -12308778361.5 reversed)
        let ccw = wgs84.ringMeasure(interleavedLonLat: box(west: 0, south: 0, east: 1, north: 1))
        let cw = wgs84.ringMeasure(interleavedLonLat: box(west: 0, south: 0, east: 1, north: 1, clockwise: true))
        #expect(abs(ccw.signedArea - 12_308_778_361.5) < 0.1)
        #expect(abs(cw.signedArea + 12_308_778_361.5) < 0.1)
        #expect(abs(ccw.perimeter - 443_770.917248) < 1e-6)
        #expect(wgs84.polygonMeasure(exterior: box(west: 0, south: 0, east: 1, north: 1, clockwise: true)).area
                == abs(cw.signedArea))
        // printf "20 100\n20 101\n21 101\n21 100\n" | Planimeter → 4 430038.392532 11548563398.9: a degree cell
        // at 20° N is 6 % smaller than at the equator.
        let north = wgs84.polygonMeasure(exterior: box(west: 100, south: 20, east: 101, north: 21))
        #expect(abs(north.area - 11_548_563_398.9) < 0.1)
        #expect(abs(north.perimeter - 430_038.392532) < 1e-6)
    }

    @Test func closingVertexMayBeRepeatedOrNot() {
        let closed = box(west: 0, south: 0, east: 1, north: 1)
        let open = Array(closed.dropLast(2))
        #expect(wgs84.ringMeasure(interleavedLonLat: closed) == wgs84.ringMeasure(interleavedLonLat: open))
    }

    @Test func holesSubtractWhateverTheirOrientation() {
        // printf "0.25 0.25\n0.25 0.75\n0.75 0.75\n0.75 0.25\n" | Planimeter → 4 221888.595301 3077164136.7
        // Area with the hole: 12308778361.5 − 3077164136.7 = 9231614224.8 m²; perimeter: both rings.
        let outer = box(west: 0, south: 0, east: 1, north: 1)
        for clockwise in [false, true] {
            let hole = box(west: 0.25, south: 0.25, east: 0.75, north: 0.75, clockwise: clockwise)
            let measure = wgs84.polygonMeasure(exterior: outer, holes: [hole])
            #expect(abs(measure.area - 9_231_614_224.8) < 0.2)
            #expect(abs(measure.perimeter - (443_770.917248 + 221_888.595301)) < 1e-5)
        }
    }

    @Test func multiPolygonPartsAdd() {
        let parts = [(exterior: box(west: 0, south: 0, east: 1, north: 1), holes: [[Double]]()),
                     (exterior: box(west: 100, south: 20, east: 101, north: 21, clockwise: true), holes: [])]
        let measure = wgs84.multiPolygonMeasure(parts)
        #expect(abs(measure.area - (12_308_778_361.5 + 11_548_563_398.9)) < 0.2)
    }

    @Test func lineLengthSumsGeodesics() {
        // Two degrees along the equator: 2 × 111319.490793 m (GeodSolve above).
        #expect(abs(wgs84.lineLength(interleavedLonLat: [0, 0, 1, 0, 2, 0]) - 222_638.981586) < 1e-5)
        #expect(wgs84.lineLength(interleavedLonLat: [0, 0]) == 0)
    }

    @Test func sharedAcrossThreads() {
        // One Geodesic value used from many threads at once gives the same answer everywhere.
        let ring = box(west: 100, south: 20, east: 101, north: 21)
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 16) { index in
            results.set(index, Geodesic.wgs84.polygonMeasure(exterior: ring).area)
        }
        #expect(Set(results.all).count == 1)
    }
}

final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int: Double] = [:]

    func set(_ index: Int, _ value: Double) {
        lock.withLock { values[index] = value }
    }

    var all: [Double] { lock.withLock { Array(values.values) } }
}
