import Foundation
import GEOS
import PROJ
import Yams

/// `nearest`: geodesic distance in metres from each area's representative point (GEOS point-on-surface, always
/// inside the area) to the nearest feature of an input, wherever it lies — the next tambon or the next
/// province. 0 when the point is inside a polygon feature; null when the input is empty.
///
/// The planar nearest feature (in lon/lat) gives a first distance d; every feature within a box that holds the
/// geodesic circle of radius d is then measured geodesically, so the answer does not depend on degrees being
/// shorter east–west than north–south. For lines and polygons the distance is taken to their planar-nearest
/// point, which for features within a few km differs from the true geodesic foot by well under a metre.
public struct NearestIndicator: IndicatorDefinition {
    public var input: String
    public var whereClause: String?

    public var typeName: String { "nearest" }
    public var inputName: String? { input }
    /// It looks anywhere, not only near each area: computed on one thread, over all features.
    var isPerArea: Bool { false }
    var defaultUnit: String? { "m" }
    var featureInput: FeatureInputUse? { FeatureInputUse(input: input, whereClause: whereClause, by: nil) }

    static var spellings: [IndicatorSpelling] {
        [
            IndicatorSpelling(
                name: "nearest", keys: ["input", "where"],
                inputKinds: [.points, .lines, .polygons]
            ) { reader, fields, owner, _ in
                let whereClause = fields["where"].flatMap { reader.text($0, key: "where") }
                guard let input = reader.requiredText(fields, "input", owner: owner) else { return nil }
                return NearestIndicator(input: input, whereClause: whereClause)
            }
        ]
    }

    func compute(_ indicator: IndicatorSpec, _ run: RunContext) throws -> IndicatorResult {
        let spec = indicator
        let features = try run.features(input, whereClause: whereClause, by: nil, everywhere: true)
        let geodesic = Geodesic.wgs84
        let rows: [[IndicatorValue]] = try run.boundaries.areas.map { area in
            let origin = try area.geometry.pointOnSurface()
            guard let first = try features.index.nearestIndex(to: origin) else { return [.null] }
            let start = try origin.coordinates[0]
            let firstIndex = features.index[first]
            var best = try distance(from: origin, start, to: features.geometries[firstIndex], geodesic)
            guard best > 0 else { return [.number(0)] }
            // A box around the origin that holds every point within `best` metres (1 % margin).
            let latitudeSpan = best / 110_574 * 1.01
            let north = min(abs(start.y) + latitudeSpan, 89.9)
            let longitudeSpan = best / (111_320 * cos(north * .pi / 180)) * 1.01
            let box = GEOS.Envelope(
                minX: start.x - longitudeSpan, minY: start.y - latitudeSpan,
                maxX: start.x + longitudeSpan, maxY: start.y + latitudeSpan)
            for candidate in try features.index.query(envelope: box) where candidate != firstIndex {
                best = min(best, try distance(from: origin, start, to: features.geometries[candidate], geodesic))
            }
            return [.finite(best)]
        }
        return IndicatorResult(columns: [IndicatorColumn(name: spec.id, type: .real, indicator: spec.id)], rows: rows)
    }

    private func distance(from origin: Geometry, _ start: GEOS.XY, to feature: Geometry, _ geodesic: Geodesic) throws
        -> Double
    {
        guard !feature.isEmpty else { return .infinity }
        if feature.type.isPolygonal, try feature.covers(origin) { return 0 }
        let (_, target) = try origin.nearestPoints(to: feature)
        return geodesic.inverse(from: LonLat(lon: start.x, lat: start.y), to: LonLat(lon: target.x, lat: target.y))
            .distance
    }
}

extension IndicatorType where Self == NearestIndicator {
    public static func nearest(input: String, whereClause: String? = nil) -> NearestIndicator {
        NearestIndicator(input: input, whereClause: whereClause)
    }
}
