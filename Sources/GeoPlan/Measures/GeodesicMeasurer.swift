import GDAL
import GEOS
import PROJ

/// Geodesic measures of one geometry: area and perimeter for areas, length for lines (metres and m²).
public struct Measures: Codable, Hashable, Sendable {
    public var areaSquareMetres: Double?
    public var perimeterMetres: Double?
    public var lengthMetres: Double?
}

/// Measures geometries on the WGS 84 ellipsoid (GeographicLib's algorithms in PROJ), whatever their CRS:
/// coordinates are first transformed to WGS 84 lon/lat with the operation PROJ chooses (reported).
///
/// Holes subtract and multi-polygon parts add, whatever the rings' orientation. Never measures in degrees.
/// Not `Sendable`: it holds a PROJ context for the calling thread.
public final class GeodesicMeasurer {
    private let selection: OperationSelection?
    private let geodesic = Geodesic.wgs84
    /// How measures are made, for reports.
    public let method: String

    /// - Parameter crs: the geometries' CRS.
    public init(crs: SpatialReference, near extent: GDAL.Envelope? = nil, operation: String? = nil) throws {
        let wgs84 = try SpatialReference.wgs84()
        if crs.isSame(as: wgs84), operation == nil {
            selection = nil
            method = "geodesic on the WGS 84 ellipsoid"
        } else {
            let selection = try OperationSelection(from: crs, to: wgs84, near: extent, operation: operation)
            self.selection = selection
            method = "geodesic on the WGS 84 ellipsoid, after \(selection.report.summary)"
        }
    }

    /// The operation used to reach WGS 84, when one was needed.
    public var operation: OperationReport? { selection?.report }

    public func measure(_ geometry: Geometry, location: FeatureLocation) throws -> Measures {
        var result = Measures()
        try accumulate(geometry, into: &result, location: location)
        return result
    }

    private func accumulate(_ geometry: Geometry, into result: inout Measures, location: FeatureLocation) throws {
        switch geometry.type {
        case .polygon:
            guard !geometry.isEmpty else { return }
            let outer = try lonLat(try geometry.exteriorRing, location: location)
            let holes = try geometry.interiorRings.map { try lonLat($0, location: location) }
            let (area, perimeter) = geodesic.polygonMeasure(exterior: outer, holes: holes)
            result.areaSquareMetres = (result.areaSquareMetres ?? 0) + area
            result.perimeterMetres = (result.perimeterMetres ?? 0) + perimeter
        case .lineString, .linearRing:
            let length = geodesic.lineLength(interleavedLonLat: try lonLat(geometry, location: location))
            result.lengthMetres = (result.lengthMetres ?? 0) + length
        case .multiPolygon, .multiLineString, .geometryCollection:
            for index in 0..<geometry.numberOfGeometries {
                try accumulate(try geometry.geometry(at: index), into: &result, location: location)
            }
        case .point, .multiPoint:
            return
        }
    }

    /// A ring's or line's coordinates as interleaved WGS 84 lon/lat.
    private func lonLat(_ line: Geometry, location: FeatureLocation) throws -> [Double] {
        var coordinates = try line.interleavedXY()
        guard let selection else { return coordinates }
        do {
            try selection.transformer.transform(interleaved: &coordinates)
        } catch {
            throw GeoPlanError.input(path: location.path, reason: "\(location): cannot transform to WGS 84 to "
                                     + "measure: \(error)")
        }
        return coordinates
    }
}
