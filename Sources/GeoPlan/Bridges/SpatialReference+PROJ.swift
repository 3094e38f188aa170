import GDAL
import PROJ

extension CRS {
    /// The PROJ CRS of a GDAL spatial reference (a layer's), through PROJJSON, which loses nothing.
    public convenience init(_ spatialReference: SpatialReference, context: ProjContext) throws {
        try self.init(spatialReference.projJSON ?? spatialReference.wkt, context: context)
    }
}
