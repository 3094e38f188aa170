import GEOS
import Testing

@testable import GeoPlan

extension MapTopologyTests {
    @Suite struct VertexImportanceTests {
        /// A zigzag in metres: 0,0 → 10,3 → 20,0 → 30,8 → 40,0.
        private let zigzag = [XY(0, 0), XY(10, 3), XY(20, 0), XY(30, 8), XY(40, 0)]

        @Test func douglasPeuckerRanksByDistanceToTheSplittingChord() {
            let thresholds = VertexImportance.douglasPeucker(zigzag)
            #expect(thresholds[0] == .infinity && thresholds[4] == .infinity)
            #expect(thresholds[3] == 8)  // farthest from 0,0–40,0
            #expect(abs(thresholds[2] - 160 / 964.0.squareRoot()) < 1e-9)  // from the chord 0,0–30,8: 5.15
            #expect(thresholds[1] == 3)  // from the chord 0,0–20,0
        }

        @Test func visvalingamIsMonotoneAndRemovesTheSmallestTriangleFirst() {
            let thresholds = VertexImportance.visvalingam(zigzag)
            #expect(thresholds[0] == .infinity && thresholds[4] == .infinity)
            // Triangles: at 1: 30, at 2: 55, at 3: 80 (m²). 1 goes first (√30), then 2's triangle becomes
            // 0,0–20,0–30,8 = 80, tied with 3's; monotone: each later removal ranks at least as high.
            #expect(abs(thresholds[1] - 30.0.squareRoot()) < 1e-9)
            #expect(thresholds[2] >= thresholds[1] && thresholds[3] >= thresholds[1])
        }

        @Test func aClosedArcKeepsItsFarthestPointsLongest() {
            let square = [XY(0, 0), XY(10, 0), XY(10, 10), XY(0, 10), XY(0, 0)]
            let thresholds = VertexImportance.douglasPeucker(square)
            #expect(abs(thresholds[2] - 200.0.squareRoot()) < 1e-9)  // the corner opposite the start
            // Then each side from the diagonal 0,0–10,10.
            #expect(abs(thresholds[1] - 50.0.squareRoot()) < 1e-9 && abs(thresholds[3] - 50.0.squareRoot()) < 1e-9)
        }

        @Test func metresAreMeasuredInTheArcsLocalFrame() {
            // 0.001° of latitude is about 110.6 m at 13° N; a vertex that far off a straight east–west line.
            let arc = [XY(100, 13), XY(100.01, 13.001), XY(100.02, 13)]
            let thresholds = VertexImportance.thresholds(arc, method: .douglasPeucker)
            #expect(abs(thresholds[1] - 110.6) < 0.5)
        }
    }
}
