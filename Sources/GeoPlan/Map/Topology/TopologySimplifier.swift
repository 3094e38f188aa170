import GEOS

/// A topology whose arcs were simplified, and the report of what was done.
public struct SimplifiedTopology {
    /// The simplified arcs and the same features and rings as the input.
    public let topology: Topology
    public let report: SimplificationReport
    /// Features GEOS found invalid even with every vertex restored (their input was): repaired on rebuilding.
    public let invalidFeatures: Set<Int>

    /// The feature's simplified polygon, valid: rebuilt from the arcs, or from MakeValid for ``invalidFeatures``.
    public func geometry(of index: Int, context: GEOSContext) throws -> Geometry {
        let geometry = try topology.geometry(of: index, context: context)
        guard invalidFeatures.contains(index) else { return geometry }
        return try geometry.makeValid(method: .structure(keepCollapsed: false)).polygonalPart()
    }
}

/// Simplifies every arc of a ``Topology`` once, so neighbours keep sharing their borders.
///
/// Steps: rank each arc's vertices (``VertexImportance``, metres in a frame local to the arc); keep those above the
/// tolerance (or the global cut that keeps the asked share); keep arc ends always; hold every ring at a triangle at
/// least (3 distinct points), so small tambons and islands survive; then, until nothing changes, put back the most
/// important removed vertex of every segment that crosses or touches another (``ArcCrossings``) and, for features
/// GEOS still finds invalid, of every shortened segment of their arcs. Restoring only adds input vertices, so it
/// ends at worst with the input's arcs; features invalid even then get MakeValid (counted).
public enum TopologySimplifier {
    /// Rounds of restoring before giving up (each round at least halves what is missing in an invalid feature).
    static let maximumRounds = 64

    /// `measuresAreaChange: false` leaves `largestAreaChange` out: a drawing at one scale needs no report, and the
    /// geodesic areas of a national layer cost seconds.
    public static func simplify(
        _ topology: Topology, _ options: SimplificationOptions,
        context: GEOSContext, measuresAreaChange: Bool = true
    ) throws -> SimplifiedTopology {
        let thresholds = topology.arcs.concurrentMap { VertexImportance.thresholds($0, method: options.method) }
        let cut = cutoff(thresholds, options.amount)
        var state = KeptVertices(thresholds: thresholds, cutoff: cut.keepAtOrAbove)
        let rings = topology.features.flatMap(\.rings)
        let held = rings.reduce(0) { $0 + (state.holdAtTriangle($1) ? 1 : 0) }

        var restoredAtCrossings = 0
        var restoredForValidity = 0
        var stuck: Set<Int> = []
        for _ in 0..<maximumRounds {
            let crossing = ArcCrossings.find(arcs: topology.arcs, kept: state.kept)
            let atCrossings = crossing.filter { state.restore(in: $0) }.count
            restoredAtCrossings += atCrossings
            if atCrossings > 0 { continue }
            let current = state.apply(to: topology)
            var forValidity = 0
            stuck = []
            for index in current.features.indices where try !current.geometry(of: index, context: context).isValid {
                let added = state.restoreAll(in: current.features[index].rings)
                if added == 0 { stuck.insert(index) }
                forValidity += added
            }
            restoredForValidity += forValidity
            if forValidity == 0 { break }
        }

        let simplified = state.apply(to: topology)
        let use = topology.arcUse
        let report = SimplificationReport(
            method: options.method, toleranceMetres: options.amount.tolerance, keepShare: options.amount.share,
            thresholdMetres: cut.reported, features: topology.features.count, arcs: topology.arcs.count,
            sharedArcs: use.filter { $0 > 1 }.count, arcVerticesBefore: topology.arcVertexCount,
            arcVerticesAfter: simplified.arcVertexCount, featureVerticesBefore: topology.featureVertexCount,
            featureVerticesAfter: simplified.featureVertexCount, ringsHeldAtMinimum: held,
            verticesRestoredAtCrossings: restoredAtCrossings, verticesRestoredForValidity: restoredForValidity,
            madeValid: stuck.count,
            largestAreaChange: measuresAreaChange ? largestAreaChange(topology, simplified) : nil)
        return SimplifiedTopology(topology: simplified, report: report, invalidFeatures: stuck)
    }

    /// The threshold a vertex must reach to stay, and the tolerance to report.
    static func cutoff(_ thresholds: [[Double]], _ amount: SimplificationAmount)
        -> (keepAtOrAbove: Double, reported: Double)
    {
        switch amount {
        case let .tolerance(metres):
            return (metres.nextUp, metres)
        case let .keep(share):
            var removable = thresholds.flatMap { $0.dropFirst().dropLast() }
            let keep = Int((min(1, max(0, share)) * Double(removable.count)).rounded())
            guard keep > 0 else { return (.infinity, removable.max() ?? 0) }
            guard keep < removable.count else { return (-.infinity, 0) }
            removable.sort(by: >)
            return (removable[keep - 1], removable[keep - 1])
        }
    }

    /// The feature whose area changed most, found from local planar areas, then measured geodesically: the
    /// geodesic areas of every feature took a third of a national map's time.
    private static func largestAreaChange(_ before: Topology, _ after: Topology) -> SimplificationReport.AreaChange? {
        let (old, new) = (before.localPlanarAreas(), after.localPlanarAreas())
        var largest: (index: Int, relative: Double)?
        for index in old.indices where old[index] > 0 {
            let relative = abs(new[index] - old[index]) / old[index]
            if relative > largest?.relative ?? -1 { largest = (index, relative) }
        }
        guard let index = largest?.index else { return nil }
        let (area, simplified) = (before.geodesicArea(of: index), after.geodesicArea(of: index))
        return .init(
            id: before.features[index].id, beforeSquareMetres: area, afterSquareMetres: simplified,
            relative: area > 0 ? abs(simplified - area) / area : 0)
    }
}

extension SimplificationAmount {
    var tolerance: Double? {
        if case let .tolerance(metres) = self { return metres }
        return nil
    }

    var share: Double? {
        if case let .keep(share) = self { return share }
        return nil
    }
}

/// Which vertices of each arc are kept, and putting removed ones back.
private struct KeptVertices {
    let thresholds: [[Double]]
    var kept: [[Bool]]

    init(thresholds: [[Double]], cutoff: Double) {
        self.thresholds = thresholds
        kept = thresholds.map { arc in arc.map { $0 >= cutoff } }
    }

    /// Keeps the ring's most important removed vertices until it has three distinct points; whether any was needed.
    mutating func holdAtTriangle(_ ring: [Int]) -> Bool {
        var held = false
        while distinctPoints(ring) < 3 {
            var best: (arc: Int, index: Int, threshold: Double)?
            for arc in ring.map({ $0 >= 0 ? $0 : ~$0 }) {
                for index in kept[arc].indices where !kept[arc][index] && thresholds[arc][index] > best?.threshold ?? -1
                {
                    best = (arc, index, thresholds[arc][index])
                }
            }
            guard let best else { return held }
            kept[best.arc][best.index] = true
            held = true
        }
        return held
    }

    /// Each arc's kept points but its last, summed: the ring's distinct points (arcs join end to start).
    private func distinctPoints(_ ring: [Int]) -> Int {
        ring.reduce(0) { $0 + kept[$1 >= 0 ? $1 : ~$1].filter { $0 }.count - 1 }
    }

    /// Puts back the most important removed vertex of a span; false when none was removed there.
    mutating func restore(in span: ArcSpan) -> Bool {
        guard span.isShortened else { return false }
        var best = span.from + 1
        for index in (span.from + 1)..<span.to where thresholds[span.arc][index] > thresholds[span.arc][best] {
            best = index
        }
        kept[span.arc][best] = true
        return true
    }

    /// Puts back one vertex in every shortened span of the rings' arcs; how many.
    mutating func restoreAll(in rings: [[Int]]) -> Int {
        let arcs = Set(rings.flatMap { $0 }.map { $0 >= 0 ? $0 : ~$0 })
        var added = 0
        for arc in arcs.sorted() {
            var from = 0
            for index in 1..<kept[arc].count where kept[arc][index] {
                if restore(in: ArcSpan(arc: arc, from: from, to: index)) { added += 1 }
                from = index
            }
        }
        return added
    }

    /// The topology with only the kept vertices.
    func apply(to topology: Topology) -> Topology {
        var result = topology
        result.arcs = zip(topology.arcs, kept).map { arc, flags in arc.indices.filter { flags[$0] }.map { arc[$0] } }
        return result
    }
}
