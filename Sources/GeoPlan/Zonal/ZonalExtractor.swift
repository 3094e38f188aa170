import Foundation
import GDAL
import GEOS

/// Summarises a raster under one area at a time, reading only the pixels under the area's box, a tile at a time,
/// so memory stays bounded however large the raster or the area (exactextract's habit; see `TiledCoverage`).
///
/// The area is brought into the raster's CRS (the raster is never resampled). Coverage fractions are computed
/// on the raster's grid extended over the whole area, so the part of an area beyond the raster's edge still
/// counts in its size: `coveredFraction` is the ground area of pixels with data under the area over the area's
/// ground area on that grid (see `ZonalWindow`).
///
/// Limits (see `ZonalLimits`): an area whose pixels and edges would take more than `maximumCellSteps` steps, or
/// whose quantiles or classes need more distinct values than `ZonalLimits.maximumDistinctValues`, is refused
/// with an error naming the indicator, the area, the raster and the limit.
struct ZonalExtractor {
    let values: RasterSource
    let weights: RasterSource?
    let request: ZonalRequest
    /// The indicator's id, for messages.
    var indicator: String?
    /// Rows of a tile (a GeoTIFF block row or more).
    var stripRows = 256
    /// Columns of a tile: areas narrower than this are swept exactly as one whole-width window.
    var tileColumns = 1024

    struct Summary {
        var statistics: ZonalAccumulator
        /// Ground area with data under the area / the area's ground area; nil for an empty area.
        var coveredFraction: Double?
    }

    /// `area` names the area in messages.
    func summarise(_ geometry: Geometry, area: String? = nil) throws -> Summary {
        var statistics = ZonalAccumulator(statistics: request.statistics)
        let polygons = try values.polygons(of: geometry)
        let points = polygons.joined().joined()
        guard let minX = points.map(\.x).min(), let maxX = points.map(\.x).max(),
            let minY = points.map(\.y).min(), let maxY = points.map(\.y).max()
        else {
            return Summary(statistics: statistics, coveredFraction: nil)
        }
        let box = GEOS.Envelope(minX: minX, minY: minY, maxX: maxX, maxY: maxY)
        guard let plan = ZonalWindow.plan(box: box, on: values.grid, isGeographic: values.isGeographic) else {
            throw limitError(
                area: area,
                "its box on the raster's grid lies at pixel numbers beyond what can be "
                    + "counted (the raster's pixels are too small or its origin too far)")
        }
        let window: ZonalWindow
        switch plan {
        case .empty: return Summary(statistics: statistics, coveredFraction: nil)
        case .offRaster:
            return Summary(statistics: statistics, coveredFraction: groundArea(of: polygons) > 0 ? 0 : nil)
        case let .window(planned): window = planned
        }
        let local = window.grid
        let size = window.isCutToRaster ? groundArea(of: polygons) : nil
        try checkWork(of: polygons, on: local, area: area)
        let coverage = TiledCoverage(
            edges: OrientedEdges(polygons: polygons, grid: local), columns: local.columns,
            rows: local.rows, rule: request.coverage, tileRows: stripRows,
            tileColumns: tileColumns)
        let origin = (column: window.column, row: window.row)
        var scanned = 0.0
        var areas: [Double] = []
        try coverage.forEachTile { tile, fractions in
            areas = (0..<tile.height).map { pixelArea(row: tile.row + $0, in: local) }
            for row in 0..<tile.height {
                var covered = 0.0
                for column in 0..<tile.width { covered += fractions[row * tile.width + column] }
                scanned += covered * areas[row]
            }
            try add(tile: tile, fractions: fractions, areas: areas, origin: origin, into: &statistics)
            if statistics.exceedsDistinctValues { throw distinctValuesError(area: area) }
        }
        let total = size ?? scanned
        let covered = total > 0 ? min(statistics.groundArea / total, 1) : nil
        return Summary(statistics: statistics, coveredFraction: covered)
    }

    /// The ground area (m²) of polygons in the raster's CRS, from their edges: planar for a projected raster;
    /// for one in degrees, ∮ S(φ) dλ on the WGS 84 ellipsoid (edges straight in lon/lat, as pixel edges are),
    /// each edge's integral by 3-point Gauss–Legendre.
    private func groundArea(of polygons: [[[GEOS.XY]]]) -> Double {
        let nodes = [
            (0.5 - 0.5 * (0.6).squareRoot(), 5.0 / 18), (0.5, 8.0 / 18), (0.5 + 0.5 * (0.6).squareRoot(), 5.0 / 18),
        ]
        var total = 0.0
        for rings in polygons {
            for (position, ring) in rings.enumerated() where ring.count > 2 {
                var twice = 0.0
                let reference = values.isGeographic ? PixelArea.authalicIntegral(latitude: ring[0].y) : 0
                for (a, b) in zip(ring, ring.dropFirst() + [ring[0]]) {
                    if values.isGeographic {
                        let mean = nodes.reduce(0.0) { sum, node in
                            sum + node.1
                                * (PixelArea.authalicIntegral(latitude: a.y + node.0 * (b.y - a.y)) - reference)
                        }
                        twice -= 2 * (b.x - a.x) * .pi / 180 * mean
                    } else {
                        twice += a.x * b.y - b.x * a.y
                    }
                }
                let area =
                    abs(twice) / 2
                    * (values.isGeographic
                        ? 1
                        : values.projectedPixelArea
                            / (values.grid.pixelWidth * values.grid.pixelHeight))
                total += position == 0 ? area : -area
            }
        }
        return max(total, 0)
    }

    /// Adds the pixels of one tile (in the window's pixel numbers) that lie on the raster and have data.
    private func add(
        tile: PixelWindow, fractions: UnsafeBufferPointer<Double>, areas: [Double],
        origin offset: (column: Int, row: Int), into statistics: inout ZonalAccumulator
    ) throws {
        // The tile in the raster's own pixel numbers, cut to the raster. Bounds are compared before a range is
        // formed: for a tile wholly beyond the raster (an area off its edge) the cut bounds cross, and a Range
        // with lowerBound > upperBound traps.
        let columnStart = max(offset.column + tile.column, 0)
        let columnEnd = min(offset.column + tile.column + tile.width, values.grid.columns)
        let rowStart = max(offset.row + tile.row, 0)
        let rowEnd = min(offset.row + tile.row + tile.height, values.grid.rows)
        guard columnStart < columnEnd, rowStart < rowEnd else { return }
        let columns = columnStart..<columnEnd
        let rows = rowStart..<rowEnd
        let first = (column: offset.column + tile.column, row: offset.row + tile.row)
        // Only the columns where this tile covers something.
        var used = columns.upperBound
        var usedEnd = columns.lowerBound
        for row in rows {
            let localRow = row - first.row
            for column in columns where fractions[localRow * tile.width + column - first.column] > 0 {
                used = min(used, column)
                usedEnd = max(usedEnd, column + 1)
            }
        }
        guard used < usedEnd else { return }
        let window = RasterWindow(column: used, row: rows.lowerBound, width: usedEnd - used, height: rows.count)
        let raw = try values.band.read(window)
        let valid = try values.band.readValidity(window)
        let weightValues = try weights.map { try $0.band.read(window) }
        let weightValid = try weights.map { try $0.band.readValidity(window) }
        let (scale, shift) = (values.band.scale, values.band.offset)
        let (weightScale, weightShift) = (weights?.band.scale ?? 1, weights?.band.offset ?? 0)
        for row in 0..<window.height {
            let localRow = rows.lowerBound + row - first.row
            for column in 0..<window.width {
                let fraction = fractions[localRow * tile.width + window.column + column - first.column]
                let index = row * window.width + column
                guard fraction > 0, valid[index] != 0, raw[index].isFinite else { continue }
                var weight = 1.0
                if let weightValues, let weightValid {
                    let w = weightValues[index] * weightScale + weightShift
                    weight = weightValid[index] != 0 && w.isFinite && w > 0 ? w : 0
                }
                statistics.add(
                    value: raw[index] * scale + shift, coverage: fraction,
                    pixelArea: areas[localRow], weight: weight)
            }
        }
    }

    /// Ground area of a pixel of `row` of `grid`, m².
    private func pixelArea(row: Int, in grid: PixelGrid) -> Double {
        values.isGeographic ? PixelArea.squareMetres(row: row, in: grid) : values.projectedPixelArea
    }
}
