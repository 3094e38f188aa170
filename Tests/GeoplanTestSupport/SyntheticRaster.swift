import Foundation
import GDAL

/// Writes small single-band GeoTIFFs for zonal tests: a north-up grid and a value per pixel.
public enum SyntheticRaster {
    /// Writes `columns` × `rows` Float64 pixels of `size` from (`west`, `north`) with `value(column, row)`;
    /// `crs` nil writes no CRS, `noData` sets the band's nodata value.
    public static func write(
        to path: String, columns: Int, rows: Int, west: Double, north: Double, size: Double,
        crs: String? = "EPSG:4326", noData: Double? = nil, type: RasterDataType = .float64,
        scale: Double = 1, offset: Double = 0, value: (Int, Int) -> Double
    ) throws {
        let dataset = try RasterDataset.create(
            path, width: columns, height: rows, bands: 1, type: type,
            options: ["TILED": "YES", "BLOCKXSIZE": "64", "BLOCKYSIZE": "64"])
        try dataset.setGeoTransform(GeoTransform(originX: west, pixelWidth: size, originY: north, pixelHeight: -size))
        if let crs { try dataset.setSpatialReference(try SpatialReference(definition: crs)) }
        let band = try dataset.band(1)
        if let noData { try band.setNoDataValue(noData) }
        if scale != 1 { try band.setScale(scale) }
        if offset != 0 { try band.setOffset(offset) }
        var values: [Double] = []
        values.reserveCapacity(columns * rows)
        for row in 0..<rows {
            for column in 0..<columns { values.append(value(column, row)) }
        }
        try band.write(values, to: RasterWindow(column: 0, row: 0, width: columns, height: rows))
        try dataset.close()
    }
}

extension SyntheticRaster {
    /// Writes a large tiled, DEFLATE-compressed Byte raster quickly: one strip of `stripRows` rows is computed
    /// with `value(column, rowInStrip)` and written again and again down the raster.
    public static func writeRepeatingStrip(
        to path: String, columns: Int, rows: Int, west: Double, north: Double,
        pixelWidth: Double, pixelHeight: Double, stripRows: Int = 256,
        value: (Int, Int) -> Double
    ) throws {
        let dataset = try RasterDataset.create(
            path, width: columns, height: rows, bands: 1, type: .byte,
            options: ["TILED": "YES", "COMPRESS": "DEFLATE", "BIGTIFF": "IF_SAFER"])
        try dataset.setGeoTransform(
            GeoTransform(
                originX: west, pixelWidth: pixelWidth, originY: north,
                pixelHeight: -pixelHeight))
        try dataset.setSpatialReference(try SpatialReference(definition: "EPSG:4326"))
        let band = try dataset.band(1)
        var strip: [Double] = []
        strip.reserveCapacity(columns * stripRows)
        for row in 0..<stripRows {
            for column in 0..<columns { strip.append(value(column, row)) }
        }
        var row = 0
        while row < rows {
            let height = min(stripRows, rows - row)
            try band.write(
                Array(strip.prefix(height * columns)),
                to: RasterWindow(column: 0, row: row, width: columns, height: height))
            row += height
        }
        try dataset.close()
    }
}
