import GDAL
import GEOS

/// Brings GDAL geometries into GEOS in WGS 84 lon/lat, transforming them when their CRS is another, with the
/// operation reported.
///
/// Not `Sendable`: it holds GDAL and PROJ objects for the calling thread.
final class LonLatConverter {
    private let plan: TransformPlan?

    init(from crs: SpatialReference, near extent: GDAL.Envelope?) throws {
        let wgs84 = try SpatialReference.wgs84()
        plan = crs.isSame(as: wgs84) ? nil : try TransformPlan(from: crs, to: wgs84, near: extent, operation: nil)
    }

    var operation: OperationReport? { plan?.report }

    func convert(_ geometry: OGRGeometry, context: GEOSContext, location: FeatureLocation) throws -> Geometry {
        guard plan != nil else { return try geometry.geosGeometry(context: context) }
        return try Geometry(wkb: try lonLatWKB(geometry, location: location).0, context: context)
    }

    /// The geometry in lon/lat as WKB GEOS reads (x/y only, arcs linearised) and its box.
    func lonLatWKB(_ geometry: OGRGeometry, location: FeatureLocation) throws -> ([UInt8], GEOS.Envelope?) {
        var converted = geometry
        if let plan {
            converted = try geometry.clone()
            do {
                try plan.apply(to: converted)
            } catch {
                throw GeoPlanError.input(path: location.path,
                                         reason: "\(location): cannot transform it to WGS 84: \(error)")
            }
        }
        let box = converted.envelope.map { GEOS.Envelope(minX: $0.minX, minY: $0.minY, maxX: $0.maxX, maxY: $0.maxY) }
        return (try converted.planarWKB(), box)
    }
}
