import GEOS
import Testing

@testable import GeoPlan

extension ZonalTests {
    /// The centre rule against pixels counted by hand; exact (0 or 1 per pixel).
    @Suite struct CoverageFractionCentresTests {
        /// The triangle (0 0, 6 0, 0 4) holds centres with 2x + 3y < 12 (no centre lies on it: 2c − 3r = 0.5 has no
        /// integer solution); the hole 1…2 × 1…2 takes the centre (1.5, 1.5). Counted row by row (y = 3.5, 2.5, 1.5,
        /// 0.5): x < 0.75, x < 2.25, x < 3.75 but 1.5, x < 5.25 → 1 + 2 + 3 + 5 = 11 pixels.
        @Test func countsTheCentresInsideATriangleWithAHole() throws {
            let grid = try #require(
                PixelGrid(
                    originX: 0, originY: 4, pixelWidth: 1, pixelHeight: 1, columns: 6,
                    rows: 4))
            let polygon = [[XY(0, 0), XY(6, 0), XY(0, 4)], [XY(1, 1), XY(1, 2), XY(2, 2), XY(2, 1)]]
            let centres = CoverageFraction.centres(of: [polygon], in: grid, window: grid.fullWindow)
            #expect(
                centres == [
                    1, 0, 0, 0, 0, 0,
                    1, 1, 0, 0, 0, 0,
                    1, 0, 1, 1, 0, 0,
                    1, 1, 1, 1, 1, 0,
                ])
            let window = PixelWindow(column: 1, row: 1, width: 4, height: 3)
            #expect(
                CoverageFraction.centres(of: [polygon], in: grid, window: window) == [
                    1, 0, 0, 0,
                    0, 1, 1, 0,
                    1, 1, 1, 1,
                ])
            // Reversed rings, a window spilling over the grid (its outside cells 0).
            let reversed = polygon.map { Array($0.reversed()) }
            #expect(
                CoverageFraction.centres(
                    of: [reversed], in: grid,
                    window: PixelWindow(column: 4, row: 3, width: 3, height: 2))
                    == [1, 0, 0, 0, 0, 0])
        }

        /// Centres on a shared edge (x = 2.5 through column 2's centres; y = 1.5 through row 2's) go to exactly one
        /// side: the one east of a vertical edge, the one south of a horizontal one (half-open, as documented).
        @Test func givesACentreOnASharedEdgeToOneSideOnly() throws {
            let grid = try #require(
                PixelGrid(
                    originX: 0, originY: 4, pixelWidth: 1, pixelHeight: 1, columns: 5,
                    rows: 4))
            let west = CoverageFraction.centres(of: [[box(0, 0, 2.5, 4)]], in: grid, window: grid.fullWindow)
            let east = CoverageFraction.centres(of: [[box(2.5, 0, 5, 4)]], in: grid, window: grid.fullWindow)
            #expect(zip(west, east).map { $0 + $1 } == [Double](repeating: 1, count: 20))
            #expect(west.filter { $0 == 1 }.count == 8)  // columns 0 and 1
            let north = CoverageFraction.centres(of: [[box(0, 1.5, 5, 4)]], in: grid, window: grid.fullWindow)
            let south = CoverageFraction.centres(of: [[box(0, 0, 5, 1.5)]], in: grid, window: grid.fullWindow)
            #expect(zip(north, south).map { $0 + $1 } == [Double](repeating: 1, count: 20))
            #expect(south.filter { $0 == 1 }.count == 10)  // rows 2 and 3
        }

        private func box(_ minX: Double, _ minY: Double, _ maxX: Double, _ maxY: Double) -> [XY] {
            [XY(minX, minY), XY(maxX, minY), XY(maxX, maxY), XY(minX, maxY)]
        }
    }
}
