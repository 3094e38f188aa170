import Foundation
import GEOS
import GeoplanTestSupport
import Testing

@testable import GeoPlan

extension ZonalTests {
    /// Tiled coverage against the whole-window sweep of `PixelEdges` (the untiled reference) and hand-computed
    /// boxes; and its work on grids no dense array could hold (2e9 × 2e9 pixels), where only the tiles an area
    /// touches may be visited.
    @Suite struct TiledCoverageTests {
        /// Dense fractions of the whole window, assembled from the tiles; also the cells the tiles held.
        private func assemble(_ coverage: TiledCoverage) -> (fractions: [Double], visited: Int) {
            var dense = [Double](repeating: 0, count: coverage.columns * coverage.rows)
            var visited = 0
            coverage.forEachTile { tile, fractions in
                visited += tile.width * tile.height
                for row in 0..<tile.height {
                    for column in 0..<tile.width {
                        dense[(tile.row + row) * coverage.columns + tile.column + column] =
                            fractions[row * tile.width + column]
                    }
                }
            }
            return (dense, visited)
        }

        private func tiled(_ polygons: [[[XY]]], _ grid: PixelGrid, _ rule: CoverageRule, rows: Int, columns: Int)
            -> [Double]
        {
            assemble(
                TiledCoverage(
                    edges: OrientedEdges(polygons: polygons, grid: grid), columns: grid.columns,
                    rows: grid.rows, rule: rule, tileRows: rows, tileColumns: columns)
            ).fractions
        }

        /// 300 seeded random star polygons (a third with a hole; some reaching beyond the grid's west, north and
        /// east edges), each tiled in random tile sizes. Tiles as wide as the grid give the untiled values bit for
        /// bit (same pieces, same order); narrower tiles within 1e-13 a cell (their first column takes the west
        /// edges' sum in another order); the centre rule gives the same 0s and 1s always.
        @Test func randomPolygonsMatchTheUntiledSweep() throws {
            let grid = try #require(
                PixelGrid(
                    originX: 10, originY: 50, pixelWidth: 0.37, pixelHeight: 0.23,
                    columns: 53, rows: 41))
            var random = SplitMix64(seed: 20_261_214)
            for _ in 0..<300 {
                let rings = randomStar(in: grid, &random)
                let edges = PixelEdges(polygons: [rings], grid: grid)
                let whole = edges.fractions(in: grid.fullWindow)
                let tileRows = Int.random(in: 1...50, using: &random)
                let narrow = tiled(
                    [rings], grid, .exact, rows: tileRows,
                    columns: Int.random(in: 1...20, using: &random))
                #expect(maxDifference(narrow, whole) <= 1e-13)
                #expect(tiled([rings], grid, .exact, rows: tileRows, columns: grid.columns) == whole)
                let centres = edges.centres(in: grid.fullWindow)
                #expect(
                    tiled([rings], grid, .centre, rows: tileRows, columns: Int.random(in: 1...60, using: &random))
                        == centres)
            }
        }

        /// A box from (2.5, 1.25) to (27.5, 9) pixels on 30 × 10 unit pixels, in 4 × 4 tiles: the interior tiles
        /// no edge touches come out as constant rows, the rows under the box's north edge as quarter or half
        /// pixels; every value is the analytic overlap, exactly (binary fractions).
        @Test func boxInSmallTilesIsTheAnalyticOverlap() throws {
            let grid = try #require(
                PixelGrid(
                    originX: 0, originY: 10, pixelWidth: 1, pixelHeight: 1, columns: 30,
                    rows: 10))
            let box = [XY(2.5, 1), XY(27.5, 1), XY(27.5, 8.75), XY(2.5, 8.75)]
            let fractions = tiled([[box]], grid, .exact, rows: 4, columns: 4)
            for row in 0..<10 {
                for column in 0..<30 {
                    let width = max(0, min(Double(column + 1), 27.5) - max(Double(column), 2.5))
                    let height = max(0, min(10 - Double(row), 8.75) - max(9 - Double(row), 1))
                    #expect(fractions[row * 30 + column] == width * height, "row \(row), column \(column)")
                }
            }
            #expect(fractions[1 * 30 + 10] == 0.75)  // north edge at y 8.75: row 1 spans y 8…9
            #expect(fractions[1 * 30 + 2] == 0.375)  // and the west edge at x 2.5
        }

        /// A square 58.8 pixels across (1e-8° on 1.7e-10° pixels) in the middle of a 2e9 × 2e9 grid. Only the
        /// tiles under it are visited (a few), and Σ fractions is its area in pixels
        /// within 1e-6 (the corners' pixel coordinates, ~1e9, carry ~1e-7 pixel of rounding).
        @Test func aSmallSquareOnAHugeGridVisitsOnlyItsTiles() throws {
            let size = 1.7e-10
            let grid = try #require(
                PixelGrid(
                    originX: 100, originY: 13.34, pixelWidth: size, pixelHeight: size,
                    columns: 2_000_000_000, rows: 2_000_000_000))
            let square = [
                XY(100.1, 13.1), XY(100.1 + 1e-8, 13.1), XY(100.1 + 1e-8, 13.1 + 1e-8),
                XY(100.1, 13.1 + 1e-8),
            ]
            let coverage = TiledCoverage(
                edges: OrientedEdges(polygons: [[square]], grid: grid),
                columns: grid.columns, rows: grid.rows, rule: .exact)
            var sum = 0.0
            var visited = 0
            coverage.forEachTile { tile, fractions in
                visited += tile.width * tile.height
                sum += fractions.reduce(0, +)
            }
            let expected = (1e-8 / size) * (1e-8 / size)
            #expect(abs(sum / expected - 1) < 1e-6, "\(sum) vs \(expected)")
            #expect(visited <= 4 * 256 * 1024, "\(visited) cells visited")
        }

        /// A square frame 100,000 pixels across, 1 pixel thick, on a 2e9 × 2e9 grid: its inside (a hole of 1e10
        /// pixels) is never swept, so the cells visited stay near the frame's, and Σ fractions is the frame's area
        /// (400,000 − 4 pixels, exactly: every coordinate is an integer number of pixels).
        @Test func theInsideOfAHoleIsSkipped() throws {
            let grid = try #require(
                PixelGrid(
                    originX: 0, originY: 0, pixelWidth: 1, pixelHeight: 1,
                    columns: 2_000_000_000, rows: 2_000_000_000))
            let (west, north, side) = (1_000_000_000.0, -1_000_000_000.0, 100_000.0)
            let outer = [
                XY(west, north), XY(west + side, north), XY(west + side, north - side),
                XY(west, north - side),
            ]
            let inner = [
                XY(west + 1, north - 1), XY(west + side - 1, north - 1),
                XY(west + side - 1, north - side + 1), XY(west + 1, north - side + 1),
            ]
            let coverage = TiledCoverage(
                edges: OrientedEdges(polygons: [[outer, inner]], grid: grid),
                columns: grid.columns, rows: grid.rows, rule: .exact, tileRows: 64,
                tileColumns: 64)
            var sum = 0.0
            var visited = 0
            coverage.forEachTile { tile, fractions in
                visited += tile.width * tile.height
                sum += fractions.reduce(0, +)
            }
            #expect(sum == 4 * side - 4)
            // Per 64-row strip, two tiles of edges (west, east) and the frame's top and bottom rows.
            #expect(visited < 5 * 64 * 64 * Int(side / 64 + 2) + 2 * Int(side) + 2 * 64 * 64, "\(visited)")
        }

        /// The estimate bounds what the sweep does: a country-sized area over a 10 m grid fits the limit; most
        /// of a 2e9 × 2e9 grid does not; a thin diagonal is charged for its edges, not its box.
        @Test func workEstimateFollowsTheAreaNotItsBox() {
            let limit = ZonalLimits.maximumCellSteps
            let country = [XY(0, 0), XY(80_000, 0), XY(80_000, 160_000), XY(0, 160_000)]
            #expect(
                TiledCoverage.workEstimate(
                    outline: [country], insideCells: 80_000 * 160_000, columns: 80_000,
                    rows: 160_000, tileRows: 256, tileColumns: 1024) < limit)
            let most = [XY(0, 0), XY(1.5e9, 0), XY(1.5e9, 1.5e9), XY(0, 1.5e9)]
            #expect(
                TiledCoverage.workEstimate(
                    outline: [most], insideCells: 1.5e9 * 1.5e9, columns: 1_500_000_000,
                    rows: 1_500_000_000, tileRows: 256, tileColumns: 1024) > limit)
            let diagonal = [XY(0, 0), XY(10, 0), XY(1e6, 1e6), XY(1e6 - 10, 1e6)]
            let estimate = TiledCoverage.workEstimate(
                outline: [diagonal], insideCells: 1e7, columns: 1_000_000,
                rows: 1_000_000, tileRows: 256, tileColumns: 1024)
            #expect(estimate < 1e12 / 100, "\(estimate)")
            #expect(
                TiledCoverage.workEstimate(
                    outline: [[XY(0, 0), XY(.infinity, 0), XY(0, 1)]], insideCells: .nan,
                    columns: 10, rows: 10, tileRows: 4, tileColumns: 4
                ).isFinite)
        }

        // MARK: - Helpers

        private func maxDifference(_ a: [Double], _ b: [Double]) -> Double {
            guard a.count == b.count else { return .infinity }
            return zip(a, b).map { abs($0 - $1) }.max() ?? 0
        }

        /// A star-shaped ring around a random centre that may lie near or past the grid's edges (5…40 vertices
        /// at increasing angles), with a small star hole in a third of the cases; rings randomly reversed.
        private func randomStar(in grid: PixelGrid, _ random: inout SplitMix64) -> [[XY]] {
            let bounds = grid.bounds
            let radius = Double.random(in: 0.2...8, using: &random)
            let centre = XY(
                Double.random(in: (bounds.minX - 2)...(bounds.maxX + 2), using: &random),
                Double.random(in: (bounds.minY - 2)...(bounds.maxY + 2), using: &random))
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
            return rings.map { Bool.random(using: &random) ? $0.reversed() : $0 }
        }
    }
}
