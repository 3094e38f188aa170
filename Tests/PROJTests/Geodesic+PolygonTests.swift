import Foundation
import Testing

@testable import PROJ

/// References from GeographicLib's `Planimeter` (`Planimeter --version` → "Planimeter: GeographicLib version
/// 2.1.2", Debian's geographiclib-tools, C++ separate from PROJ's C port), run with `-w` (longitude first) and
/// `-p 9`, which prints perimeters to 1 nm and areas to 1e-4 m². Each test quotes the command and its output
/// ("vertices perimeter area"). Tolerance: 1 µm on lengths and 0.01 m² on areas (1e-12 of a degree cell).
@Suite struct GeodesicPolygonTests {
    let wgs84 = Geodesic.wgs84
    /// `Planimeter -w -p 9 --input-string "0 0;1 0;1 1;0 1"` → 4 443770.917248302 12308778361.4695
    let equatorCell = (perimeter: 443_770.917248302, area: 12_308_778_361.4695)
    /// `Planimeter -w -p 9 --input-string "100 20;101 20;101 21;100 21"` → 4 430038.392532428 11548563398.8678
    let cellAt20N = (perimeter: 430_038.392532428, area: 11_548_563_398.8678)
    /// `Planimeter -w -p 9 --input-string "0.25 0.25;0.75 0.25;0.75 0.75;0.25 0.75"`
    ///   → 4 221888.595300627 3077164136.6546
    let quarterCell = (perimeter: 221_888.595300627, area: 3_077_164_136.6546)

    // MARK: - Rings

    @Test func aDegreeCellAtTheEquatorMatchesPlanimeter() {
        let ring = wgs84.ringMeasure(interleavedLonLat: box(west: 0, south: 0, east: 1, north: 1))
        #expect(abs(ring.signedArea - equatorCell.area) < 0.01)
        #expect(abs(ring.perimeter - equatorCell.perimeter) < 1e-6)
    }

    @Test func aClockwiseRingIsNegativeAsPlanimeterSays() {
        // Planimeter -w -p 9 --input-string "0 0;0 1;1 1;1 0" → 4 443770.917248302 -12308778361.4695, and
        // Planimeter -w -p 9 -r --input-string "0 0;1 0;1 1;0 1" → the same: -r reverses the sign convention.
        let ring = wgs84.ringMeasure(interleavedLonLat: box(west: 0, south: 0, east: 1, north: 1, clockwise: true))
        #expect(abs(ring.signedArea + equatorCell.area) < 0.01)
        #expect(abs(ring.perimeter - equatorCell.perimeter) < 1e-6)
    }

    @Test func aDegreeCellAt20NMatchesPlanimeter() {
        // 6 % smaller than at the equator: the reason degrees are never areas.
        let ring = wgs84.ringMeasure(interleavedLonLat: box(west: 100, south: 20, east: 101, north: 21))
        #expect(abs(ring.signedArea - cellAt20N.area) < 0.01)
        #expect(abs(ring.perimeter - cellAt20N.perimeter) < 1e-6)
    }

    @Test func theClosingVertexMayBeRepeatedOrNot() {
        // Planimeter -w -p 9 --input-string "0 0;1 0;1 1;0 1;0 0" → 5 443770.917248302 12308778361.4695
        let closed = box(west: 0, south: 0, east: 1, north: 1)
        let open = Array(closed.dropLast(2))
        let a = wgs84.ringMeasure(interleavedLonLat: closed)
        let b = wgs84.ringMeasure(interleavedLonLat: open)
        #expect(a.signedArea == b.signedArea && a.perimeter == b.perimeter)
    }

    @Test func aRealTambonRingMatchesPlanimeterInBothDirections() throws {
        // Fixtures/talat-nuea-ring.txt (its header records the ogr2ogr command), clockwise as shapefiles store
        // outer rings:
        //   Planimeter -w -p 9 --comment-delimiter '#' --input-file talat-nuea-ring.txt
        //     → 225 10354.876459232 -4845061.4333
        //   Planimeter -w -p 9 -r --comment-delimiter '#' --input-file talat-nuea-ring.txt
        //     → 225 10354.876459232 4845061.4333
        let ring = try TestData.interleavedLonLat("talat-nuea-ring.txt")
        #expect(ring.count == 450)
        let forward = wgs84.ringMeasure(interleavedLonLat: ring)
        #expect(abs(forward.signedArea - -4_845_061.4333) < 0.01)
        #expect(abs(forward.perimeter - 10_354.876459232) < 1e-6)
        let backward = wgs84.ringMeasure(interleavedLonLat: reversedPositions(ring))
        #expect(abs(backward.signedArea - 4_845_061.4333) < 0.01)
        let reversed = wgs84.polygonMeasure(exterior: reversedPositions(ring))
        #expect(wgs84.polygonMeasure(exterior: ring).area == reversed.area)
    }

    @Test func aBufferWithAStrideIsReadWithoutCopying() {
        // lon, lat, z triples: the z values are skipped.
        let xyz = [0.0, 0, 9, 1, 0, 9, 1, 1, 9, 0, 1, 9]
        let ring = xyz.withUnsafeBufferPointer { wgs84.ringMeasure(interleavedLonLat: $0, stride: 3) }
        #expect(abs(ring.signedArea - equatorCell.area) < 0.01)
        #expect(wgs84.ringMeasure(interleavedLonLat: xyz, stride: 1) == (0, 0))
    }

    // MARK: - Polygons

    @Test(arguments: [false, true], [false, true])
    func holesSubtractWhateverEitherRingsOrientation(exteriorClockwise: Bool, holeClockwise: Bool) {
        // Exterior minus hole from the two Planimeter runs above: 12308778361.4695 − 3077164136.6546
        // = 9231614224.8149 m² (Planimeter -r on the hole gives −3077164136.6546: only its sign changes).
        // Perimeter: both rings, 443770.917248302 + 221888.595300627 m.
        let measure = wgs84.polygonMeasure(
            exterior: box(west: 0, south: 0, east: 1, north: 1, clockwise: exteriorClockwise),
            holes: [box(west: 0.25, south: 0.25, east: 0.75, north: 0.75, clockwise: holeClockwise)])
        #expect(abs(measure.area - 9_231_614_224.8149) < 0.01)
        #expect(abs(measure.perimeter - 665_659.512548929) < 1e-6)
    }

    @Test func multiPolygonPartsAdd() {
        // Planimeter -w -p 9 --input-string "0 0;1 0;1 1;0 1;;100 20;100 21;101 21;101 20"
        //   → 4 443770.917248302 12308778361.4695 / 4 430038.392532428 -11548563398.8678 (the second clockwise)
        // Sum of magnitudes: 23857341760.3373 m²; perimeters: 873809.309780730 m.
        let parts = [
            (exterior: box(west: 0, south: 0, east: 1, north: 1), holes: [[Double]]()),
            (exterior: box(west: 100, south: 20, east: 101, north: 21, clockwise: true), holes: []),
        ]
        let measure = wgs84.multiPolygonMeasure(parts)
        #expect(abs(measure.area - 23_857_341_760.3373) < 0.02)
        #expect(abs(measure.perimeter - 873_809.309780730) < 1e-6)
    }

    // MARK: - Lines

    @Test func lineLengthIsTheSumOfGeodSolveDistances() {
        // Bangkok → Chiang Mai → Greenwich:
        //   echo "13.7563 100.5018 18.7883 98.9853" | GeodSolve -i -p 9 → … 579946.320397713
        //   echo "18.7883 98.9853 51.4779 -0.0015" | GeodSolve -i -p 9 → … 8997488.793520598
        let line = [100.5018, 13.7563, 98.9853, 18.7883, -0.0015, 51.4779]
        #expect(abs(wgs84.lineLength(interleavedLonLat: line) - (579_946.320397713 + 8_997_488.793520598)) < 1e-6)
        #expect(wgs84.lineLength(interleavedLonLat: [100.5, 13.7]) == 0)
        #expect(wgs84.lineLength(interleavedLonLat: []) == 0)
    }

    @Test func aTambonBoundaryAsALineMatchesGeodSolveAndPlanimeter() throws {
        // Each of the 224 edges through GeodSolve, summed:
        //   awk '!/^#/' talat-nuea-ring.txt | awk 'NR>1{print py, px, $2, $1} {px=$1; py=$2}' \
        //     | GeodSolve -i -p 9 | awk '{s+=$3} END {printf "%.9f\n", s}'       → 10354.876459224
        //   Planimeter -w -p 9 -l --comment-delimiter '#' --input-file talat-nuea-ring.txt → 225 10354.876459232
        // (the 8 nm between them is GeodSolve's rounding of 224 edges to 1 nm each).
        let ring = try TestData.interleavedLonLat("talat-nuea-ring.txt")
        let length = wgs84.lineLength(interleavedLonLat: ring)
        #expect(abs(length - 10_354.876459232) < 1e-6)
        #expect(abs(length - 10_354.876459224) < 1e-6)
        // A closed line is as long as the ring's perimeter.
        #expect(abs(length - wgs84.ringMeasure(interleavedLonLat: ring).perimeter) < 1e-9)
    }
}
