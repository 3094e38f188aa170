import Foundation
import GDAL
import GEOS

/// Summarises a raster under one area at a time, reading only the pixels under the area's box, a strip of
/// rows at a time, so memory stays bounded however large the raster or the area (exactextract's habit).
///
/// The area is brought into the raster's CRS (the raster is never resampled). Coverage fractions are computed
/// on the raster's grid extended over the whole area, so the part of an area beyond the raster's edge still
/// counts in its size: `coveredFraction` is the ground area of pixels with data under the area over the area's
/// ground area on that grid.
struct ZonalExtractor {
    let values: RasterSource
    let weights: RasterSource?
    let request: ZonalRequest
    /// Rows read at once (a GeoTIFF block row or more).
    var stripRows = 256

    struct Summary {
        var statistics: ZonalAccumulator
        /// Ground area with data under the area / the area's ground area; nil for an empty area.
        var coveredFraction: Double?
    }

    func summarise(_ geometry: Geometry) throws -> Summary {
        var statistics = ZonalAccumulator(statistics: request.statistics)
        let polygons = try values.polygons(of: geometry)
        let points = polygons.joined().joined()
        guard let minX = points.map(\.x).min(), let maxX = points.map(\.x).max(),
              let minY = points.map(\.y).min(), let maxY = points.map(\.y).max() else {
            return Summary(statistics: statistics, coveredFraction: nil)
        }
        let box = GEOS.Envelope(minX: minX, minY: minY, maxX: maxX, maxY: maxY)
        let grid = values.grid
        // The raster's grid, shifted and resized to cover the area's box (it may reach beyond the raster).
        let firstColumn = Int(((box.minX - grid.originX) / grid.pixelWidth).rounded(.down))
        let lastColumn = Int(((box.maxX - grid.originX) / grid.pixelWidth).rounded(.up))
        var firstRow = Int(((grid.originY - box.maxY) / grid.pixelHeight).rounded(.down))
        var lastRow = Int(((grid.originY - box.minY) / grid.pixelHeight).rounded(.up))
        if values.isGeographic {  // rows beyond a pole have no ground
            firstRow = max(firstRow, Int(((grid.originY - 90) / grid.pixelHeight).rounded(.down)))
            lastRow = min(lastRow, Int(((grid.originY + 90) / grid.pixelHeight).rounded(.up)))
        }
        guard lastColumn > firstColumn, lastRow > firstRow else {
            return Summary(statistics: statistics, coveredFraction: nil)
        }
        // Usually the whole box is scanned, so the area's size is measured with the same pixels as what has data.
        // When the box reaches far beyond the raster (a province over a town's 1 m raster), only the part on the
        // raster is scanned and the area's size is computed from its edges instead.
        var window = (columns: firstColumn..<lastColumn, rows: firstRow..<lastRow)
        var size: Double?
        let onRaster = (columns: max(firstColumn, 0)..<max(min(lastColumn, grid.columns), max(firstColumn, 0)),
                        rows: max(firstRow, 0)..<max(min(lastRow, grid.rows), max(firstRow, 0)))
        if window.columns.count * window.rows.count > 4 * onRaster.columns.count * onRaster.rows.count + 1_000_000 {
            size = groundArea(of: polygons)
            window = onRaster
            guard !window.columns.isEmpty, !window.rows.isEmpty else {
                return Summary(statistics: statistics, coveredFraction: size.map { $0 > 0 ? 0 : nil } ?? nil)
            }
        }
        guard let local = PixelGrid(originX: grid.originX + Double(window.columns.lowerBound) * grid.pixelWidth,
                                    originY: grid.originY - Double(window.rows.lowerBound) * grid.pixelHeight,
                                    pixelWidth: grid.pixelWidth, pixelHeight: grid.pixelHeight,
                                    columns: window.columns.count, rows: window.rows.count) else {
            return Summary(statistics: statistics, coveredFraction: nil)
        }
        let edges = PixelEdges(polygons: polygons, grid: local)
        let origin = (column: window.columns.lowerBound, row: window.rows.lowerBound)
        var scanned = 0.0
        var stripStart = 0
        while stripStart < local.rows {
            let height = min(stripRows, local.rows - stripStart)
            let strip = PixelWindow(column: 0, row: stripStart, width: local.columns, height: height)
            let fractions = request.coverage == .exact ? edges.fractions(in: strip) : edges.centres(in: strip)
            let areas = (0..<height).map { pixelArea(row: stripStart + $0, in: local) }
            for row in 0..<height {
                var covered = 0.0
                for column in 0..<local.columns { covered += fractions[row * local.columns + column] }
                scanned += covered * areas[row]
            }
            try add(strip: strip, fractions: fractions, areas: areas, origin: origin, into: &statistics)
            stripStart += height
        }
        let total = size ?? scanned
        let covered = total > 0 ? min(statistics.groundArea / total, 1) : nil
        return Summary(statistics: statistics, coveredFraction: covered)
    }

    /// The ground area (m²) of polygons in the raster's CRS, from their edges: planar for a projected raster;
    /// for one in degrees, ∮ S(φ) dλ on the WGS 84 ellipsoid (edges straight in lon/lat, as pixel edges are),
    /// each edge's integral by 3-point Gauss–Legendre.
    private func groundArea(of polygons: [[[GEOS.XY]]]) -> Double {
        let nodes = [(0.5 - 0.5 * (0.6).squareRoot(), 5.0 / 18), (0.5, 8.0 / 18), (0.5 + 0.5 * (0.6).squareRoot(), 5.0 / 18)]
        var total = 0.0
        for rings in polygons {
            for (position, ring) in rings.enumerated() where ring.count > 2 {
                var twice = 0.0
                let reference = values.isGeographic ? PixelArea.authalicIntegral(latitude: ring[0].y) : 0
                for (a, b) in zip(ring, ring.dropFirst() + [ring[0]]) {
                    if values.isGeographic {
                        let mean = nodes.reduce(0.0) { sum, node in
                            sum + node.1 * (PixelArea.authalicIntegral(latitude: a.y + node.0 * (b.y - a.y)) - reference)
                        }
                        twice -= 2 * (b.x - a.x) * .pi / 180 * mean
                    } else {
                        twice += a.x * b.y - b.x * a.y
                    }
                }
                let area = abs(twice) / 2 * (values.isGeographic ? 1 : values.projectedPixelArea
                    / (values.grid.pixelWidth * values.grid.pixelHeight))
                total += position == 0 ? area : -area
            }
        }
        return max(total, 0)
    }

    /// Adds the pixels of one strip that lie on the raster and have data.
    private func add(strip: PixelWindow, fractions: [Double], areas: [Double], origin offset: (column: Int, row: Int),
                     into statistics: inout ZonalAccumulator) throws {
        // The strip in the raster's own pixel numbers, cut to the raster. Bounds are compared before a range is
        // formed: for a strip wholly beyond the raster (an area off its edge) the cut bounds cross, and a Range
        // with lowerBound > upperBound traps.
        let columnStart = max(offset.column, 0), columnEnd = min(offset.column + strip.width, values.grid.columns)
        let rowStart = max(offset.row + strip.row, 0)
        let rowEnd = min(offset.row + strip.row + strip.height, values.grid.rows)
        guard columnStart < columnEnd, rowStart < rowEnd else { return }
        let columns = columnStart..<columnEnd, rows = rowStart..<rowEnd
        // Only the columns where this strip covers something.
        var used = columns.upperBound, usedEnd = columns.lowerBound
        for row in rows {
            let localRow = row - offset.row - strip.row
            for column in columns where fractions[localRow * strip.width + column - offset.column] > 0 {
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
            let localRow = rows.lowerBound + row - offset.row - strip.row
            for column in 0..<window.width {
                let fraction = fractions[localRow * strip.width + window.column + column - offset.column]
                let index = row * window.width + column
                guard fraction > 0, valid[index] != 0, raw[index].isFinite else { continue }
                var weight = 1.0
                if let weightValues, let weightValid {
                    let w = weightValues[index] * weightScale + weightShift
                    weight = weightValid[index] != 0 && w.isFinite && w > 0 ? w : 0
                }
                statistics.add(value: raw[index] * scale + shift, coverage: fraction,
                               pixelArea: areas[localRow], weight: weight)
            }
        }
    }

    /// Ground area of a pixel of `row` of `grid`, m².
    private func pixelArea(row: Int, in grid: PixelGrid) -> Double {
        values.isGeographic ? PixelArea.squareMetres(row: row, in: grid) : values.projectedPixelArea
    }
}
