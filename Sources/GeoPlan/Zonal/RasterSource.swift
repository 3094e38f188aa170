import Foundation
import GDAL
import GEOS
import PROJ

/// One band of a raster input, opened for one thread: its grid, how to bring lon/lat areas into its CRS, and
/// how big its pixels are on the ground.
///
/// Not `Sendable`: the GDAL dataset and the PROJ transformer belong to the thread that opened them (GDAL: a
/// dataset "should only be accessed by one thread at a time"); each chunk of areas opens its own.
final class RasterSource {
    let input: InputSpec
    let path: String
    let dataset: RasterDataset
    let band: RasterBand
    let grid: PixelGrid
    /// Whether pixels are in degrees (their ground area then shrinks towards the poles).
    let isGeographic: Bool
    /// Ground area of one pixel of a projected raster, m².
    let projectedPixelArea: Double
    /// WGS 84 lon/lat to the raster's CRS; nil when the raster is in WGS 84 lon/lat itself.
    let transformer: Transformer?
    /// The raster's box in its own CRS.
    var extent: GEOS.Envelope {
        GEOS.Envelope(
            minX: grid.originX, minY: grid.originY - Double(grid.rows) * grid.pixelHeight,
            maxX: grid.originX + Double(grid.columns) * grid.pixelWidth, maxY: grid.originY)
    }

    init(_ input: InputSpec, band number: Int, folder: String?) throws {
        self.input = input
        path = BoundarySet.resolve(input.path, in: folder)
        dataset = try RasterDataset.open(path)
        band = try dataset.band(number)
        guard let transform = dataset.geoTransform else {
            throw GeoPlanError.input(
                path: path,
                reason: "the raster has no georeferencing (no geotransform), so its "
                    + "pixels cannot be placed on the areas; georeference it first (gdal_translate -a_ullr "
                    + "or gdalwarp with ground control points)")
        }
        guard transform.isNorthUp, transform.pixelWidth > 0, transform.pixelHeight < 0 else {
            throw GeoPlanError.input(
                path: path,
                reason: "the raster is rotated or flipped (geotransform \(transform)); "
                    + "make it north-up first: gdalwarp \(path) north-up.tif")
        }
        guard
            let grid = PixelGrid(
                originX: transform.originX, originY: transform.originY,
                pixelWidth: transform.pixelWidth, pixelHeight: -transform.pixelHeight,
                columns: dataset.width, rows: dataset.height)
        else {
            throw GeoPlanError.input(
                path: path,
                reason: "the raster's grid (geotransform \(transform), "
                    + "\(dataset.width) × \(dataset.height) pixels) is not usable")
        }
        self.grid = grid
        let reference: SpatialReference
        if let assumed = input.assumeCRS {
            reference = try SpatialReference(definition: assumed)
        } else if let own = dataset.spatialReference {
            reference = own
        } else {
            throw GeoPlanError.input(
                path: path,
                reason: "the raster has no CRS, so it cannot be matched with the "
                    + "areas; if you know it, add assume_crs: EPSG:4326 (or its code) to the input "
                    + "\"\(input.name)\"")
        }
        isGeographic = reference.isGeographic
        projectedPixelArea =
            isGeographic
            ? 0
            : abs(transform.pixelWidth * transform.pixelHeight) * pow(reference.linearUnitMetres, 2)
        if reference.isGeographic, reference.code == "EPSG:4326" {
            transformer = nil
        } else {
            let context = try ProjContext()
            transformer = try Transformer(
                from: try CRS.wgs84(context: context),
                to: try CRS(reference.wkt, context: context), context: context)
        }
    }

    /// The polygons of a lon/lat area in the raster's CRS, as rings of coordinates.
    func polygons(of geometry: Geometry) throws -> [[[GEOS.XY]]] {
        let parts = geometry.type == .polygon ? [geometry] : try geometry.geometries
        return try parts.filter { !$0.isEmpty && $0.type == .polygon }.map { polygon in
            try ([try polygon.exteriorRing] + (try polygon.interiorRings)).map { ring in
                var flat = try ring.interleavedXY()
                if let transformer { try transformer.transform(interleaved: &flat) }
                return stride(from: 0, to: flat.count - 1, by: 2).map { GEOS.XY(x: flat[$0], y: flat[$0 + 1]) }
            }
        }
    }

    /// Whether `other` has the same grid (size, origin, pixel size), so its pixels pair one to one with ours.
    func sharesGrid(with other: RasterSource) -> Bool {
        grid == other.grid
    }
}
