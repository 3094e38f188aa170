import GDAL

/// What `geoplan info` reports about a raster: its grid, CRS, extents and bands.
public struct RasterReport: Codable, Hashable, Sendable {
    public var width: Int
    public var height: Int
    /// Pixel size in the CRS's units (degrees or metres); nil without a geotransform.
    public var pixelWidth: Double?
    public var pixelHeight: Double?
    /// Whether the grid is north-up (zonal statistics need it).
    public var northUp: Bool
    public var crs: CRSReport?
    /// Extent in the raster's CRS, and in WGS 84 lon/lat (edges densified).
    public var extent: BoundingBox?
    public var extentLonLat: BoundingBox?
    /// Ground area of one pixel at the raster's middle row, m² (on the WGS 84 ellipsoid for degrees).
    public var pixelSquareMetres: Double?
    public var bands: [BandReport]
    public var warnings: [String]
}

public struct BandReport: Codable, Hashable, Sendable {
    public var number: Int
    public var dataType: String
    public var blockWidth: Int
    public var blockHeight: Int
    public var noData: Double?
    public var scale: Double
    public var offset: Double
    /// "all valid", "nodata", "alpha", "per-dataset mask".
    public var mask: String
}

extension RasterReport {
    /// Reads the grid and band properties (no pixels).
    static func inspect(_ dataset: RasterDataset) throws -> RasterReport {
        var warnings: [String] = []
        let transform = dataset.geoTransform
        if transform == nil { warnings.append("the raster has no georeferencing (geotransform)") }
        let reference = dataset.spatialReference
        if reference == nil { warnings.append("the raster has no CRS; zonal statistics need assume_crs on its input") }
        var extent: BoundingBox?
        var lonLat: BoundingBox?
        var pixelArea: Double?
        if let transform {
            let corners = [
                (0.0, 0.0), (Double(dataset.width), 0.0), (0.0, Double(dataset.height)),
                (Double(dataset.width), Double(dataset.height)),
            ]
            .map { transform.coordinate(column: $0.0, row: $0.1) }
            let box = BoundingBox(
                minX: corners.map(\.x).min() ?? 0, minY: corners.map(\.y).min() ?? 0,
                maxX: corners.map(\.x).max() ?? 0, maxY: corners.map(\.y).max() ?? 0)
            extent = box
            if let reference {
                let toLonLat = try CoordinateTransformation(from: reference, to: try SpatialReference.wgs84())
                let bounds = try? toLonLat.transformBounds(
                    Envelope(
                        minX: box.minX, minY: box.minY, maxX: box.maxX,
                        maxY: box.maxY))
                lonLat = bounds.map { BoundingBox(minX: $0.minX, minY: $0.minY, maxX: $0.maxX, maxY: $0.maxY) }
                if reference.isGeographic,
                    let grid = PixelGrid(
                        originX: transform.originX, originY: transform.originY,
                        pixelWidth: abs(transform.pixelWidth),
                        pixelHeight: abs(transform.pixelHeight),
                        columns: dataset.width, rows: dataset.height)
                {
                    pixelArea = PixelArea.squareMetres(row: dataset.height / 2, in: grid)
                } else if !reference.isGeographic {
                    pixelArea =
                        abs(transform.pixelWidth * transform.pixelHeight) * reference.linearUnitMetres
                        * reference.linearUnitMetres
                }
            }
            if !transform.isNorthUp { warnings.append("the grid is rotated: warp it north-up for zonal statistics") }
        }
        let bands = try (1...max(dataset.bandCount, 1)).prefix(dataset.bandCount).map { number in
            let band = try dataset.band(number)
            let flags = band.maskFlags
            let mask =
                flags.contains(.allValid)
                ? "all valid"
                : flags.contains(.alpha)
                    ? "alpha"
                    : flags.contains(.noData)
                        ? "nodata" : flags.contains(.perDataset) ? "per-dataset mask" : "mask band"
            return BandReport(
                number: number, dataType: band.dataType.name, blockWidth: band.blockWidth,
                blockHeight: band.blockHeight, noData: band.noDataValue, scale: band.scale,
                offset: band.offset, mask: mask)
        }
        let crs = reference.map {
            CRSReport(name: $0.name ?? "unnamed", code: $0.code, isGeographic: $0.isGeographic, assumed: false)
        }
        return RasterReport(
            width: dataset.width, height: dataset.height, pixelWidth: transform.map(\.pixelWidth),
            pixelHeight: transform.map(\.pixelHeight), northUp: transform?.isNorthUp ?? false,
            crs: crs, extent: extent, extentLonLat: lonLat, pixelSquareMetres: pixelArea,
            bands: bands, warnings: warnings)
    }
}
