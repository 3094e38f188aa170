import Foundation
import GEOS
import GeoplanTestSupport
import Testing

@testable import GeoPlan

extension ZonalTests {
    /// Exact coverage fractions against independent references: the analytic overlap of axis-aligned boxes (length
    /// of the x overlap × length of the y overlap, over the pixel's area), fractions counted by hand, and the
    /// shoelace area of random polygons. Tolerances are stated per test; "exact" means `==`, where every input
    /// and expected value is a binary fraction.
    @Suite struct CoverageFractionTests {
        /// 10 × 10 unit pixels over x 0…10, y 0…10.
        let unit: PixelGrid

        init() throws {
            unit = try #require(
                PixelGrid(
                    originX: 0, originY: 10, pixelWidth: 1, pixelHeight: 1, columns: 10,
                    rows: 10))
        }

        // MARK: - Shapes with known answers

        @Test func squareOnPixelEdgesCoversWholePixelsExactly() {
            let fractions = CoverageFraction.fractions(of: [[box(2, 3, 5, 7)]], in: unit, window: unit.fullWindow)
            // y 3…7 is v 3…7: rows 3…6.
            #expect(
                fractions
                    == cells(unit) { column, row in
                        (2..<5).contains(column) && (3..<7).contains(row) ? 1 : 0
                    })
        }

        @Test func squareOffsetByHalfAPixelCoversHalvesAndQuarters() {
            let fractions = CoverageFraction.fractions(
                of: [[box(2.5, 3.5, 5.5, 6.5)]], in: unit,
                window: unit.fullWindow)
            #expect(fractions == cells(unit) { boxFraction(unit, $0, $1, box: (2.5, 3.5, 5.5, 6.5)) })
            #expect(fractions[3 * 10 + 2] == 0.25)  // north-west corner: row 3 (y 6…7), column 2
            #expect(fractions[3 * 10 + 3] == 0.5)  // north edge
            #expect(fractions[4 * 10 + 3] == 1)  // inside
        }

        /// Hand-counted: the hypotenuse x + y = 4 runs corner to corner through pixels (c, c), so those are half
        /// covered, pixels south-west of them whole, the rest empty. Tolerance 1e-15.
        @Test func rightTriangleCutsItsDiagonalPixelsInHalf() throws {
            let grid = try #require(
                PixelGrid(
                    originX: 0, originY: 4, pixelWidth: 1, pixelHeight: 1, columns: 4,
                    rows: 4))
            let triangle = [XY(0, 0), XY(4, 0), XY(0, 4)]
            let fractions = CoverageFraction.fractions(of: [[triangle]], in: grid, window: grid.fullWindow)
            let expected = cells(grid) { column, row in column < row ? 1 : column == row ? 0.5 : 0 }
            #expect(maxDifference(fractions, expected) <= 1e-15)
        }

        @Test func holeIsSubtracted() {
            let polygon = [box(1, 1, 5, 5), box(2.5, 2.5, 3.5, 3.5)]
            let fractions = CoverageFraction.fractions(of: [polygon], in: unit, window: unit.fullWindow)
            let expected = cells(unit) {
                boxFraction(unit, $0, $1, box: (1, 1, 5, 5)) - boxFraction(unit, $0, $1, box: (2.5, 2.5, 3.5, 3.5))
            }
            #expect(fractions == expected)
            #expect(fractions[6 * 10 + 2] == 0.75)  // y 3…4, x 2…3: a quarter of the hole
        }

        @Test func partsOfAMultiPolygonAdd() {
            let parts = [[box(0.5, 0.5, 2, 2)], [box(6, 2.25, 7.75, 9)]]
            let fractions = CoverageFraction.fractions(of: parts, in: unit, window: unit.fullWindow)
            let expected = cells(unit) {
                boxFraction(unit, $0, $1, box: (0.5, 0.5, 2, 2)) + boxFraction(unit, $0, $1, box: (6, 2.25, 7.75, 9))
            }
            #expect(fractions == expected)
        }

        /// Every combination of exterior and hole orientation, closed or not: the same fractions, bit for bit.
        @Test func ringOrientationAndClosureDoNotMatter() {
            let exterior = box(1, 1, 5.5, 5)
            let hole = [XY(2.5, 2.5), XY(3.5, 2.5), XY(3, 3.75)]
            let reference = CoverageFraction.fractions(of: [[exterior, hole]], in: unit, window: unit.fullWindow)
            for reverseExterior in [false, true] {
                for reverseHole in [false, true] {
                    for close in [false, true] {
                        var outer = reverseExterior ? exterior.reversed() : exterior
                        var inner = reverseHole ? hole.reversed() : hole
                        if close {
                            outer.append(outer[0])
                            inner.append(inner[0])
                        }
                        #expect(
                            CoverageFraction.fractions(of: [[outer, inner]], in: unit, window: unit.fullWindow)
                                == reference)
                    }
                }
            }
            let total: Double = reference.reduce(0, +)
            let expected: Double = 4.5 * 4 - 0.625  // exterior − hole (base 1, height 1.25), in pixels
            #expect(abs(total - expected) <= 1e-14)
        }

        // MARK: - Windows

        /// Edges west of the window (here west of the grid too) still decide the cells east of them; edges north,
        /// south and east of it change nothing. Exact.
        @Test func windowSeesWhatTheWholeGridSees() throws {
            let polygon = [box(-5, 2.5, 3.5, 7), box(6.25, 4, 20, 5)]  // spills west and east of the grid
            let whole = CoverageFraction.fractions(of: [[polygon[0]], [polygon[1]]], in: unit, window: unit.fullWindow)
            #expect(
                whole
                    == cells(unit) {
                        boxFraction(unit, $0, $1, box: (-5, 2.5, 3.5, 7))
                            + boxFraction(unit, $0, $1, box: (6.25, 4, 20, 5))
                    })
            let window = PixelWindow(column: 2, row: 3, width: 5, height: 4)
            let part = CoverageFraction.fractions(of: [[polygon[0]], [polygon[1]]], in: unit, window: window)
            #expect(part == slice(whole, of: unit, window))
        }

        @Test func cellsOfAWindowOutsideTheGridAreZero() {
            let window = PixelWindow(column: 8, row: -1, width: 4, height: 3)  // 2 columns and 1 row beyond
            let fractions = CoverageFraction.fractions(of: [[box(-1, -1, 11, 11)]], in: unit, window: window)
            #expect(fractions == [0, 0, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0])
            #expect(
                CoverageFraction.fractions(
                    of: [[box(0, 0, 10, 10)]], in: unit,
                    window: PixelWindow(column: 10, row: 0, width: 2, height: 1)) == [0, 0])
        }

        @Test func sparseListHoldsExactlyTheNonZeroCells() {
            let polygon = [box(2.5, 3.5, 5.5, 6.5)]
            let dense = CoverageFraction.fractions(of: [polygon], in: unit, window: unit.fullWindow)
            let sparse = CoverageFraction.coveredPixels(of: [polygon], in: unit, window: unit.fullWindow)
            #expect(sparse.count == 16)  // columns 2…5 × rows 3…6
            #expect(sparse.map { $0.row * 10 + $0.column } == dense.indices.filter { dense[$0] > 0 })
            #expect(sparse.allSatisfy { dense[$0.row * 10 + $0.column] == $0.fraction })
        }

        // MARK: - Properties

        /// 200 seeded random star-shaped polygons (a third with a hole, rings in random orientation, closed or not)
        /// on a grid of non-binary pixel sizes. Tolerances: Σ fraction × pixel area equals the shoelace area within
        /// 1e-9 relative; a random window equals the same cells of the whole grid within 1e-12; strips of rows and
        /// other band heights give the whole grid's values bit for bit (same pieces, same order).
        @Test func randomPolygonsConserveAreaAndIgnoreTheWindow() throws {
            let grid = try #require(
                PixelGrid(
                    originX: 10, originY: 50, pixelWidth: 0.37, pixelHeight: 0.23,
                    columns: 48, rows: 40))
            var random = SplitMix64(seed: 20_260_501)
            for _ in 0..<200 {
                let (rings, area) = randomStar(in: grid, &random)
                let edges = PixelEdges(polygons: [rings], grid: grid)
                let whole = edges.fractions(in: grid.fullWindow)
                #expect(whole.allSatisfy { $0 >= 0 && $0 <= 1 })
                let measured = whole.reduce(0, +) * grid.pixelWidth * grid.pixelHeight
                #expect(abs(measured - area) <= 1e-9 * area, "area \(measured) vs shoelace \(area)")

                let column = Int.random(in: 0..<grid.columns, using: &random)
                let row = Int.random(in: 0..<grid.rows, using: &random)
                let window = PixelWindow(
                    column: column, row: row,
                    width: Int.random(
                        in: 1...(grid.columns - column),
                        using: &random),
                    height: Int.random(in: 1...(grid.rows - row), using: &random))
                #expect(maxDifference(edges.fractions(in: window), slice(whole, of: grid, window)) <= 1e-12)

                var strips: [Double] = []
                for first in stride(from: 0, to: grid.rows, by: 7) {
                    strips += edges.fractions(
                        in: PixelWindow(
                            column: 0, row: first, width: grid.columns,
                            height: min(7, grid.rows - first)))
                }
                #expect(strips == whole)
                let thin = PixelEdges(polygons: [rings], grid: grid, bandHeight: 1)
                #expect(thin.fractions(in: grid.fullWindow) == whole)
            }
        }

        /// A square split in two by a zig-zag: the halves' fractions add up to the square's in every cell (pixels the
        /// zig-zag crosses are shared), within 1e-12; the square itself matches the box overlap within 1e-12.
        @Test func polygonsSharingAnEdgeShareItsPixels() throws {
            let grid = try #require(
                PixelGrid(
                    originX: 0, originY: 6, pixelWidth: 0.7, pixelHeight: 0.6, columns: 10,
                    rows: 10))
            let zigzag = [
                XY(0.3, 2.7), XY(1.1, 3.9), XY(2.0, 1.0), XY(3.3, 4.4), XY(4.1, 0.9), XY(5.5, 3.0),
                XY(6.3, 2.5),
            ]
            let south = [XY(0.3, 0.2), XY(6.3, 0.2)] + zigzag.reversed()
            let north = zigzag + [XY(6.3, 5.2), XY(0.3, 5.2)]
            let square = box(0.3, 0.2, 6.3, 5.2)
            let whole = CoverageFraction.fractions(of: [[square]], in: grid, window: grid.fullWindow)
            let southern = CoverageFraction.fractions(of: [[south]], in: grid, window: grid.fullWindow)
            let northern = CoverageFraction.fractions(of: [[north]], in: grid, window: grid.fullWindow)
            #expect(maxDifference(zip(southern, northern).map { $0 + $1 }, whole) <= 1e-12)
            #expect(maxDifference(whole, cells(grid) { boxFraction(grid, $0, $1, box: (0.3, 0.2, 6.3, 5.2)) }) <= 1e-12)
            // The zig-zag crosses many pixels, which both halves then share.
            #expect(zip(southern, northern).filter { $0 > 0.01 && $1 > 0.01 }.count >= 20)
        }

        // MARK: - Helpers

        /// A counter-clockwise rectangle.
        private func box(_ minX: Double, _ minY: Double, _ maxX: Double, _ maxY: Double) -> [XY] {
            [XY(minX, minY), XY(maxX, minY), XY(maxX, maxY), XY(minX, maxY)]
        }

        /// Row-major values of every pixel of `grid`.
        private func cells(_ grid: PixelGrid, _ value: (_ column: Int, _ row: Int) -> Double) -> [Double] {
            (0..<grid.rows).flatMap { row in (0..<grid.columns).map { value($0, row) } }
        }

        /// The analytic fraction of pixel (column, row) inside an axis-aligned box.
        private func boxFraction(
            _ grid: PixelGrid, _ column: Int, _ row: Int,
            box: (minX: Double, minY: Double, maxX: Double, maxY: Double)
        ) -> Double {
            let pixel = grid.box(column: column, row: row)
            let width = max(0, min(pixel.maxX, box.maxX) - max(pixel.minX, box.minX))
            let height = max(0, min(pixel.maxY, box.maxY) - max(pixel.minY, box.minY))
            return width * height / (grid.pixelWidth * grid.pixelHeight)
        }

        private func slice(_ values: [Double], of grid: PixelGrid, _ window: PixelWindow) -> [Double] {
            (window.row..<(window.row + window.height)).flatMap { row in
                values[(row * grid.columns + window.column)..<(row * grid.columns + window.column + window.width)]
            }
        }

        private func maxDifference(_ a: [Double], _ b: [Double]) -> Double {
            guard a.count == b.count else { return .infinity }
            return zip(a, b).map { abs($0 - $1) }.max() ?? 0
        }

        /// A star-shaped ring around a random centre inside `grid` (5…40 vertices at increasing angles, each gap
        /// under 108°, radii 0.3…1 of R), with a small star hole inside the disc every edge of the exterior clears
        /// (0.3·R·cos 54° > 0.15·R) in a third of the cases; rings randomly reversed and closed. Returns the rings
        /// and the area by the shoelace formula.
        private func randomStar(in grid: PixelGrid, _ random: inout SplitMix64) -> (rings: [[XY]], area: Double) {
            let bounds = grid.bounds
            let radius = Double.random(in: 0.2...4, using: &random)
            let centre = XY(
                Double.random(in: (bounds.minX + radius)...(bounds.maxX - radius), using: &random),
                Double.random(in: (bounds.minY + radius)...(bounds.maxY - radius), using: &random))
            func star(_ count: Int, _ low: Double, _ high: Double) -> [XY] {
                (0..<count).map { step in
                    let angle = (Double(step) + Double.random(in: 0..<0.5, using: &random)) / Double(count) * 2 * .pi
                    let r = radius * Double.random(in: low...high, using: &random)
                    return XY(centre.x + r * cos(angle), centre.y + r * sin(angle))
                }
            }
            var rings = [star(Int.random(in: 5...40, using: &random), 0.3, 1)]
            if Int.random(in: 0..<3, using: &random) == 0 {
                rings.append(star(Int.random(in: 4...12, using: &random), 0.05, 0.15))
            }
            let area = rings.enumerated().map { index, ring in index == 0 ? abs(shoelace(ring)) : -abs(shoelace(ring)) }
                .reduce(0, +)
            rings = rings.map { ring in
                var ring = Bool.random(using: &random) ? ring.reversed() : ring
                if Bool.random(using: &random) { ring.append(ring[0]) }
                return ring
            }
            return (rings, area)
        }

        /// Signed area of a ring by the shoelace formula, relative to its first vertex.
        private func shoelace(_ ring: [XY]) -> Double {
            var sum = 0.0
            for (a, b) in zip(ring, ring.dropFirst() + ring.prefix(1)) {
                sum += (a.x - ring[0].x) * (b.y - ring[0].y) - (b.x - ring[0].x) * (a.y - ring[0].y)
            }
            return sum / 2
        }
    }
}
