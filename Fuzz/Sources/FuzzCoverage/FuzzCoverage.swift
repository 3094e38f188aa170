import FuzzSupport
import GEOS

@testable import GeoPlan

/// The zonal coverage core on polygons and grids built from the fuzzer's bytes (see `CoverageCase`). Promises,
/// from `CoverageFraction`'s documentation:
/// - every fraction is in [0, 1], cells outside the grid are 0, and `coveredPixels` lists exactly the non-zero
///   cells of `fractions`;
/// - a window's fractions equal the same cells of the whole grid's (windows change no value);
/// - for a valid polygon, the covered fractions add up to its area inside the grid, in pixels;
/// - the centre rule gives 0 or 1 per cell.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCoverage(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    guard let testCase = CoverageCase(&input) else { return 0 }
    let grid = testCase.grid
    let edges = PixelEdges(polygons: testCase.polygons, grid: grid, bandHeight: testCase.bandHeight)
    let whole = PixelWindow(column: 0, row: 0, width: grid.columns, height: grid.rows)
    let fractions = edges.fractions(in: whole)
    invariant(fractions.count == whole.count, "\(fractions.count) fractions for \(whole.count) cells")
    invariant(fractions.allSatisfy { $0 >= 0 && $0 <= 1 }, "a fraction outside [0, 1]: \(testCase)")

    let covered = edges.coveredPixels(in: whole)
    let nonZero = fractions.indices.filter { fractions[$0] > 0 }
    invariant(covered.map { $0.row * grid.columns + $0.column } == nonZero, "coveredPixels differs: \(testCase)")
    invariant(
        covered.allSatisfy { fractions[$0.row * grid.columns + $0.column] == $0.fraction },
        "coveredPixels' fractions differ: \(testCase)")

    let window = testCase.window
    let part = edges.fractions(in: window)
    for row in 0..<window.height {
        for column in 0..<window.width {
            let (c, r) = (window.column + column, window.row + row)
            let inGrid = (0..<grid.columns).contains(c) && (0..<grid.rows).contains(r)
            let expected = inGrid ? fractions[r * grid.columns + c] : 0
            let found = part[row * window.width + column]
            invariant(
                abs(found - expected) <= 1e-9,
                "cell (\(c), \(r)) is \(found) in \(window), \(expected) "
                    + "in the whole grid: \(testCase)")
        }
    }

    let centres = edges.centres(in: window)
    invariant(centres.allSatisfy { $0 == 0 || $0 == 1 }, "a centre value that is neither 0 nor 1: \(testCase)")

    if let expected = testCase.areaInsideGrid() {
        let total = fractions.reduce(0, +)
        // Rounding: of the sums (~1e-12 a cell), of GEOS's area, and of vertices placed in world coordinates.
        let vertices = Double(testCase.polygons.joined().joined().count)
        let tolerance =
            1e-9 * (1 + expected) + 1e-11 * Double(fractions.count)
            + 1e-14 * (1 + testCase.originInPixels) * vertices * (1 + expected)
        invariant(
            abs(total - expected) <= tolerance,
            "fractions add up to \(total) pixels, the polygon covers "
                + "\(expected) of the grid: \(testCase)")
    }
    return 0
}
