import GDAL
import GEOS

/// Measures lon/lat geometries geodesically (the default) or in the plane of a named CRS (`measure: planar`).
///
/// Not `Sendable`: it holds PROJ and GDAL objects for the calling thread.
final class MeasureMethod {
    private let geodesic: GeodesicMeasurer?
    private let planar: CoordinateTransformation?
    let description: String

    init(_ mode: MeasureMode) throws {
        switch mode {
        case .geodesic:
            geodesic = try GeodesicMeasurer(crs: SpatialReference.wgs84())
            planar = nil
            description = "geodesic on the WGS 84 ellipsoid"
        case let .planar(crs):
            let target = try SpatialReference(definition: crs)
            guard target.isProjected else {
                throw GeoPlanError.input(
                    path: crs, reason: "planar measures need a projected CRS (metres), not \(target)")
            }
            geodesic = nil
            planar = try CoordinateTransformation(from: SpatialReference.wgs84(), to: target)
            description = "planar in \(target)"
        }
    }

    /// Area (m²), perimeter or length (m) of a lon/lat geometry.
    func measure(_ geometry: Geometry) throws -> Measures {
        if let geodesic { return try geodesic.measure(geometry, location: FeatureLocation(path: "")) }
        guard let planar, !geometry.isEmpty else { return Measures() }
        let ogr = try geometry.ogrGeometry()
        try ogr.transform(with: planar)
        let projected = try ogr.geosGeometry(context: geometry.context)
        if geometry.type.isPolygonal {
            let boundary = try projected.length
            return Measures(areaSquareMetres: try projected.area, perimeterMetres: boundary)
        }
        return Measures(lengthMetres: try projected.length)
    }
}
