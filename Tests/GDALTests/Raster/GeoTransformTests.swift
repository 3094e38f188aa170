import Testing

@testable import GDAL

@Suite struct GeoTransformTests {
    /// 0.5° × 0.25° pixels from (100° E, 14° N): every number below is exact in binary.
    let grid = GeoTransform(originX: 100, pixelWidth: 0.5, originY: 14, pixelHeight: -0.25)

    @Test func pixelToCoordinateByHand() {
        // x = 100 + 2 × 0.5 = 101; y = 14 + 4 × −0.25 = 13.
        let corner = grid.coordinate(column: 2, row: 4)
        #expect(corner.x == 101 && corner.y == 13)
        // The centre of the top-left pixel: (100.25, 13.875).
        let centre = grid.coordinate(column: 0.5, row: 0.5)
        #expect(centre.x == 100.25 && centre.y == 13.875)
    }

    @Test func coordinateToPixelByHand() throws {
        let pixel = try #require(grid.pixel(x: 101, y: 13))
        #expect(pixel.column == 2 && pixel.row == 4)
        let inside = try #require(grid.pixel(x: 100.3, y: 13.9))
        #expect(Int(inside.column.rounded(.down)) == 0 && Int(inside.row.rounded(.down)) == 0)
    }

    @Test func northUpRoundTripIsExactOnTheGrid() throws {
        let utm = GeoTransform(originX: 600_000, pixelWidth: 30, originY: 1_550_000, pixelHeight: -30)
        for column in stride(from: 0.0, through: 1000, by: 37.5) {
            for row in stride(from: 0.0, through: 1000, by: 12.5) {
                let point = utm.coordinate(column: column, row: row)
                let back = try #require(utm.pixel(x: point.x, y: point.y))
                #expect(back.column == column && back.row == row)
            }
        }
    }

    @Test func rotatedByHand() throws {
        // x = 10 + 3 × 2 + 2 × 1 = 18; y = 20 + 3 × 0.5 + 2 × −3 = 15.5; determinant 2 × −3 − 1 × 0.5 = −6.5.
        let rotated = GeoTransform(
            originX: 10, pixelWidth: 2, rowRotation: 1, originY: 20, columnRotation: 0.5,
            pixelHeight: -3)
        #expect(!rotated.isNorthUp)
        let point = rotated.coordinate(column: 3, row: 2)
        #expect(point.x == 18 && point.y == 15.5)
        let back = try #require(rotated.pixel(x: 18, y: 15.5))
        #expect(abs(back.column - 3) < 1e-12 && abs(back.row - 2) < 1e-12)
    }

    @Test func rotatedRoundTripWithinRounding() throws {
        let rotated = GeoTransform(
            originX: 612_345.5, pixelWidth: 29.9, rowRotation: 1.7, originY: 1_549_876.25,
            columnRotation: -2.3, pixelHeight: -30.1)
        for (column, row) in [(0.0, 0.0), (0.5, 0.5), (123.25, 4567.75), (9999, 1)] {
            let point = rotated.coordinate(column: column, row: row)
            let back = try #require(rotated.pixel(x: point.x, y: point.y))
            #expect(abs(back.column - column) < 1e-7 && abs(back.row - row) < 1e-7)
        }
    }

    @Test func singularTransformsHaveNoInverse() {
        #expect(GeoTransform(originX: 0, pixelWidth: 0, originY: 0, pixelHeight: -1).pixel(x: 1, y: 1) == nil)
        // Both axes along the same direction: the grid collapses to a line.
        let collapsed = GeoTransform(
            originX: 0, pixelWidth: 1, rowRotation: 2, originY: 0, columnRotation: 1,
            pixelHeight: 2)
        #expect(collapsed.pixel(x: 1, y: 1) == nil)
    }

    @Test func coefficientsAreInGDALsOrder() {
        let rotated = GeoTransform(
            originX: 1, pixelWidth: 2, rowRotation: 3, originY: 4, columnRotation: 5,
            pixelHeight: 6)
        #expect(rotated.coefficients == [1, 2, 3, 4, 5, 6])
        #expect(GeoTransform(coefficients: [1, 2, 3, 4, 5, 6]) == rotated)
        #expect(GeoTransform(coefficients: [1, 2, 3]) == nil)
        #expect(grid.isNorthUp)
    }
}
