import GEOS

/// The edges of polygons in one grid's fractional pixel coordinates, oriented and indexed by bands of rows,
/// so that a window (a strip of rows of a big raster) costs only the edges that reach its rows.
///
/// Built once per polygon and grid, then queried for as many windows as the caller likes (see
/// `CoverageFraction`). Each ring's orientation is normalised through a weight: every edge is stored running
/// southwards (v growing) with weight +1 or −1, chosen so that an exterior ring counts +1 inside it and a hole
/// −1, whatever way the input runs. Horizontal edges are dropped: they bound no area in a sweep along rows, and
/// they cross no row centre under the half-open rule of the centre test.
///
/// The band index is a CSR list: band b holds rows [b·bandHeight, (b + 1)·bandHeight) and lists every edge that
/// reaches into them. An edge is listed once per band it spans, so the index holds about
/// `edges + Σ rows spanned / bandHeight` entries, and a window visits only the bands of its rows. Only the grid's
/// rows are indexed: edges wholly north or south of the grid, or wholly east of it, can never change a pixel and
/// are dropped. Edges west of the grid are kept, since they still decide what lies inside to their east.
struct PixelEdges: Sendable {
    let grid: PixelGrid
    /// Rows per band, ≥ 1.
    let bandHeight: Int

    // Edge e runs from (uTop[e], vTop[e]) to (uBottom[e], vBottom[e]) with vTop < vBottom.
    let uTop: [Double], vTop: [Double], uBottom: [Double], vBottom: [Double]
    /// +1 where the edge's side to the east is inside (a west edge of an exterior), −1 where it is outside.
    let weight: [Double]
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
        var uTop: [Double] = [], vTop: [Double] = [], uBottom: [Double] = [], vBottom: [Double] = []
        var weight: [Double] = []
        let rows = Double(grid.rows), columns = Double(grid.columns)
        for polygon in polygons {
            for (index, ring) in polygon.enumerated() {
                // A vertex that is not finite (or overflows in pixel units) is left out and its neighbours joined:
                // the ring stays closed, where dropping only its edges would leave a gap that fills a whole row.
                // Beyond 1e300 pixel units a vertex is treated as non-finite too, so differences of coordinates
                // stay finite.
                let points = ring.map { grid.pixelCoordinates(of: $0) }
                    .filter { abs($0.x) < 1e300 && abs($0.y) < 1e300 }
                guard points.count >= 3 else { continue }
                // In (u, v), v points south, so a ring that is counter-clockwise on the map has a negative
                // shoelace sum here; that is the orientation whose west edges run southwards, which the sweep
                // counts +1.
                let mapCounterClockwise = Self.shoelace(points) <= 0
                let ringWeight: Double = (index == 0) == mapCounterClockwise ? 1 : -1
                for (a, b) in zip(points, points.dropFirst() + [points[0]]) {
                    guard a.y != b.y else { continue }
                    let (top, bottom, direction) = a.y < b.y ? (a, b, 1.0) : (b, a, -1.0)
                    guard bottom.y > 0, top.y < rows, min(top.x, bottom.x) < columns else { continue }
                    uTop.append(top.x)
                    vTop.append(top.y)
                    uBottom.append(bottom.x)
                    vBottom.append(bottom.y)
                    weight.append(ringWeight * direction)
                }
            }
        }
        (self.uTop, self.vTop, self.uBottom, self.vBottom, self.weight) = (uTop, vTop, uBottom, vBottom, weight)

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
    var count: Int { vTop.count }

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
        let first = max(rowStart, 0), end = min(rowEnd, grid.rows)
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
