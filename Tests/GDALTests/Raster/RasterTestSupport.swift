import Foundation

@testable import GDAL

// Helpers for the raster tests only: small rasters whose every value a test can predict.

enum RasterSample {
    /// The value at each pixel, row by row: `row × rowFactor + column` (row*10+column for the 7 × 5 sample).
    static func pattern(width: Int, height: Int, rowFactor: Double = 10) -> [Double] {
        (0..<height).flatMap { row in (0..<width).map { column in Double(row) * rowFactor + Double(column) } }
    }

    /// The values of `window` cut from a row-major array of a raster `width` pixels wide.
    static func cut(_ values: [Double], width: Int, _ window: RasterWindow) -> [Double] {
        (window.row..<window.endRow).flatMap { row in
            (window.column..<window.endColumn).map { column in values[row * width + column] }
        }
    }

    /// UTM 47N, 30 m pixels, north-up: a typical Thai raster's grid.
    static let utmGrid = GeoTransform(originX: 600_000, pixelWidth: 30, originY: 1_550_000, pixelHeight: -30)

    /// Writes a one-band raster holding `values` (the pattern by default), closes it and returns its path.
    @discardableResult
    static func write(
        to path: String, width: Int = 7, height: Int = 5, type: RasterDataType = .float32,
        values: [Double]? = nil, noData: Double? = nil, options: [String: String] = [:],
        geoTransform: GeoTransform? = nil, crs: String? = nil
    ) throws -> String {
        let dataset = try RasterDataset.create(
            path, width: width, height: height, bands: 1, type: type,
            options: options)
        let band = try dataset.band(1)
        try band.write(values ?? pattern(width: width, height: height), to: dataset.window)
        if let noData { try band.setNoDataValue(noData) }
        if let geoTransform { try dataset.setGeoTransform(geoTransform) }
        if let crs { try dataset.setSpatialReference(try SpatialReference(definition: crs)) }
        try dataset.close()
        return path
    }

    /// A `/vsimem/` path no other test uses. GDAL keeps such files in memory for the life of the process.
    static func inMemoryPath(_ name: String) -> String {
        "/vsimem/geoplan-test-\(UUID().uuidString)/\(name)"
    }
}
