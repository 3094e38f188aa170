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
    /// Per source, the weight of the points it holds.
    private(set) var sources: [Double]
    /// Per (source, target) pair, the weight of the points in both (targets by their position in `weighed`).
    private(set) var pieces: [ZoneOverlaps.Pair: Double] = [:]

    /// - Parameters:
    ///   - points: point or multi-point features; `values` the weight of each (nil: 1 per point). A multi-point's
    ///     value is shared equally among its points, so the field's total is kept.
    ///   - sources: the source zones, ties on a border broken by `sourceOrder` (their codes).
    ///   - targets: every target a point may fall in (a worker's areas and their neighbours), ties broken by
    ///     `targetOrder` (their ids); `weighed[t]` is target t's position among the targets weighed, nil for a
    ///     neighbour another worker weighs.
    init(points: [Geometry], values: [Double]?, sources: [Geometry], sourceOrder: [String],
         targets: [Geometry], targetOrder: [String], weighed: [Int?]) throws {
        self.sources = [Double](repeating: 0, count: sources.count)
        guard let context = (sources + targets + points).first?.context else { return }
        let sourceZones = try Zones(sources, context: context)
        let targetZones = try Zones(targets, context: context)
        // Whether a source and a target share ground, asked only for points on a target border.
        var sharesGround: [ZoneOverlaps.Pair: Bool] = [:]
        for (feature, geometry) in points.enumerated() {
            let parts = geometry.type == .point ? [geometry] : try geometry.geometries.filter { !$0.isEmpty }
            guard !geometry.isEmpty, !parts.isEmpty else { continue }
            let weight = (values?[feature] ?? Double(parts.count)) / Double(parts.count)
            for point in parts {
                guard let (source, _) = try PointPlacement.zone(
                    of: point, among: try sourceZones.candidates(point), shape: sourceZones.prepared,
                    before: { sourceOrder[$0] < sourceOrder[$1] }) else { continue }
                self.sources[source] += weight
                let target = try PointPlacement.zone(
                    of: point, among: try targetZones.candidates(point), shape: targetZones.prepared,
                    before: { targetOrder[$0] < targetOrder[$1] },
                    eligible: { target in
                        let pair = ZoneOverlaps.Pair(source: source, target: target)
                        if let known = sharesGround[pair] { return known }
                        let shares = try sources[source].relates(targets[target], pattern: "T********")
                        sharesGround[pair] = shares
                        return shares
                    })
                guard let (target, _) = target, let position = weighed[target] else { continue }
                pieces[ZoneOverlaps.Pair(source: source, target: position), default: 0] += weight
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
