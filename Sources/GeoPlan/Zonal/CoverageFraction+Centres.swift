import GEOS

/// The centre rule (a pixel counts whole when its centre is inside, as GDAL's default rasterisation and most
/// zonal tools decide), kept beside the exact fractions so the two can be compared on the same edges.
extension CoverageFraction {
    /// 1 for each pixel of `window` whose centre is inside `polygons`, else 0; row-major, cells outside the grid 0.
    /// Same input conventions as `fractions(of:in:window:)`; no GEOS: crossings of each row's centre line, sorted.
    static func centres(of polygons: [[[XY]]], in grid: PixelGrid, window: PixelWindow) -> [Double] {
        PixelEdges(polygons: polygons, grid: grid).centres(in: window)
    }
}

extension PixelEdges {
    /// The centre rule on `window`: for each row, the edges crossing its centre line (v = r + 0.5) are found,
    /// sorted by u and swept east with a winding count (+1 entering an exterior, −1 entering a hole); a centre is
    /// inside when the count west of it is positive, which for valid polygons is the even-odd answer too.
    ///
    /// Centres on an edge are decided half-open, so two polygons sharing an edge never both take a pixel: an edge
    /// crosses the centre line when `vTop ≤ v < vBottom`, and a crossing at the centre's own u counts as west of
    /// it. Cost: the band entries of the window's rows, one step per (edge, row) crossing in the window, the
    /// sorts of each row's crossings inside the window, and O(cells).
    func centres(in window: PixelWindow) -> [Double] {
        let width = max(window.width, 0)
        var result = [Double](repeating: 0, count: width * max(window.height, 0))
        let columnStart = max(window.column, 0)
        let columnEnd = min(window.column + window.width, grid.columns)
        let rowStart = max(window.row, 0)
        let rowEnd = min(window.row + window.height, grid.rows)
        guard columnStart < columnEnd, rowStart < rowEnd else { return result }
        // Crossings at or west of the first centre count for every centre of the row: they only add to `base`.
        // Crossings east of the last centre count for none and are dropped.
        let firstCentre = Double(columnStart) + 0.5
        let lastCentre = Double(columnEnd) - 0.5
        var crossings = [[(u: Double, weight: Double)]](repeating: [], count: bandHeight)
        var base = [Double](repeating: 0, count: bandHeight)
        for band in bands(rows: rowStart, rowEnd) {
            let first = max(rowStart, band * bandHeight)
            let end = min(rowEnd, (band + 1) * bandHeight)
            for index in 0..<(end - first) {
                crossings[index].removeAll(keepingCapacity: true)
                base[index] = 0
            }
            for entry in bandStart[band]..<bandStart[band + 1] {
                let edge = bandEdges[entry]
                let top = vTop[edge]
                let bottom = vBottom[edge]
                // Rows r with top ≤ r + 0.5 < bottom; subtracting 0.5 is exact for the v ≥ 0 that matter here.
                let from = max((top - 0.5).rounded(.up), Double(first))
                let to = min((bottom - 0.5).rounded(.up), Double(end))
                guard from < to else { continue }
                let uTop = self.uTop[edge]
                let du = uBottom[edge] - uTop
                let dv = bottom - top
                guard min(uTop, uBottom[edge]) <= lastCentre else { continue }
                for row in Int(from)..<Int(to) {
                    let u = uTop + du * ((Double(row) + 0.5 - top) / dv)
                    if u <= firstCentre {
                        base[row - first] += weight[edge]
                    } else if u <= lastCentre {
                        crossings[row - first].append((u, weight[edge]))
                    }
                }
            }
            for row in first..<end {
                crossings[row - first].sort { $0.u < $1.u }
                let line = crossings[row - first]
                var winding = base[row - first]
                var next = 0
                let start = (row - window.row) * width + (columnStart - window.column)
                for index in 0..<(columnEnd - columnStart) {
                    let centre = Double(columnStart + index) + 0.5
                    while next < line.count, line[next].u <= centre {
                        winding += line[next].weight
                        next += 1
                    }
                    result[start + index] = winding > 0.5 ? 1 : 0
                }
            }
        }
        return result
    }
}
