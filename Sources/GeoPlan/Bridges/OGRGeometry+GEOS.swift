import GDAL
import GEOS

extension OGRGeometry {
    /// The same geometry in GEOS, x/y only (Z and M dropped, arcs linearised), for validity, overlay and measures.
    ///
    /// The bridge lives in the engine so that neither wrapper depends on the other.
    public func geosGeometry(context: GEOSContext) throws -> Geometry {
        try Geometry(wkb: try planarWKB(), context: context)
    }
}

extension Geometry {
    /// The same geometry in GDAL, to write through a GDAL driver.
    public func ogrGeometry() throws -> OGRGeometry {
        try OGRGeometry(wkb: try wkb())
    }
}
