/// The affine map from pixel/line space to the raster's CRS: GDAL's six geotransform coefficients, named.
///
/// A position (`column`, `row`) in pixels, measured from the top-left corner of the top-left pixel, lies at
///
///     x = originX + column × pixelWidth + row × rowRotation
///     y = originY + column × columnRotation + row × pixelHeight
///
/// so pixel centres are at `column + 0.5`, `row + 0.5`. For a north-up raster both rotation terms are 0 and
/// `pixelHeight` is negative (rows go south). See `GDALGetGeoTransform`.
public struct GeoTransform: Hashable, Sendable, CustomStringConvertible {
    /// x of the raster's top-left corner (GDAL's coefficient 0).
    public var originX: Double
    /// Change in x from one column to the next (coefficient 1).
    public var pixelWidth: Double
    /// Change in x from one row to the next; 0 unless rotated (coefficient 2).
    public var rowRotation: Double
    /// y of the raster's top-left corner (coefficient 3).
    public var originY: Double
    /// Change in y from one column to the next; 0 unless rotated (coefficient 4).
    public var columnRotation: Double
    /// Change in y from one row to the next: negative for north-up rasters (coefficient 5).
    public var pixelHeight: Double

    public init(
        originX: Double, pixelWidth: Double, rowRotation: Double = 0,
        originY: Double, columnRotation: Double = 0, pixelHeight: Double
    ) {
        self.originX = originX
        self.pixelWidth = pixelWidth
        self.rowRotation = rowRotation
        self.originY = originY
        self.columnRotation = columnRotation
        self.pixelHeight = pixelHeight
    }

    /// From GDAL's six coefficients, in GDAL's order; nil unless there are exactly six.
    public init?(coefficients: [Double]) {
        guard coefficients.count == 6 else { return nil }
        self.init(
            originX: coefficients[0], pixelWidth: coefficients[1], rowRotation: coefficients[2],
            originY: coefficients[3], columnRotation: coefficients[4], pixelHeight: coefficients[5])
    }

    /// GDAL's six coefficients, in GDAL's order.
    public var coefficients: [Double] {
        [originX, pixelWidth, rowRotation, originY, columnRotation, pixelHeight]
    }

    /// True when neither rotation term is set: columns run along x and rows along y.
    public var isNorthUp: Bool { rowRotation == 0 && columnRotation == 0 }

    /// The CRS position of a pixel/line position (`column + 0.5`, `row + 0.5` for a pixel's centre).
    /// See `GDALApplyGeoTransform`.
    public func coordinate(column: Double, row: Double) -> (x: Double, y: Double) {
        (originX + column * pixelWidth + row * rowRotation, originY + column * columnRotation + row * pixelHeight)
    }

    /// The pixel/line position of a CRS position (fractional; `floor` it for the pixel's indices), or nil when
    /// the transform cannot be inverted (a zero pixel size, or rotation terms that collapse the grid).
    ///
    /// North-up transforms are inverted directly as `(x − originX) / pixelWidth` (no reciprocal, so no extra
    /// rounding); others through the 2 × 2 determinant, as `GDALInvGeoTransform` does. Pure Swift: no GDAL call.
    public func pixel(x: Double, y: Double) -> (column: Double, row: Double)? {
        let dx = x - originX
        let dy = y - originY
        if isNorthUp {
            guard pixelWidth != 0, pixelHeight != 0 else { return nil }
            return (dx / pixelWidth, dy / pixelHeight)
        }
        let determinant = pixelWidth * pixelHeight - rowRotation * columnRotation
        guard determinant != 0, determinant.isFinite else { return nil }
        let column = (pixelHeight * dx - rowRotation * dy) / determinant
        let row = (pixelWidth * dy - columnRotation * dx) / determinant
        guard column.isFinite, row.isFinite else { return nil }
        return (column, row)
    }

    public var description: String {
        "GeoTransform(" + coefficients.map { "\($0)" }.joined(separator: ", ") + ")"
    }
}
