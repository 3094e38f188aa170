import GEOS

/// The pixels an area is summarised over: the raster's grid cut to the area's box (reaching beyond the raster, so
/// the area's size is measured with the same pixels as what has data), or, when that box reaches far beyond the
/// raster (a province over a town's 1 m raster), only its part on the raster, the size then measured from edges.
///
/// Worked out in doubles and converted to `Int` only once clamped: an area's box on a hostile grid (2e9 × 2e9
/// pixels of 1.7e-10°, or pixels of 1e-300) may lie at pixel numbers no `Int` holds.
struct ZonalWindow {
    /// The window's first column and row, in the raster's own pixel numbers (negative beyond its west or north).
    let column: Int, row: Int
    /// The window as a grid of its own (its pixel (0, 0) is the raster's (column, row)).
    let grid: PixelGrid
    /// Whether the window is cut to the raster, so the area's size must come from its edges.
    let isCutToRaster: Bool

    /// Windows holding more cells than this are never extended beyond the raster, whatever the raster's size.
    static let largestExtendedCells = Double(1 << 62)

    enum Plan {
        /// The box misses every row (beyond a pole) or has no width: the area has no pixels.
        case empty
        /// The box lies beyond the raster, and far beyond its edge: no pixel with data, the size from edges.
        case offRaster
        case window(ZonalWindow)
    }

    /// The window of `box` (in the raster's CRS) on `grid`; rows beyond a pole are left out for a geographic
    /// grid. Nil when the window's grid cannot be formed (an origin that overflows): the caller says so.
    static func plan(box: Envelope, on grid: PixelGrid, isGeographic: Bool) -> Plan? {
        let firstColumn = ((box.minX - grid.originX) / grid.pixelWidth).rounded(.down)
        let lastColumn = ((box.maxX - grid.originX) / grid.pixelWidth).rounded(.up)
        var firstRow = ((grid.originY - box.maxY) / grid.pixelHeight).rounded(.down)
        var lastRow = ((grid.originY - box.minY) / grid.pixelHeight).rounded(.up)
        if isGeographic {  // rows beyond a pole have no ground
            firstRow = max(firstRow, ((grid.originY - 90) / grid.pixelHeight).rounded(.down))
            lastRow = min(lastRow, ((grid.originY + 90) / grid.pixelHeight).rounded(.up))
        }
        guard firstColumn.isFinite, lastColumn.isFinite, firstRow.isFinite, lastRow.isFinite,
            lastColumn > firstColumn, lastRow > firstRow
        else { return .empty }
        // The part on the raster (bounds that cross, for a box off the raster, give an empty part).
        let columns = Double(grid.columns)
        let rows = Double(grid.rows)
        let onColumns = (max(firstColumn, 0), min(max(lastColumn, 0), columns))
        let onRows = (max(firstRow, 0), min(max(lastRow, 0), rows))
        let onCells = max(onColumns.1 - onColumns.0, 0) * max(onRows.1 - onRows.0, 0)
        let cells = (lastColumn - firstColumn) * (lastRow - firstRow)
        let extended =
            cells <= 4 * onCells + 1_000_000 && cells < largestExtendedCells
            && max(abs(firstColumn), abs(lastColumn), abs(firstRow), abs(lastRow)) < Double(1 << 52)
        if extended {
            return make(column: firstColumn, lastColumn, row: firstRow, lastRow, on: grid, cut: false)
        }
        guard onColumns.0 < onColumns.1, onRows.0 < onRows.1 else { return .offRaster }
        return make(column: onColumns.0, onColumns.1, row: onRows.0, onRows.1, on: grid, cut: true)
    }

    /// Bounds are integral and below 2^52 in magnitude here, so the conversions are exact.
    private static func make(
        column first: Double, _ last: Double, row top: Double, _ bottom: Double,
        on grid: PixelGrid, cut: Bool
    ) -> Plan? {
        let column = Int(first)
        let row = Int(top)
        guard
            let local = PixelGrid(
                originX: grid.originX + Double(column) * grid.pixelWidth,
                originY: grid.originY - Double(row) * grid.pixelHeight,
                pixelWidth: grid.pixelWidth, pixelHeight: grid.pixelHeight,
                columns: Int(last) - column, rows: Int(bottom) - row)
        else { return nil }
        return .window(ZonalWindow(column: column, row: row, grid: local, isCutToRaster: cut))
    }
}
