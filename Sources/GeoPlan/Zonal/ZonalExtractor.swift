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
        guard let first = points.first else { return Summary(statistics: statistics, coveredFraction: nil) }
        var box = GEOS.Envelope(minX: first.x, minY: first.y, maxX: first.x, maxY: first.y)
        for point in points {
            box = box.union(GEOS.Envelope(minX: point.x, minY: point.y, maxX: point.x, maxY: point.y))
        }
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
        guard let local = PixelGrid(originX: grid.originX + Double(firstColumn) * grid.pixelWidth,
                                    originY: grid.originY - Double(firstRow) * grid.pixelHeight,
                                    pixelWidth: grid.pixelWidth, pixelHeight: grid.pixelHeight,
                                    columns: lastColumn - firstColumn, rows: lastRow - firstRow) else {
            return Summary(statistics: statistics, coveredFraction: nil)
        }
        let edges = PixelEdges(polygons: polygons, grid: local)
        let origin = (column: firstColumn, row: firstRow)
        var groundArea = 0.0
        var stripStart = 0
        while stripStart < local.rows {
            let height = min(stripRows, local.rows - stripStart)
            let strip = PixelWindow(column: 0, row: stripStart, width: local.columns, height: height)
            let fractions = request.coverage == .exact ? edges.fractions(in: strip) : edges.centres(in: strip)
            let areas = (0..<height).map { pixelArea(row: stripStart + $0, in: local) }
            for row in 0..<height {
                var covered = 0.0
                for column in 0..<local.columns { covered += fractions[row * local.columns + column] }
                groundArea += covered * areas[row]
            }
            try add(strip: strip, fractions: fractions, areas: areas, origin: origin, into: &statistics)
            stripStart += height
        }
        let covered = groundArea > 0 ? min(statistics.groundArea / groundArea, 1) : nil
        return Summary(statistics: statistics, coveredFraction: covered)
    }

    /// Adds the pixels of one strip that lie on the raster and have data.
    private func add(strip: PixelWindow, fractions: [Double], areas: [Double], origin offset: (column: Int, row: Int),
                     into statistics: inout ZonalAccumulator) throws {
        // The strip in the raster's own pixel numbers, cut to the raster.
        let columns = max(offset.column, 0)..<min(offset.column + strip.width, values.grid.columns)
        let rows = max(offset.row + strip.row, 0)..<min(offset.row + strip.row + strip.height, values.grid.rows)
        guard !columns.isEmpty, !rows.isEmpty else { return }
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
