import GEOS
import Testing

@testable import GeoPlan

extension GovernanceTests {
    /// Nearest points within a tolerance: exact ends, exact feet on meridians and parallels, nothing beyond the
    /// tolerance. Distances are checked against the frame's own metres (1e-9 m).
    @Suite struct SegmentGridTests {
        let frame = LocalFrame(latitude: 13.05)
        let metre = GovernanceFixture.lonDegrees(1)

        private func segment(_ a: XY, _ b: XY) -> SegmentGrid.Segment<Void> {
            SegmentGrid.Segment(a: a, b: b, tag: ())
        }

        @Test func findsTheFootOnAMeridianExactly() throws {
            let grid = SegmentGrid([segment(XY(100.1, 13.0), XY(100.1, 13.1))], frame: frame, tolerance: 5)
            let hit = try #require(grid.nearest(to: XY(100.1 + metre, 13.02)))
            #expect(hit.point == XY(100.1, 13.02))
            #expect(abs(hit.distance - 1) <= 1e-9)
            #expect(abs(hit.t - 0.2) <= 1e-12)
            #expect(grid.nearest(to: XY(100.1 + 6 * metre, 13.02)) == nil)
        }

        @Test func findsTheFootOnAParallelExactly() throws {
            let grid = SegmentGrid([segment(XY(100.0, 13.0), XY(100.1, 13.0))], frame: frame, tolerance: 5)
            let hit = try #require(grid.nearest(to: XY(100.03, 13.0 - GovernanceFixture.latDegrees(2))))
            #expect(hit.point == XY(100.03, 13.0))
        }

        @Test func returnsTheEndItselfPastAnEnd() throws {
            let grid = SegmentGrid([segment(XY(100.0, 13.0), XY(100.1, 13.05))], frame: frame, tolerance: 5)
            let hit = try #require(grid.nearest(to: XY(100.0 - metre, 13.0)))
            #expect(hit.point == XY(100.0, 13.0) && hit.t == 0)
        }

        /// On a slanted segment the point is interpolated between the ends: on the segment to rounding.
        @Test func interpolatesOnASlantedSegment() throws {
            let (a, b) = (XY(100.0, 13.0), XY(100.01, 13.01))
            let grid = SegmentGrid([segment(a, b)], frame: frame, tolerance: 5)
            let hit = try #require(grid.nearest(to: XY(100.005 + metre, 13.005)))
            let context = try GEOSContext()
            let line = try Geometry.lineString([a, b], context: context)
            // On the line to rounding: doubles near 100 are 1.4e-14 apart; 1e-13 degrees is about 1e-8 m.
            #expect(try line.distance(to: Geometry.point(hit.point, context: context)) <= 1e-13)
            #expect(hit.distance > 0.6 && hit.distance < 1)  // 1 m east, across a line at about 45°
        }

        /// A grid of short segments and one long one (kept in the long list): both are found, and the nearest wins.
        @Test func searchesCellsAndLongSegments() throws {
            var segments = (0..<100).map { step in
                segment(XY(100.0 + Double(step) * 0.0001, 13.0), XY(100.0 + Double(step + 1) * 0.0001, 13.0))
            }
            segments.append(segment(XY(100.0, 13.0001), XY(100.5, 13.4)))  // long and slanted
            let grid = SegmentGrid(segments, frame: frame, tolerance: 5)
            let onShort = try #require(grid.nearest(to: XY(100.00505, 13.0 + GovernanceFixture.latDegrees(1))))
            #expect(onShort.segment == 50 && onShort.point == XY(100.00505, 13.0))
            // Nearest to the vertex two short segments share: whichever is found, the point is that vertex exactly.
            let vertex = segments[50].a
            let shared = try #require(grid.nearest(to: XY(vertex.x, 13.0 - GovernanceFixture.latDegrees(1))))
            #expect([49, 50].contains(shared.segment) && shared.point == vertex)
            let onLong = try #require(grid.nearest(to: XY(100.25 + metre, 13.2000500)))
            #expect(onLong.segment == 100)
        }
    }
}
