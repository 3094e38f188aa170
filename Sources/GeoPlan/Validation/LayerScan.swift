import GDAL
import GEOS

/// One feature whose geometry has a problem, as `validate` lists it and `info` counts it.
public struct GeometryFinding: Codable, Hashable, Sendable {
    public var featureID: Int64?
    /// The key field's value (a tambon code), when the layer has one.
    public var key: String?
    public var problem: String
    /// Where, in the layer's CRS, when GEOS says.
    public var location: Coordinate?
}

/// What one pass over a layer's geometries found: counts by type, problems, Z/M, and geodesic totals.
public struct LayerScan: Codable, Hashable, Sendable {
    public var featureCount = 0
    /// Features by geometry type name ("Polygon": 15, "MultiPolygon": 2, "none": 1).
    public var geometryTypes: [String: Int] = [:]
    public var findings: [GeometryFinding] = []
    /// Problems by reason ("Self-intersection": 2).
    public var problemCounts: [String: Int] = [:]
    public var hasZ = false
    public var hasM = false
    /// Total geodesic area of polygonal features, m²; nil when not measured.
    public var areaSquareMetres: Double?
    /// Total geodesic length of linear features, m; nil when not measured.
    public var lengthMetres: Double?
    /// Features whose coordinates have no place in WGS 84 lon/lat (`CoordinateError`); left out of the totals.
    public var outOfRange = 0
    /// The first of them, with its feature named, for a one-line summary.
    public var firstOutOfRange: String?
    /// Features whose longitudes were shifted by whole turns (`--wrap-longitudes`).
    public var shifts = LongitudeShifts()

    public var problemCount: Int { problemCounts.values.reduce(0, +) }
}

/// Reads every feature of a layer once, checking each geometry with GEOS and, when a measurer is given, holding
/// its coordinates to WGS 84's range (`LonLatDomain`) and, when `totals`, adding up geodesic areas and lengths.
///
/// Not `Sendable`: it uses one GEOS context, on the calling thread.
public struct LayerScanner {
    public let layer: Layer
    public let keyField: String?
    public let measurer: GeodesicMeasurer?
    /// Whether to add up areas and lengths (`info`), or only check the coordinates (`validate`).
    public let totals: Bool
    let context: GEOSContext

    public init(layer: Layer, keyField: String?, measurer: GeodesicMeasurer?, totals: Bool = true) throws {
        self.layer = layer
        self.keyField = keyField
        self.measurer = measurer
        self.totals = totals
        context = try GEOSContext()
    }

    /// Scans the layer; `progress` is told how many features were read so far.
    public func scan(progress: (Int) -> Void = { _ in }) throws -> LayerScan {
        var result = LayerScan()
        try layer.forEachFeature { feature in
            result.featureCount += 1
            let geometry = feature.geometry
            let type = geometry?.type
            result.geometryTypes[type.map(Self.typeName) ?? "none", default: 0] += 1
            result.hasZ = result.hasZ || (type?.hasZ ?? false)
            result.hasM = result.hasM || (type?.hasM ?? false)
            let (status, geos) = GeometryCheck.status(of: geometry, context: context)
            var problem: (category: String, reason: String, location: Coordinate?)?
            if let reason = status.reason {
                var location: Coordinate?
                if case let .invalid(_, at) = status { location = at }
                problem = (reason, reason, location)
            }
            if let measurer, let geos {
                do {
                    try add(geos, type: type, measurer: measurer, location: feature.location, to: &result)
                } catch let error as CoordinateError {
                    // Said in place of GEOS's "Invalid Coordinate": which coordinate, and what to do.
                    problem = (error.category, error.reason, nil)
                    result.outOfRange += 1
                    if result.firstOutOfRange == nil { result.firstOutOfRange = "\(error)" }
                }
            }
            if let problem {
                result.problemCounts[problem.category, default: 0] += 1
                result.findings.append(
                    GeometryFinding(
                        featureID: feature.id,
                        key: KeyField.value(of: keyField, in: feature),
                        problem: problem.reason, location: problem.location))
            }
            progress(result.featureCount)
        }
        if totals, let measurer { result.shifts.add(measurer.shifts) }
        return result
    }

    /// Checks one geometry's coordinates and, for areas and lines when totalling, adds its measures.
    private func add(
        _ geometry: Geometry, type: GDAL.GeometryType?, measurer: GeodesicMeasurer,
        location: FeatureLocation, to result: inout LayerScan
    ) throws {
        guard totals, type.map({ !$0.isPuntal }) ?? false else {
            return result.shifts.record(try measurer.check(geometry, location: location))
        }
        let measures = try measurer.measure(geometry, location: location)  // counts its shift in measurer.shifts
        if let area = measures.areaSquareMetres {
            result.areaSquareMetres = (result.areaSquareMetres ?? 0) + area
        }
        if let length = measures.lengthMetres {
            result.lengthMetres = (result.lengthMetres ?? 0) + length
        }
    }

    /// "Polygon", "3D MultiPolygon"…: OGR's names without spaces inside the base type.
    static func typeName(_ type: GDAL.GeometryType) -> String {
        var name = type.kind.rawValue.prefix(1).uppercased() + type.kind.rawValue.dropFirst()
        if type.hasZ, type.hasM { name += " ZM" } else if type.hasZ { name += " Z" } else if type.hasM { name += " M" }
        return name
    }
}
