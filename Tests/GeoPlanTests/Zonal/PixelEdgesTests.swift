import GEOS
import Testing

@testable import GeoPlan

extension ZonalTests {
    /// What the edge index keeps and where it files it; exact.
    @Suite struct PixelEdgesTests {
        /// 10 × 100 unit pixels over x 0…10, y 0…100.
        let grid: PixelGrid

        init() throws {
            grid = try #require(
                PixelGrid(
                    originX: 0, originY: 100, pixelWidth: 1, pixelHeight: 1, columns: 10,
                    rows: 100))
        }

        /// Only edges that can change a pixel are kept: not horizontal ones, not ones north, south or east of the
        /// grid; west ones are, as they decide what lies inside east of them.
        @Test func keepsOnlyEdgesThatCanChangeAPixel() {
            let north = [XY(1, 101), XY(2, 101), XY(2, 102)]  // y > 100: north of the grid
            let south = [XY(1, -2), XY(2, -2), XY(2, -1)]
            let east = [XY(11, 50), XY(12, 50), XY(12, 51)]
            let west = [XY(-3, 50), XY(-2, 50), XY(-2, 51)]  // one horizontal edge, two sloping ones
            #expect(PixelEdges(polygons: [[north], [south], [east]], grid: grid).count == 0)
            #expect(PixelEdges(polygons: [[west]], grid: grid).count == 2)
        }

        /// A tall edge is filed in every band it reaches and nowhere else; a window visits only its own rows' bands.
        @Test func filesEdgesByBandsOfRows() {
            // Bands of 32 rows: the west edge (x = 1, rows 0…99) is in bands 0…3, the east one (x = 2, rows
            // 40…99) in 1…3, the short one (rows 40…41) in 1, the sloping one (rows 0…41) in 0…1; the bottom edge is
            // horizontal and left out. So bands 0…3 hold 2, 4, 2 and 2 edges.
            let ring = [XY(1, 0), XY(2, 0), XY(2, 60), XY(1.5, 58.5), XY(1, 100)]
            let edges = PixelEdges(polygons: [[ring]], grid: grid, bandHeight: 32)
            #expect(edges.bandStart == [0, 2, 6, 8, 10])
            #expect(edges.bands(rows: 40, 60) == 1..<2)
            #expect(edges.bands(rows: 31, 33) == 0..<2)
            #expect(edges.bands(rows: 90, 200) == 2..<4)
            #expect(edges.bands(rows: 100, 120).isEmpty)
        }

        /// A vertex that is not finite is left out and the ring closed over it, so one bad coordinate cannot fill a
        /// whole row with coverage.
        @Test func leavesOutVerticesThatAreNotFinite() {
            let square = [XY(2, 40), XY(5, 40), XY(5, 43), XY(2, 43)]
            let damaged = [XY(2, 40), XY(5, 40), XY(.nan, 41), XY(5, 43), XY(.infinity, 42), XY(2, 43)]
            let window = PixelWindow(column: 0, row: 55, width: 10, height: 5)
            #expect(
                PixelEdges(polygons: [[damaged]], grid: grid).fractions(in: window)
                    == PixelEdges(polygons: [[square]], grid: grid).fractions(in: window))
        }
    }
}
