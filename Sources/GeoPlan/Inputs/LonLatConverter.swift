import GDAL
import GEOS

/// Brings GDAL geometries into GEOS in WGS 84 lon/lat, transforming them when their CRS is another, with the
/// operation reported — and holds every one to `LonLatDomain`: a coordinate that is not finite, that PROJ cannot
/// place, or that lies beyond a pole or ±180° is a `CoordinateError` naming the feature, unless the domain wraps
/// longitudes (then the feature is shifted whole, and counted in `shifts`).
///
/// Not `Sendable`: it holds GDAL and PROJ objects for the calling thread.
final class LonLatConverter {
    private let plan: TransformPlan?
    let domain: LonLatDomain
    /// Features whose longitudes were shifted by whole turns so far.
    private(set) var shifts = LongitudeShifts()

    init(from crs: SpatialReference, near extent: GDAL.Envelope?, domain: LonLatDomain = LonLatDomain()) throws {
        let wgs84 = try SpatialReference.wgs84()
        plan = crs.isSame(as: wgs84) ? nil : try TransformPlan(from: crs, to: wgs84, near: extent, operation: nil)
        self.domain = domain
    }

    var operation: OperationReport? { plan?.report }

    func convert(_ geometry: OGRGeometry, context: GEOSContext, location: FeatureLocation) throws -> Geometry {
        try Geometry(wkb: try lonLatWKB(geometry, location: location).0, context: context)
    }

    /// The geometry in lon/lat as WKB GEOS reads (x/y only, arcs linearised), held to the domain, and its box.
    func lonLatWKB(_ geometry: OGRGeometry, location: FeatureLocation) throws -> ([UInt8], GEOS.Envelope?) {
        let placed = try lonLat(geometry, location: location)
        shifts.record(placed.shift)
        return (placed.wkb, placed.box)
    }

    /// What `lonLatWKB` makes of a geometry, with the shift its longitudes took (not counted in `shifts`).
    struct Placed {
        var wkb: [UInt8]
        var box: GEOS.Envelope?
        var shift: Double
    }

    func lonLat(_ geometry: OGRGeometry, location: FeatureLocation) throws -> Placed {
        var converted = geometry
        if let plan {
            converted = try geometry.clone()
            do {
                try plan.apply(to: converted)
            } catch {
                throw untransformable(geometry, location: location, detail: "\(error)")
            }
        }
        var wkb = try converted.planarWKB()
        var survey = LonLatSurvey(domain: domain, location: location)
        var index = 0
        do {
            try WKBPoints.forEach(in: wkb) { lon, lat in
                try survey.add(lon: lon, lat: lat)
                index += 1
            }
        } catch let error as CoordinateError {
            // Not finite after a transformation: name the position the file holds, not PROJ's infinity.
            guard plan != nil, case .notFinite = error.problem else { throw error }
            throw untransformable(geometry, location: location, detail: nil, index: index)
        }
        let shift = try survey.shift()
        if survey.needsPlacing {
            try WKBPoints.rewrite(&wkb) { LonLatSurvey.placed(lon: $0, lat: $1, shift: shift) }
        }
        let box = survey.box(shift: shift).map {
            GEOS.Envelope(minX: $0.minX, minY: $0.minY, maxX: $0.maxX, maxY: $0.maxY)
        }
        return Placed(wkb: wkb, box: box, shift: shift)
    }

    /// The error for a geometry PROJ could not bring to lon/lat, naming the position in the layer's CRS: the one at
    /// `index`, or else the first that does not transform alone.
    private func untransformable(
        _ geometry: OGRGeometry, location: FeatureLocation, detail: String?,
        index: Int? = nil
    ) -> CoordinateError {
        var position = 0
        var found: (x: Double, y: Double)?
        // Positions line up with the transformed ones only without arcs (linearised after transforming).
        if !geometry.hasCurves, let plan, let wkb = try? geometry.planarWKB() {
            try? WKBPoints.forEach(in: wkb) { x, y in
                guard found == nil else { return }
                if index.map({ position == $0 }) ?? (plan.transformed(x: x, y: y) == nil) { found = (x, y) }
                position += 1
            }
        }
        guard let found else {
            return CoordinateError(location: location, problem: .notTransformable(x: nil, y: nil, detail: detail))
        }
        let problem: CoordinateError.Problem =
            found.x.isFinite && found.y.isFinite
            ? .notTransformable(x: found.x, y: found.y, detail: detail) : .notFinite(x: found.x, y: found.y)
        return CoordinateError(location: location, problem: problem)
    }
}
