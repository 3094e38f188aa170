import GEOS

/// Points (villages, buildings) as the auxiliary weight of an areal interpolation: each point's weight (1, or
/// its feature's field value) is counted once, in one source and at most one target, so the pieces of a source
/// never weigh more than the source and nothing is counted twice.
///
/// The rule is `PointPlacement`'s (the `count` indicator's) for both sets: a point in a zone's interior belongs
/// to it; a point on a border to the covering zone that comes first (sources by code, targets by id). The source
/// is chosen first, from the sources alone, so a source weighs the same whichever targets a worker of a parallel
/// run sees. On a target border, only targets sharing ground with the point's source are candidates: a target
/// that merely touches the source there has no piece of it to carry the weight.
struct PointWeights {
    /// Zones a point may fall in: `order` breaks ties on a border (codes, ids); `weighed[z]` is zone z's position
    /// among the zones weighed, nil for a neighbour there only so the border rule sees every candidate (in a
    /// worker of a parallel run, the sources and areas around its own).
    struct Candidates {
        let geometries: [Geometry]
        let order: [String]
        let weighed: [Int?]
        /// How many zones are weighed.
        let weighedCount: Int

        /// All of `geometries` weighed, in their order; or `weighed` (positions) out of `weighedCount`.
        init(_ geometries: [Geometry], order: [String], weighed: [Int?]? = nil, of weighedCount: Int? = nil) {
            self.geometries = geometries
            self.order = order
            self.weighed = weighed ?? Array(geometries.indices)
            self.weighedCount = weighedCount ?? geometries.count
        }
    }

    /// Per source weighed, the weight of the points it holds.
    private(set) var sources: [Double]
    /// Per (source, target) pair weighed, the weight of the points in both.
    private(set) var pieces: [ZoneOverlaps.Pair: Double] = [:]

    /// - Parameters:
    ///   - points: point or multi-point features; `values` the weight of each (nil: 1 per point). A multi-point's
    ///     value is shared equally among its points, so the field's total is kept.
    init(points: [Geometry], values: [Double]?, sources: Candidates, targets: Candidates) throws {
        self.sources = [Double](repeating: 0, count: sources.weighedCount)
        guard let context = (sources.geometries + targets.geometries + points).first?.context else { return }
        let sourceZones = try Zones(sources.geometries, context: context)
        let targetZones = try Zones(targets.geometries, context: context)
        // Whether a source and a target share ground, asked only for points on a target border.
        var sharesGround: [ZoneOverlaps.Pair: Bool] = [:]
        for (feature, geometry) in points.enumerated() {
            let parts = geometry.type == .point ? [geometry] : try geometry.geometries.filter { !$0.isEmpty }
            guard !geometry.isEmpty, !parts.isEmpty else { continue }
            let weight = (values?[feature] ?? Double(parts.count)) / Double(parts.count)
            for point in parts {
                guard
                    let (source, _) = try BorderRule.zone(
                        of: point, among: try sourceZones.candidates(point), shape: sourceZones.prepared,
                        before: { sources.order[$0] < sources.order[$1] }),
                    let sourcePosition = sources.weighed[source]
                else { continue }
                self.sources[sourcePosition] += weight
                let target = try BorderRule.zone(
                    of: point, among: try targetZones.candidates(point), shape: targetZones.prepared,
                    before: { targets.order[$0] < targets.order[$1] },
                    eligible: { target in
                        let pair = ZoneOverlaps.Pair(source: source, target: target)
                        if let known = sharesGround[pair] { return known }
                        let shares = try sources.geometries[source].relates(
                            targets.geometries[target],
                            pattern: "T********")
                        sharesGround[pair] = shares
                        return shares
                    })
                guard let (target, _) = target, let targetPosition = targets.weighed[target] else { continue }
                pieces[ZoneOverlaps.Pair(source: sourcePosition, target: targetPosition), default: 0] += weight
            }
        }
    }

    /// Zones indexed once, each prepared when a point first needs it.
    private final class Zones {
        let geometries: [Geometry]
        let index: STRtree<Int>
        var preparedZones: [Int: PreparedGeometry] = [:]

        init(_ geometries: [Geometry], context: GEOSContext) throws {
            self.geometries = geometries
            index = try STRtree<Int>(context: context)
            for (position, zone) in geometries.enumerated() where !zone.isEmpty { try index.insert(zone, position) }
            try index.build()
        }

        func candidates(_ point: Geometry) throws -> [Int] {
            try index.query(point)
        }

        func prepared(_ zone: Int) throws -> PreparedGeometry {
            if let made = preparedZones[zone] { return made }
            let made = try geometries[zone].prepared()
            preparedZones[zone] = made
            return made
        }
    }
}
