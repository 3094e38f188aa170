import GEOS

/// Coverage of a window (an area's box on a raster's grid), tile by tile, so that memory is a few tiles however
/// large the grid or the area: a small area over a 2e9 × 2e9 grid and a country over a 10 m grid alike.
///
/// Edges are sorted by their northern end and swept south in strips of `tileRows` rows, keeping only the edges
/// that reach the strip (a scanline's active edge table); within a strip, tiles of `tileColumns` columns are
/// taken west to east, each with the edges that may touch it. An edge wholly west of a tile only adds its height
/// to the tile's first column (see `CoverageFraction`): such edges are summed once per strip into `westCover`.
/// Between two tiles that edges touch, coverage is that running sum, the same in every column of a row, so
/// tiles there are never swept: skipped when it is 0 (outside the area), given as constant rows when not.
/// Work therefore follows the area's pixels and edges, not its box (see `workEstimate`).
///
/// Fractions equal those of one whole-window sweep (`PixelEdges.fractions`) cell for cell where the window is
/// one tile wide: each cell receives the same pieces in the same order (edge order). Where it is wider, a tile's
/// first column takes the west edges' sum in another order: differences of rounding, ~1e-16 a cell. The centre
/// rule adds whole crossings (±1) and gives the same 0s and 1s in any case.
struct TiledCoverage {
    let edges: OrientedEdges
    /// The window's size, in the grid the edges are in.
    let columns: Int, rows: Int
    let rule: CoverageRule
    let tileRows: Int, tileColumns: Int
    /// Edge indices by northern end (then by index).
    private let byTop: [Int]

    init(
        edges: OrientedEdges, columns: Int, rows: Int, rule: CoverageRule, tileRows: Int = 256,
        tileColumns: Int = 1024
    ) {
        self.edges = edges
        self.columns = max(columns, 0)
        self.rows = max(rows, 0)
        self.rule = rule
        self.tileRows = max(tileRows, 1)
        self.tileColumns = max(tileColumns, 1)
        let vTop = edges.vTop
        byTop = vTop.indices.sorted { vTop[$0] < vTop[$1] || (vTop[$0] == vTop[$1] && $0 < $1) }
    }

    /// Calls `body` with each tile (a window of the grid, inside it) that has a non-zero fraction, and its
    /// fractions row-major (valid only during the call); north to south, then west to east. A tile given as
    /// constant rows is cut to its first and last non-zero rows.
    func forEachTile(_ body: (_ tile: PixelWindow, _ fractions: UnsafeBufferPointer<Double>) throws -> Void)
        rethrows
    {
        guard columns > 0, rows > 0, !byTop.isEmpty else { return }
        var buffers = TileBuffers(rows: min(tileRows, rows), columns: min(tileColumns, columns))
        var fractions = [Double](repeating: 0, count: min(tileRows, rows) * min(tileColumns, columns))
        var active: [Int] = []
        var next = 0
        var stripStart = 0
        while stripStart < rows {
            if active.isEmpty {
                // Jump to the strip of the next edge's first row: strips without edges are wholly outside.
                guard next < byTop.count else { return }
                let firstRow = max(edges.vTop[byTop[next]].rounded(.down), 0)
                let strip = (firstRow / Double(tileRows)).rounded(.down) * Double(tileRows)
                guard strip < Double(rows) else { return }
                stripStart = max(stripStart, Int(strip))
            }
            let stripEnd = min(stripStart + tileRows, rows)
            while next < byTop.count, edges.vTop[byTop[next]] < Double(stripEnd) {
                active.append(byTop[next])
                next += 1
            }
            active.removeAll { edges.vBottom[$0] <= Double(stripStart) }
            if !active.isEmpty {
                try sweep(strip: stripStart..<stripEnd, active: active, buffers: &buffers, fractions: &fractions, body)
            }
            stripStart = stripEnd
        }
    }

    /// An upper bound of the cell steps `forEachTile` and its caller take, as a Double (hostile grids overflow
    /// `Int`): every cell an edge crosses (its run in rows plus columns, cut to the window), every tile an edge
    /// touches swept whole (an edge touches at most its rows / `tileRows` + its columns / `tileColumns` + 4 of
    /// them, its span being widened by a pixel; all of it at most the window), and the cells inside
    /// (`insideCells`: the polygons' area in pixels, at most the window). `outline` is the polygons' rings in
    /// this grid's pixel coordinates, horizontal edges included (they cross cells too).
    static func workEstimate(
        outline: [[XY]], insideCells: Double, columns: Int, rows: Int, tileRows: Int,
        tileColumns: Int
    ) -> Double {
        let windowCells = Double(columns) * Double(rows)
        var crossed = 0.0
        var touched = 0.0
        for ring in outline {
            for (a, b) in zip(ring, ring.dropFirst() + ring.prefix(1)) {
                let du = abs(b.x - a.x)
                let dv = abs(b.y - a.y)
                let across = du.isFinite ? min(du, Double(columns)) : Double(columns)
                let down = dv.isFinite ? min(dv, Double(rows)) : Double(rows)
                crossed += across + down + 2
                touched += down / Double(max(tileRows, 1)) + across / Double(max(tileColumns, 1)) + 4
            }
        }
        let tileCells = Double(max(tileRows, 1)) * Double(max(tileColumns, 1))
        let inside = insideCells.isFinite ? min(max(insideCells, 0), windowCells) : windowCells
        return crossed + min(touched * tileCells, windowCells) + inside
    }

    // MARK: - One strip

    /// An active edge's columns within the strip: [low, high], widened by a pixel so rounding in placing it can
    /// never keep it from a tile it touches (a tile given an edge it misses is still right).
    private struct Span {
        var edge: Int
        var low: Double
        var high: Double
    }

    private func sweep(
        strip: Range<Int>, active: [Int], buffers: inout TileBuffers, fractions: inout [Double],
        _ body: (PixelWindow, UnsafeBufferPointer<Double>) throws -> Void
    ) rethrows {
        let height = strip.count
        var spans = active.map { edge -> Span in
            let ua = u(of: edge, at: max(edges.vTop[edge], Double(strip.lowerBound)))
            let ub = u(of: edge, at: min(edges.vBottom[edge], Double(strip.upperBound)))
            return Span(edge: edge, low: min(ua, ub) - 1, high: max(ua, ub) + 1)
        }
        spans.sort { $0.low < $1.low }
        for row in 0..<height { buffers.west[row] = 0 }
        var open: [Span] = []
        var admitted = 0
        let tileCount = columns / tileColumns + (columns % tileColumns == 0 ? 0 : 1)
        var tile = 0
        while tile < tileCount {
            let west = tile * tileColumns
            let east = min(west + tileColumns, columns)
            while admitted < spans.count, spans[admitted].low < Double(east) {
                open.append(spans[admitted])
                admitted += 1
            }
            if tile > 0 {
                // Edges now wholly west: their part is the same in every tile further east.
                var kept = 0
                for span in open {
                    if span.high <= Double(west) {
                        addWest(span.edge, strip: strip, into: &buffers.west)
                    } else {
                        open[kept] = span
                        kept += 1
                    }
                }
                open.removeLast(open.count - kept)
            }
            if open.isEmpty {
                var following = tileCount
                if admitted < spans.count {
                    let first = (spans[admitted].low / Double(tileColumns)).rounded(.down)
                    following = Int(min(max(first, Double(tile + 1)), Double(tileCount)))
                }
                try constantTiles(tile..<following, strip: strip, west: buffers.west, fractions: &fractions, body)
                tile = following
                continue
            }
            let window = PixelWindow(column: west, row: strip.lowerBound, width: east - west, height: height)
            let edgesInOrder = open.map(\.edge).sorted()
            try fractions.withUnsafeMutableBufferPointer { output in
                switch rule {
                case .exact: exact(window, edges: edgesInOrder, buffers: &buffers, into: output)
                case .centre: centres(window, edges: edgesInOrder, buffers: &buffers, into: output)
                }
                try body(window, UnsafeBufferPointer(rebasing: output[0..<(window.width * height)]))
            }
            tile += 1
        }
    }

    /// u where an edge meets row line v (its ends exactly).
    private func u(of edge: Int, at v: Double) -> Double {
        let top = edges.vTop[edge]
        let bottom = edges.vBottom[edge]
        if v <= top { return edges.uTop[edge] }
        if v >= bottom { return edges.uBottom[edge] }
        return edges.uTop[edge] + (edges.uBottom[edge] - edges.uTop[edge]) * ((v - top) / (bottom - top))
    }

    /// Adds a wholly-west edge's part of each row of the strip: its height for the exact rule (what the sweep
    /// adds to the first column's cover), its crossing of the row's centre line for the centre rule.
    private func addWest(_ edge: Int, strip: Range<Int>, into west: inout [Double]) {
        let top = edges.vTop[edge]
        let bottom = edges.vBottom[edge]
        let weight = edges.weight[edge]
        switch rule {
        case .exact:
            let first = max(top.rounded(.down), Double(strip.lowerBound))
            let end = min(bottom.rounded(.up), Double(strip.upperBound))
            guard first < end else { return }
            for row in Int(first)..<Int(end) {
                west[row - strip.lowerBound] += weight * (min(bottom, Double(row + 1)) - max(top, Double(row)))
            }
        case .centre:
            // Rows r with top ≤ r + 0.5 < bottom, as `PixelEdges.centres`.
            let first = max((top - 0.5).rounded(.up), Double(strip.lowerBound))
            let end = min((bottom - 0.5).rounded(.up), Double(strip.upperBound))
            guard first < end else { return }
            for row in Int(first)..<Int(end) { west[row - strip.lowerBound] += weight }
        }
    }

    /// Tiles no edge touches: each row's fraction is the west edges' sum, alike in every column. Tiles whose rows
    /// are all 0 are skipped; the others are cut to their non-zero rows.
    private func constantTiles(
        _ tiles: Range<Int>, strip: Range<Int>, west: [Double], fractions: inout [Double],
        _ body: (PixelWindow, UnsafeBufferPointer<Double>) throws -> Void
    ) rethrows {
        let height = strip.count
        var values = [Double](repeating: 0, count: height)
        for row in 0..<height {
            let sum = west[row]
            values[row] = rule == .exact ? CoverageFraction.clean(sum) : (sum > 0.5 ? 1 : 0)
        }
        guard let first = values.firstIndex(where: { $0 > 0 }), let last = values.lastIndex(where: { $0 > 0 })
        else { return }
        for tile in tiles {
            let west = tile * tileColumns
            let width = min(west + tileColumns, columns) - west
            let window = PixelWindow(
                column: west, row: strip.lowerBound + first, width: width,
                height: last - first + 1)
            try fractions.withUnsafeMutableBufferPointer { output in
                for row in 0..<window.height {
                    for column in 0..<width { output[row * width + column] = values[first + row] }
                }
                try body(window, UnsafeBufferPointer(rebasing: output[0..<(width * window.height)]))
            }
        }
    }

    // MARK: - One tile

    /// Exact fractions of a tile: the sweep of `CoverageFraction` on the tile's edges (in edge order), its first
    /// column's cover starting from the west edges' sum.
    private func exact(
        _ window: PixelWindow, edges list: [Int], buffers: inout TileBuffers,
        into output: UnsafeMutableBufferPointer<Double>
    ) {
        let width = window.width
        let cells = width * window.height
        let west = buffers.west
        buffers.area.withUnsafeMutableBufferPointer { area in
            buffers.cover.withUnsafeMutableBufferPointer { cover in
                for index in 0..<cells {
                    area[index] = 0
                    cover[index] = 0
                }
                for row in 0..<window.height { cover[row * width] = west[row] }
                let sweep = CoverageSweep(
                    rowStart: window.row, rowEnd: window.row + window.height,
                    columnStart: window.column, columnEnd: window.column + width,
                    area: area, cover: cover)
                for edge in list { sweep.add(edge: edge, of: edges) }
                for row in 0..<window.height {
                    var running = 0.0
                    for index in row * width..<(row + 1) * width {
                        running += cover[index]
                        output[index] = CoverageFraction.clean(area[index] + running)
                    }
                }
            }
        }
    }

    /// Centre-rule fractions of a tile, as `PixelEdges.centres`: each row's crossings of its centre line east of
    /// the tile's first centre, sorted, swept from the winding count west of it.
    private func centres(
        _ window: PixelWindow, edges list: [Int], buffers: inout TileBuffers,
        into output: UnsafeMutableBufferPointer<Double>
    ) {
        let width = window.width
        let height = window.height
        let firstCentre = Double(window.column) + 0.5
        let lastCentre = Double(window.column + width) - 0.5
        for row in 0..<height {
            buffers.crossings[row].removeAll(keepingCapacity: true)
            buffers.base[row] = buffers.west[row]
        }
        for edge in list {
            let top = edges.vTop[edge]
            let bottom = edges.vBottom[edge]
            let from = max((top - 0.5).rounded(.up), Double(window.row))
            let to = min((bottom - 0.5).rounded(.up), Double(window.row + height))
            guard from < to else { continue }
            let uTop = edges.uTop[edge]
            let du = edges.uBottom[edge] - uTop
            let dv = bottom - top
            guard min(uTop, edges.uBottom[edge]) <= lastCentre else { continue }
            for row in Int(from)..<Int(to) {
                let u = uTop + du * ((Double(row) + 0.5 - top) / dv)
                if u <= firstCentre {
                    buffers.base[row - window.row] += edges.weight[edge]
                } else if u <= lastCentre {
                    buffers.crossings[row - window.row].append((u, edges.weight[edge]))
                }
            }
        }
        for row in 0..<height {
            buffers.crossings[row].sort { $0.u < $1.u }
            let line = buffers.crossings[row]
            var winding = buffers.base[row]
            var next = 0
            for index in 0..<width {
                let centre = firstCentre + Double(index)
                while next < line.count, line[next].u <= centre {
                    winding += line[next].weight
                    next += 1
                }
                output[row * width + index] = winding > 0.5 ? 1 : 0
            }
        }
    }
}

/// The memory of a tiled sweep, allocated once: a tile's accumulators, and per row of a strip the west edges'
/// sum and the centre rule's crossings.
private struct TileBuffers {
    var area: [Double]
    var cover: [Double]
    var west: [Double]
    var base: [Double]
    var crossings: [[(u: Double, weight: Double)]]

    init(rows: Int, columns: Int) {
        area = [Double](repeating: 0, count: rows * columns)
        cover = area
        west = [Double](repeating: 0, count: rows)
        base = west
        crossings = [[(u: Double, weight: Double)]](repeating: [], count: rows)
    }
}
