import GEOS

/// A rectangle of pixels of a grid: `width` columns from `column`, `height` rows from `row` (grid indices).
///
/// Zonal statistics work window by window (a feature's box, or a strip of rows of it) so that memory and time
/// follow what a feature touches, not the size of the raster.
struct PixelWindow: Sendable, Hashable {
    /// The first column (0 is the grid's west edge).
    var column: Int
    /// The first row (0 is the grid's north edge).
    var row: Int
    /// Number of columns.
    var width: Int
    /// Number of rows.
    var height: Int

    /// Number of pixels.
    var count: Int { width * height }
}

/// A north-up raster grid: pixel (0, 0) is the north-west one, columns run east and rows run south.
///
/// Row r spans y from `originY − (r + 1)·pixelHeight` to `originY − r·pixelHeight`; column c spans x from
/// `originX + c·pixelWidth` to `originX + (c + 1)·pixelWidth`. Both sizes are positive: a GDAL geotransform's
/// negative y step is `−pixelHeight` here, so "up" never has two meanings in the zonal code.
///
/// Fractional pixel coordinates (`u`, `v`) are the continuous form of (column, row): pixel (c, r) is the square
/// [c, c + 1) × [r, r + 1), and `v` grows southwards. Coverage is computed in them, where every pixel is a unit
/// square.
struct PixelGrid: Sendable, Hashable {
    /// x of the west edge of column 0.
    let originX: Double
    /// y of the north edge of row 0.
    let originY: Double
    /// Width of a pixel in x units, > 0.
    let pixelWidth: Double
    /// Height of a pixel in y units, > 0.
    let pixelHeight: Double
    /// Number of columns, ≥ 0.
    let columns: Int
    /// Number of rows, ≥ 0.
    let rows: Int

    /// A grid, or nil when an origin or size is not finite, a size is not positive, or a count is negative (or
    /// columns × rows overflows): those come from raster headers, so they are checked here rather than trusted.
    init?(originX: Double, originY: Double, pixelWidth: Double, pixelHeight: Double, columns: Int, rows: Int) {
        guard originX.isFinite, originY.isFinite, pixelWidth.isFinite, pixelHeight.isFinite, pixelWidth > 0,
            pixelHeight > 0, columns >= 0, rows >= 0, !columns.multipliedReportingOverflow(by: rows).overflow
        else { return nil }
        self.originX = originX
        self.originY = originY
        self.pixelWidth = pixelWidth
        self.pixelHeight = pixelHeight
        self.columns = columns
        self.rows = rows
    }

    /// The grid of a GDAL geotransform (`x0, dx, rotation, y0, rotation, dy`), or nil unless it is north-up
    /// (no rotation, dx > 0, dy < 0): the coverage code assumes pixel edges along x and y.
    init?(geoTransform: [Double], columns: Int, rows: Int) {
        guard geoTransform.count == 6, geoTransform[2] == 0, geoTransform[4] == 0, geoTransform[5] < 0 else {
            return nil
        }
        self.init(
            originX: geoTransform[0], originY: geoTransform[3], pixelWidth: geoTransform[1],
            pixelHeight: -geoTransform[5], columns: columns, rows: rows)
    }

    /// Every pixel of the grid.
    var fullWindow: PixelWindow { PixelWindow(column: 0, row: 0, width: columns, height: rows) }

    /// The grid's extent.
    var bounds: Envelope {
        Envelope(
            minX: originX, minY: originY - Double(rows) * pixelHeight,
            maxX: originX + Double(columns) * pixelWidth, maxY: originY)
    }

    // MARK: - World ↔ pixel

    /// u of world x: 0 on the west edge of column 0, c + 0.5 at the centre of column c.
    func fractionalColumn(x: Double) -> Double { (x - originX) / pixelWidth }

    /// v of world y: 0 on the north edge of row 0, r + 0.5 at the centre of row r.
    func fractionalRow(y: Double) -> Double { (originY - y) / pixelHeight }

    /// (u, v) of a world point.
    func pixelCoordinates(of point: XY) -> XY {
        XY(x: fractionalColumn(x: point.x), y: fractionalRow(y: point.y))
    }

    /// The world point at fractional column u and row v.
    func world(column u: Double, row v: Double) -> XY {
        XY(x: originX + u * pixelWidth, y: originY - v * pixelHeight)
    }

    /// The world box of pixel (column, row); indices outside the grid give the box the pixel would have.
    func box(column: Int, row: Int) -> Envelope {
        Envelope(
            minX: originX + Double(column) * pixelWidth, minY: originY - (Double(row) + 1) * pixelHeight,
            maxX: originX + (Double(column) + 1) * pixelWidth, maxY: originY - Double(row) * pixelHeight)
    }

    // MARK: - Windows

    /// The pixels a world box can cover, clamped to the grid; nil when the box misses the grid, is not finite
    /// or has min > max.
    ///
    /// Columns run from ⌊u(minX)⌋ to ⌈u(maxX)⌉ (exclusive), rows likewise, so a box whose edges fall on pixel
    /// edges takes no neighbour. A box with no width (or height) still takes the pixel it lies in, pixels being
    /// half-open ([c, c + 1)); one lying on the grid's east or south edge therefore takes none. The bounds are
    /// never rounded inwards: a window too big only adds cells of coverage 0, one too small would lose coverage.
    func window(covering minX: Double, minY: Double, maxX: Double, maxY: Double) -> PixelWindow? {
        guard minX.isFinite, minY.isFinite, maxX.isFinite, maxY.isFinite, minX <= maxX, minY <= maxY else {
            return nil
        }
        guard let (column, width) = Self.span(fractionalColumn(x: minX), fractionalColumn(x: maxX), count: columns),
            let (row, height) = Self.span(fractionalRow(y: maxY), fractionalRow(y: minY), count: rows)
        else { return nil }
        return PixelWindow(column: column, row: row, width: width, height: height)
    }

    /// The cells [⌊low⌋, max(⌈high⌉, ⌊low⌋ + 1)) clamped to [0, count), as (first, number); nil if none.
    /// Clamped as doubles before any conversion, so far-away boxes cannot overflow `Int`.
    private static func span(_ low: Double, _ high: Double, count: Int) -> (Int, Int)? {
        let first = low.rounded(.down)
        let end = max(high.rounded(.up), first + 1)
        let start = max(first, 0)
        let stop = min(end, Double(count))
        guard start < stop, start.isFinite, stop.isFinite else { return nil }
        return (Int(start), Int(stop) - Int(start))
    }
}
