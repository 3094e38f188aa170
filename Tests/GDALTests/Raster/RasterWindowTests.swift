import Testing

@testable import GDAL

@Suite struct RasterWindowTests {
    @Test func intersectionIsTheSharedPixels() {
        let a = RasterWindow(column: 0, row: 0, width: 10, height: 10)
        let b = RasterWindow(column: 5, row: 8, width: 10, height: 10)
        #expect(a.intersection(with: b) == RasterWindow(column: 5, row: 8, width: 5, height: 2))
        #expect(b.intersection(with: a) == a.intersection(with: b))
    }

    @Test func touchingOrEmptyWindowsShareNothing() {
        let a = RasterWindow(column: 0, row: 0, width: 10, height: 10)
        #expect(a.intersection(with: RasterWindow(column: 10, row: 0, width: 5, height: 5)) == nil)
        #expect(a.intersection(with: RasterWindow(column: 2, row: 2, width: 0, height: 5)) == nil)
    }

    @Test func clampingKeepsThePartInsideTheRaster() {
        let window = RasterWindow(column: -3, row: 4, width: 10, height: 10)
        #expect(window.clamped(width: 7, height: 5) == RasterWindow(column: 0, row: 4, width: 7, height: 1))
        #expect(RasterWindow(column: 7, row: 0, width: 3, height: 3).clamped(width: 7, height: 5) == nil)
    }

    @Test func hugeWindowsDoNotOverflow() {
        let huge = RasterWindow(column: 1, row: 1, width: Int.max, height: Int.max)
        #expect(huge.endColumn == Int.max)
        #expect(huge.clamped(width: 7, height: 5) == RasterWindow(column: 1, row: 1, width: 6, height: 4))
        #expect(!huge.isInside(width: 7, height: 5))
    }

    @Test func insideTest() {
        #expect(RasterWindow(width: 7, height: 5).isInside(width: 7, height: 5))
        #expect(RasterWindow(column: 7, row: 5, width: 0, height: 0).isInside(width: 7, height: 5))
        #expect(!RasterWindow(column: 6, row: 0, width: 2, height: 1).isInside(width: 7, height: 5))
        #expect(!RasterWindow(column: 0, row: 0, width: -1, height: 1).isInside(width: 7, height: 5))
    }

    @Test func describesItselfAsAPlannerCounts() {
        #expect("\(RasterWindow(column: 0, row: 512, width: 100, height: 256))" == "rows 512–767, columns 0–99")
        #expect("\(RasterWindow(column: 3, row: 4, width: 0, height: 2))" == "empty window at row 4, column 3")
    }
}
