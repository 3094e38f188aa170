import GDAL

/// Holds `convert`'s features to WGS 84's range (`LonLatDomain`) on their way to the output, whatever the output's
/// CRS: a feature beyond a pole, beyond ±180° (unless wrapped) or that PROJ cannot place is an error naming it.
///
/// When the output is WGS 84 the geometry about to be written is checked (no second transformation); otherwise the
/// feature read is checked through its own transformation to WGS 84. A layer without a CRS is held to finite
/// numbers only. Not `Sendable`: it holds GDAL and PROJ objects for the calling thread.
final class CoordinateGate {
    /// The read feature to WGS 84 lon/lat; nil without a CRS.
    private let input: LonLatConverter?
    /// The written geometry, when it is already WGS 84 lon/lat.
    private let output: LonLatConverter?
    /// Whether a wrapped feature is written shifted (lon/lat output); a projected output never saw ±180°.
    private let shiftsOutput: Bool
    private(set) var shifts = LongitudeShifts()

    init(source: SpatialReference?, target: SpatialReference?, near extent: Envelope?, domain: LonLatDomain) throws {
        input = try source.map { try LonLatConverter(from: $0, near: extent, domain: domain) }
        let wgs84 = try SpatialReference.wgs84()
        let targetIsWGS84 = source != nil && target?.isSame(as: wgs84) == true
        output = targetIsWGS84 ? try LonLatConverter(from: wgs84, near: nil, domain: domain) : nil
        shiftsOutput = target?.isGeographic == true
    }

    /// The geometry to write (`geometry`, already transformed to the output's CRS, from `source` as read), shifted by
    /// whole turns when the domain wraps longitudes and the output is lon/lat.
    func hold(_ geometry: OGRGeometry?, source: OGRGeometry?, location: FeatureLocation) throws -> OGRGeometry? {
        guard let geometry, let source, !geometry.isEmpty else { return geometry }
        guard let input else {
            try Self.requireFinite(geometry, location: location)
            return geometry
        }
        let shift: Double
        do {
            shift = try (output ?? input).lonLat(output == nil ? source : geometry, location: location).shift
        } catch let error as CoordinateError {
            try explain(source, location: location)  // the file's position, not PROJ's infinity
            throw error
        }
        shifts.record(shift)
        return shift != 0 && shiftsOutput ? try geometry.shiftingLongitudes(by: shift) : geometry
    }

    /// Throws the `CoordinateError` that names the position of `source` PROJ cannot place, if there is one.
    func explain(_ source: OGRGeometry, location: FeatureLocation) throws {
        _ = try input?.lonLat(source, location: location)
    }

    private static func requireFinite(_ geometry: OGRGeometry, location: FeatureLocation) throws {
        try WKBPoints.forEach(in: try geometry.planarWKB()) { x, y in
            guard x.isFinite, y.isFinite else {
                throw CoordinateError(location: location, problem: .notFinite(x: x, y: y))
            }
        }
    }
}
