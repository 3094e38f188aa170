import GEOS

/// The edges of polygons in one grid's fractional pixel coordinates, oriented and indexed by bands of rows,
/// so that a window (a strip of rows of a big raster) costs only the edges that reach its rows.
///
/// Built once per polygon and grid, then queried for as many windows as the caller likes (see
/// `CoverageFraction`). The edges themselves, oriented by a weight of ±1 and without horizontal ones, are
/// `OrientedEdges`.
///
/// The band index is a CSR list: band b holds rows [b·bandHeight, (b + 1)·bandHeight) and lists every edge that
/// reaches into them. An edge is listed once per band it spans, so the index holds about
/// `edges + Σ rows spanned / bandHeight` entries, and a window visits only the bands of its rows. The index has
/// one entry per band of the grid's rows, so it is for grids of a sane size: zonal statistics over a raster of
/// any size go through `TiledCoverage`, whose memory does not depend on the grid.
struct PixelEdges: Sendable {
    let grid: PixelGrid
    /// Rows per band, ≥ 1.
    let bandHeight: Int

    /// The edges, oriented (see `OrientedEdges`).
    let oriented: OrientedEdges
    // Edge e runs from (uTop[e], vTop[e]) to (uBottom[e], vBottom[e]) with vTop < vBottom.
    var uTop: [Double] { oriented.uTop }
    var vTop: [Double] { oriented.vTop }
    var uBottom: [Double] { oriented.uBottom }
    var vBottom: [Double] { oriented.vBottom }
    /// +1 where the edge's side to the east is inside (a west edge of an exterior), −1 where it is outside.
    var weight: [Double] { oriented.weight }
    /// Edges of band b: `bandEdges[bandStart[b] ..< bandStart[b + 1]]`.
    let bandStart: [Int]
    let bandEdges: [Int]

    /// Edges of `polygons` (each a list of rings: the exterior first, then holes; closed or not) on `grid`.
    ///
    /// Cost: O(edges + band entries); `bandHeight` trades index size against the rows a window may visit above
    /// and below itself (clamped to ≥ 1).
    init(polygons: [[[XY]]], grid: PixelGrid, bandHeight: Int = 32) {
        self.grid = grid
        self.bandHeight = max(1, bandHeight)
        oriented = OrientedEdges(polygons: polygons, grid: grid)
        let vTop = oriented.vTop
        let vBottom = oriented.vBottom

        // Counting sort of edges into bands: count, prefix-sum, fill.
        let bandCount = grid.rows / self.bandHeight + (grid.rows % self.bandHeight == 0 ? 0 : 1)
        let height = Double(self.bandHeight)
        var start = [Int](repeating: 0, count: bandCount + 1)
        for edge in vTop.indices {
            for band in Self.bandRange(vTop[edge], vBottom[edge], height: height, count: bandCount) {
                start[band + 1] += 1
            }
        }
        for band in 0..<bandCount { start[band + 1] += start[band] }
        var fill = start
        var entries = [Int](repeating: 0, count: start[bandCount])
        for edge in vTop.indices {
            for band in Self.bandRange(vTop[edge], vBottom[edge], height: height, count: bandCount) {
                entries[fill[band]] = edge
                fill[band] += 1
            }
        }
        bandStart = start
        bandEdges = entries
    }

    /// Number of edges kept.
    var count: Int { oriented.count }

    /// The bands an edge spanning v in [top, bottom] reaches, clamped to the grid (as doubles before converting,
    /// so coordinates far off the grid cannot overflow `Int`). Empty when none.
    private static func bandRange(_ top: Double, _ bottom: Double, height: Double, count: Int) -> Range<Int> {
        let first = max((top / height).rounded(.down), 0)
        let last = min((bottom / height).rounded(.down), Double(count - 1))
        guard first <= last else { return 0..<0 }
        return Int(first)..<(Int(last) + 1)
    }

    /// The bands holding rows [rowStart, rowEnd) of the grid (empty when the rows miss the grid).
    func bands(rows rowStart: Int, _ rowEnd: Int) -> Range<Int> {
        let first = max(rowStart, 0)
        let end = min(rowEnd, grid.rows)
        guard first < end else { return 0..<0 }
        return (first / bandHeight)..<((end - 1) / bandHeight + 1)
    }

    /// Twice the signed area of a ring (closed or not), with coordinates taken relative to its first vertex so
    /// that rings far from the origin keep their precision.
    static func shoelace(_ points: [XY]) -> Double {
        guard let first = points.first else { return 0 }
        var sum = 0.0
        for (a, b) in zip(points, points.dropFirst() + [first]) {
            sum += (a.x - first.x) * (b.y - first.y) - (b.x - first.x) * (a.y - first.y)
        }
        return sum
    }
}
