import GEOS
import Testing

@testable import GeoPlan

extension ZonalTests {
    /// Grid arithmetic on a grid whose origin and sizes are binary fractions, so every expected value below is exact
    /// (tolerance 0): origin (100, 20), pixels 0.25 wide and 0.5 high, 8 columns × 6 rows, i.e. x 100…102,
    /// y 17…20.
    @Suite struct PixelGridTests {
        let grid: PixelGrid

        init() throws {
            grid = try #require(
                PixelGrid(
                    originX: 100, originY: 20, pixelWidth: 0.25, pixelHeight: 0.5, columns: 8,
                    rows: 6))
        }

        @Test func rejectsSizesARasterHeaderCannotMean() {
            #expect(PixelGrid(originX: 0, originY: 0, pixelWidth: 0, pixelHeight: 1, columns: 1, rows: 1) == nil)
            #expect(PixelGrid(originX: 0, originY: 0, pixelWidth: 1, pixelHeight: -1, columns: 1, rows: 1) == nil)
            #expect(PixelGrid(originX: .nan, originY: 0, pixelWidth: 1, pixelHeight: 1, columns: 1, rows: 1) == nil)
            #expect(
                PixelGrid(originX: 0, originY: 0, pixelWidth: .infinity, pixelHeight: 1, columns: 1, rows: 1)
                    == nil)
            #expect(PixelGrid(originX: 0, originY: 0, pixelWidth: 1, pixelHeight: 1, columns: -1, rows: 1) == nil)
            #expect(PixelGrid(originX: 0, originY: 0, pixelWidth: 1, pixelHeight: 1, columns: .max, rows: 2) == nil)
        }

        @Test func readsANorthUpGeoTransformOnly() {
            #expect(PixelGrid(geoTransform: [100, 0.25, 0, 20, 0, -0.5], columns: 8, rows: 6) == grid)
            #expect(PixelGrid(geoTransform: [100, 0.25, 0.01, 20, 0, -0.5], columns: 8, rows: 6) == nil)  // rotated
            #expect(PixelGrid(geoTransform: [100, 0.25, 0, 20, 0, 0.5], columns: 8, rows: 6) == nil)  // south-up
            #expect(PixelGrid(geoTransform: [100, 0.25, 0, 20, 0], columns: 8, rows: 6) == nil)
        }

        @Test func convertsBetweenWorldAndPixelCoordinates() {
            #expect(grid.fractionalColumn(x: 100.5) == 2)
            #expect(grid.fractionalRow(y: 19) == 2)
            #expect(grid.pixelCoordinates(of: XY(100.625, 18.75)) == XY(2.5, 2.5))  // the centre of pixel (2, 2)
            #expect(grid.world(column: 2.5, row: 2.5) == XY(100.625, 18.75))
            #expect(grid.world(column: 0, row: 0) == XY(100, 20))
            #expect(grid.bounds == Envelope(minX: 100, minY: 17, maxX: 102, maxY: 20))
        }

        @Test func givesThePixelBoxRowsGoingSouth() {
            #expect(grid.box(column: 0, row: 0) == Envelope(minX: 100, minY: 19.5, maxX: 100.25, maxY: 20))
            #expect(grid.box(column: 2, row: 1) == Envelope(minX: 100.5, minY: 19, maxX: 100.75, maxY: 19.5))
            #expect(grid.box(column: 7, row: 5) == Envelope(minX: 101.75, minY: 17, maxX: 102, maxY: 17.5))
        }

        @Test func windowTakesThePixelsABoxCanCoverAndNoNeighbour() {
            // On pixel edges: columns 1, 2 and rows 1, 2 only.
            #expect(
                grid.window(covering: 100.25, minY: 18.5, maxX: 100.75, maxY: 19.5)
                    == PixelWindow(column: 1, row: 1, width: 2, height: 2))
            // Inside pixels: u 1.2…3.2 → columns 1…3; v 1.2…2.8 → rows 1…2.
            #expect(
                grid.window(covering: 100.3, minY: 18.6, maxX: 100.8, maxY: 19.4)
                    == PixelWindow(column: 1, row: 1, width: 3, height: 2))
            // Clamped: a box spilling over the west, north and south edges.
            #expect(
                grid.window(covering: 99, minY: 10, maxX: 100.1, maxY: 25)
                    == PixelWindow(column: 0, row: 0, width: 1, height: 6))
            #expect(grid.window(covering: 0, minY: 0, maxX: 1000, maxY: 1000) == grid.fullWindow)
        }

        @Test func windowOfABoxWithNoWidthTakesTheHalfOpenPixelItLiesIn() {
            #expect(
                grid.window(covering: 100.5, minY: 19, maxX: 100.5, maxY: 19)
                    == PixelWindow(column: 2, row: 2, width: 1, height: 1))
            #expect(grid.window(covering: 102, minY: 18, maxX: 102, maxY: 18) == nil)  // on the east edge
        }

        @Test func windowIsNilForBoxesMissingTheGridOrMalformed() {
            #expect(grid.window(covering: 102.5, minY: 18, maxX: 103, maxY: 19) == nil)  // east
            #expect(grid.window(covering: 99, minY: 18, maxX: 100, maxY: 19) == nil)  // touching the west edge
            #expect(grid.window(covering: 100.5, minY: 20, maxX: 101, maxY: 21) == nil)  // touching the north edge
            #expect(grid.window(covering: 101, minY: 18, maxX: 100.5, maxY: 19) == nil)  // min > max
            #expect(grid.window(covering: .nan, minY: 18, maxX: 101, maxY: 19) == nil)
            #expect(grid.window(covering: -1e308, minY: -1e308, maxX: 1e308, maxY: 1e308) == grid.fullWindow)
        }
    }
}
