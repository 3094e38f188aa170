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
/// coordinates are first transformed to WGS 84 lon/lat with the operation PROJ chooses (reported), then held to
/// `LonLatDomain` (a feature beyond a pole or ±180° is an error naming it, never a NaN area).
///
/// Holes subtract and multi-polygon parts add, whatever the rings' orientation. Never measures in degrees.
/// Not `Sendable`: it holds a PROJ context for the calling thread.
public final class GeodesicMeasurer {
    private let selection: OperationSelection?
    private let geodesic = Geodesic.wgs84
    private let domain: LonLatDomain
    /// How measures are made, for reports.
    public let method: String
    /// Features `measure` shifted by whole turns (only with `domain.wrapsLongitudes`).
    public private(set) var shifts = LongitudeShifts()

    /// - Parameter crs: the geometries' CRS.
    public init(
        crs: SpatialReference, near extent: GDAL.Envelope? = nil, operation: String? = nil,
        domain: LonLatDomain = LonLatDomain()
    ) throws {
        self.domain = domain
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

    /// Area and perimeter, or length; throws `CoordinateError` for a feature outside `LonLatDomain`.
    public func measure(_ geometry: Geometry, location: FeatureLocation) throws -> Measures {
        let (parts, shift) = try lonLatParts(geometry, location: location)
        shifts.record(shift)
        var result = Measures()
        for part in parts {
            switch part {
            case let .area(outer, holes):
                let (area, perimeter) = geodesic.polygonMeasure(exterior: outer, holes: holes)
                result.areaSquareMetres = (result.areaSquareMetres ?? 0) + area
                result.perimeterMetres = (result.perimeterMetres ?? 0) + perimeter
            case let .line(coordinates):
                result.lengthMetres = (result.lengthMetres ?? 0) + geodesic.lineLength(interleavedLonLat: coordinates)
            }
        }
        return result
    }

    /// Holds a geometry to `LonLatDomain` without measuring it: the shift its longitudes need (0 mostly).
    public func check(_ geometry: Geometry, location: FeatureLocation) throws -> Double {
        try lonLatParts(geometry, location: location).shift
    }

    /// A polygon's rings or a line, as interleaved WGS 84 lon/lat.
    private enum Part {
        case area(outer: [Double], holes: [[Double]])
        case line([Double])
    }

    /// The geometry's parts in lon/lat, held to the domain (shifted and clamped) as one feature.
    private func lonLatParts(_ geometry: Geometry, location: FeatureLocation) throws -> ([Part], shift: Double) {
        var parts: [Part] = []
        try collect(geometry, into: &parts, location: location)
        var survey = LonLatSurvey(domain: domain, location: location)
        for part in parts {
            switch part {
            case let .area(outer, holes): for ring in [outer] + holes { try survey.add(interleaved: ring) }
            case let .line(coordinates): try survey.add(interleaved: coordinates)
            }
        }
        let shift = try survey.shift()
        guard survey.needsPlacing else { return (parts, shift) }
        let placed = parts.map { part in
            switch part {
            case let .area(outer, holes):
                Part.area(
                    outer: LonLatSurvey.placed(outer, shift: shift),
                    holes: holes.map { LonLatSurvey.placed($0, shift: shift) })
            case let .line(coordinates): Part.line(LonLatSurvey.placed(coordinates, shift: shift))
            }
        }
        return (placed, shift)
    }

    private func collect(_ geometry: Geometry, into parts: inout [Part], location: FeatureLocation) throws {
        switch geometry.type {
        case .polygon:
            guard !geometry.isEmpty else { return }
            let outer = try lonLat(try geometry.exteriorRing, location: location)
            let holes = try geometry.interiorRings.map { try lonLat($0, location: location) }
            parts.append(.area(outer: outer, holes: holes))
        case .lineString, .linearRing:
            parts.append(.line(try lonLat(geometry, location: location)))
        case .multiPolygon, .multiLineString, .geometryCollection:
            for index in 0..<geometry.numberOfGeometries {
                try collect(try geometry.geometry(at: index), into: &parts, location: location)
            }
        case .point, .multiPoint:
            return
        }
    }

    /// A ring's or line's coordinates as interleaved WGS 84 lon/lat; a position PROJ cannot place is named.
    private func lonLat(_ line: Geometry, location: FeatureLocation) throws -> [Double] {
        let source = try line.interleavedXY()
        guard let selection else { return source }
        var coordinates = source
        var failure: String?
        do {
            try selection.transformer.transform(interleaved: &coordinates)
        } catch {
            failure = "\(error)"
        }
        // The first position with no finite lon/lat; after a failure of the whole call, found one by one.
        let bad = stride(from: 0, to: coordinates.count - 1, by: 2).first { index in
            guard failure == nil else {
                let one = try? selection.transformer.transform(XY(x: source[index], y: source[index + 1]))
                return one.map { !$0.x.isFinite || !$0.y.isFinite } ?? true
            }
            return !coordinates[index].isFinite || !coordinates[index + 1].isFinite
        }
        guard let bad else {
            guard let failure else { return coordinates }
            throw CoordinateError(location: location, problem: .notTransformable(x: nil, y: nil, detail: failure))
        }
        let (x, y) = (source[bad], source[bad + 1])
        let problem: CoordinateError.Problem =
            x.isFinite && y.isFinite
            ? .notTransformable(x: x, y: y, detail: failure) : .notFinite(x: x, y: y)
        throw CoordinateError(location: location, problem: problem)
    }
}
