import GEOS

/// A pixel a polygon covers, by how much (0 < fraction ≤ 1); column and row are grid indices.
struct CoveredPixel: Sendable, Hashable {
    var column: Int
    var row: Int
    var fraction: Double
}

/// The exact fraction of each pixel covered by polygons, from their edges rather than pixel centres (as
/// exactextract computes it), by signed-area accumulation (Green's theorem, as font rasterisers such as font-rs
/// and libart fill glyphs).
///
/// In fractional pixel coordinates every pixel is a unit square. Each edge is cut at every row and column line
/// it crosses; a piece lying in cell (r, c), running from (xa, ya) to (xb, yb) in the cell's own coordinates,
/// adds `dy·(1 − (xa + xb)/2)` (the part of the cell east of the piece, over its height) to `area[r][c]` and `dy`
/// to `cover[r][c + 1]` (every cell further east lies wholly east of it). Then
/// `coverage(r, c) = area[r][c] + Σ_{k ≤ c} cover[r][k]`: the signed area of the cell lying east of west edges
/// and west of east edges, which, with exteriors and holes of opposite orientation (`PixelEdges` normalises
/// them), is the covered fraction, exact up to floating point.
///
/// Why this rather than exactextract's walk of each ring around every cell: it needs no cell-by-cell traversal
/// and no special cases where an edge runs along a pixel edge or through a corner; its cost is one constant-time
/// step per edge piece plus one per cell, and polygons that share an edge get fractions that add up to those of
/// their union (the shared edge yields the same pieces in both, with opposite signs).
///
/// Windows: pieces north, south or east of the window change none of its cells and are skipped; a piece west of
/// it only adds its `dy` to the cover of the window's first column in its row, so a window's fractions equal the
/// same cells of any larger window (exactextract #165 was coverage changing with the extent), up to rounding
/// (~1e-16 a piece) where a piece is cut at the window's west edge. Windows that differ only in their rows, such
/// as full-width strips, and any `bandHeight`, give bit-identical values: the pieces of a row, and the order they
/// are added in, do not depend on which rows are asked for.
///
/// Cost of a window given prepared `PixelEdges`: the band entries of the window's rows (every edge reaching
/// them or up to `bandHeight − 1` rows beyond), plus for each such edge one step per row it crosses inside the window, plus one
/// per column it crosses inside the window, plus O(cells). An edge reaching the window's rows but lying east of
/// it costs one comparison; one west of it, one addition per row. Memory: the output plus two buffers of
/// `bandHeight` rows of the window.
enum CoverageFraction {
    /// Sums that come out within this of 0 or 1 are 0 or 1: such residues are rounding of the additions (each
    /// ~1e-16, a row adding hundreds), not area, and leaving them would turn empty cells into "covered" ones.
    static let roundingSlack = 1e-12

    /// Fractions of each pixel of `window` covered by `polygons` (each a list of rings: the exterior first, then
    /// holes; closed or not; any orientation), row-major, `window.width × window.height` values in [0, 1].
    /// Cells outside the grid are 0. Parts of a multi-polygon must not overlap (as in a valid one): where they
    /// do, the sum is clamped to 1.
    ///
    /// Prepares the edges for this one call: O(all edges) + the cost of the window (see the type). To take many
    /// windows (strips of rows) of one polygon, build `PixelEdges` once and call `fractions(in:)` on it.
    static func fractions(of polygons: [[[XY]]], in grid: PixelGrid, window: PixelWindow) -> [Double] {
        PixelEdges(polygons: polygons, grid: grid).fractions(in: window)
    }

    /// The pixels of `window` with a non-zero fraction, in row-major order, without a dense array.
    static func coveredPixels(of polygons: [[[XY]]], in grid: PixelGrid, window: PixelWindow) -> [CoveredPixel] {
        PixelEdges(polygons: polygons, grid: grid).coveredPixels(in: window)
    }

    /// A sum made a fraction: residues of rounding snapped to 0 or 1 (see `roundingSlack`), then clamped.
    @inline(__always)
    static func clean(_ value: Double) -> Double {
        if value < roundingSlack { return 0 }
        if value > 1 - roundingSlack { return 1 }
        return value
    }
}

extension PixelEdges {
    /// Covered fractions of `window`, row-major; cells outside the grid are 0. See `CoverageFraction`.
    func fractions(in window: PixelWindow) -> [Double] {
        let width = max(window.width, 0)
        var result = [Double](repeating: 0, count: width * max(window.height, 0))
        result.withUnsafeMutableBufferPointer { output in
            forEachCoverageRow(in: window) { row, column, fractions in
                let start = (row - window.row) * width + (column - window.column)
                for index in fractions.indices { output[start + index] = fractions[index] }
            }
        }
        return result
    }

    /// The pixels of `window` (and of the grid) with a non-zero fraction, row-major.
    func coveredPixels(in window: PixelWindow) -> [CoveredPixel] {
        var pixels: [CoveredPixel] = []
        forEachCoverageRow(in: window) { row, column, fractions in
            for index in fractions.indices where fractions[index] > 0 {
                pixels.append(CoveredPixel(column: column + index, row: row, fraction: fractions[index]))
            }
        }
        return pixels
    }

    /// Calls `body` once per row of `window ∩ grid`, north to south, with the row, its first column and the
    /// covered fractions of its columns (valid only during the call). Memory stays at `bandHeight` rows (a band's
    /// rows of the window never number more than either).
    func forEachCoverageRow(
        in window: PixelWindow,
        _ body: (_ row: Int, _ column: Int, _ fractions: UnsafeBufferPointer<Double>) throws -> Void
    ) rethrows {
        let columnStart = max(window.column, 0)
        let columnEnd = min(window.column + window.width, grid.columns)
        let rowStart = max(window.row, 0)
        let rowEnd = min(window.row + window.height, grid.rows)
        guard columnStart < columnEnd, rowStart < rowEnd else { return }
        let width = columnEnd - columnStart
        var area = [Double](repeating: 0, count: min(bandHeight, rowEnd - rowStart) * width)
        var cover = area
        var line = [Double](repeating: 0, count: width)
        for band in bands(rows: rowStart, rowEnd) {
            let first = max(rowStart, band * bandHeight)
            let end = min(rowEnd, (band + 1) * bandHeight)
            let cells = (end - first) * width
            area.withUnsafeMutableBufferPointer { area in
                cover.withUnsafeMutableBufferPointer { cover in
                    for index in 0..<cells {
                        area[index] = 0
                        cover[index] = 0
                    }
                    let sweep = CoverageSweep(
                        rowStart: first, rowEnd: end, columnStart: columnStart,
                        columnEnd: columnEnd, area: area, cover: cover)
                    for entry in bandStart[band]..<bandStart[band + 1] {
                        sweep.add(edge: bandEdges[entry], of: oriented)
                    }
                }
            }
            for row in first..<end {
                let base = (row - first) * width
                var running = 0.0
                for index in 0..<width {
                    running += cover[base + index]
                    line[index] = CoverageFraction.clean(area[base + index] + running)
                }
                try line.withUnsafeBufferPointer { try body(row, columnStart, $0) }
            }
        }
    }
}

/// One band's accumulation: cuts edges into cell pieces and adds them to `area` and `cover` (rows
/// [rowStart, rowEnd), columns [columnStart, columnEnd), row-major from (rowStart, columnStart)).
struct CoverageSweep {
    let rowStart: Int, rowEnd: Int
    let columnStart: Int, columnEnd: Int
    let area: UnsafeMutableBufferPointer<Double>
    let cover: UnsafeMutableBufferPointer<Double>

    private var width: Int { columnEnd - columnStart }

    /// Adds edge `edge` over the rows of this band. All comparisons against the window are made on doubles before
    /// any conversion to `Int`, so coordinates far outside the grid cannot overflow.
    func add(edge: Int, of edges: OrientedEdges) {
        let top = edges.vTop[edge]
        let bottom = edges.vBottom[edge]
        let first = max(top.rounded(.down), Double(rowStart))
        let end = min(bottom.rounded(.up), Double(rowEnd))
        guard first < end else { return }  // north or south of these rows
        let uTop = edges.uTop[edge]
        let uBottom = edges.uBottom[edge]
        let weight = edges.weight[edge]
        let west = Double(columnStart)
        let east = Double(columnEnd)
        guard min(uTop, uBottom) < east else { return }  // east of the window: changes none of its cells
        let rows = Int(first)..<Int(end)
        if max(uTop, uBottom) <= west {
            // West of the window: each row's part only adds its height to the cover of the first column.
            for row in rows {
                let dy = min(bottom, Double(row + 1)) - max(top, Double(row))
                cover[(row - rowStart) * width] += weight * dy
            }
            return
        }
        let du = uBottom - uTop
        let dv = bottom - top
        // u where the edge meets row line v; the ends are returned exactly, so pieces meet where the edge does.
        func u(at v: Double) -> Double {
            if v == top { return uTop }
            if v == bottom { return uBottom }
            return uTop + du * ((v - top) / dv)
        }
        for row in rows {
            let ya = max(top, Double(row))
            let yb = min(bottom, Double(row + 1))
            addPiece(row: row, xa: u(at: ya), xb: u(at: yb), dy: yb - ya, weight: weight)
        }
    }

    /// Adds the part of an edge inside one row, from u = xa at its north end to u = xb at its south end, `dy`
    /// high, cutting it at column lines.
    private func addPiece(row: Int, xa: Double, xb: Double, dy: Double, weight: Double) {
        guard dy > 0 else { return }
        let base = (row - rowStart) * width
        let west = Double(columnStart)
        let east = Double(columnEnd)
        let left = min(xa, xb)
        let right = max(xa, xb)
        if right <= west {
            cover[base] += weight * dy
            return
        }
        guard left < east else { return }
        if left == right {
            // Vertical: one cell, at one local x.
            let column = left.rounded(.down)
            let index = Int(column - west)
            area[base + index] += weight * dy * (1 - (left - column))
            if index + 1 < width { cover[base + index + 1] += weight * dy }
            return
        }
        // The piece is straight, so the height of its part between u = p and u = q is dy·(q − p)/run.
        let run = right - left
        var x = left
        if left < west {
            cover[base] += weight * dy * ((west - left) / run)
            x = west
        }
        var column = x.rounded(.down)
        while x < right, column < east {
            let next = min(column + 1, right)
            let height = weight * dy * ((next - x) / run)
            let index = Int(column - west)
            area[base + index] += height * (1 - ((x - column) + (next - column)) / 2)
            if index + 1 < width { cover[base + index + 1] += height }
            x = next
            column += 1
        }
    }
}
