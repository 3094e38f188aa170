/// Carries values from source zones to target zones that do not nest (tambon populations to local
/// governments), conservatively.
///
/// - **Extensive** values (people, households, counts) are split by the share of each source that falls in each
///   target: by ground area, or dasymetrically by an auxiliary weight (people of a population grid, villages).
///   The total over the targets equals the sources' total over the covered part; what falls outside every
///   target is reported as `outside`, never re-allocated. (tobler's `area_interpolate` re-scales it into the
///   covered part by default, `allocate_total=True`, which inflates the targets wherever the sets disagree.)
/// - **Intensive** values (rates, densities, means) are averages over each target of the sources it overlaps,
///   weighted by shared ground area or by the same auxiliary weight.
///
/// A source whose auxiliary weight is zero (no people on the grid, no village) cannot be split by it: it falls
/// back to area shares and is listed in `fellBackToArea` (for intensive values: the sources of targets where no
/// overlapping source has weight). Targets are assumed not to overlap each other (a partition, such as the
/// units of `GovernancePartition`); sources may leave gaps.
struct ArealInterpolation {
    typealias Kind = ArealInterpolationKind

    struct Result: Equatable {
        /// One value per target; nil where no source with a value overlaps it.
        var values: [Double?]
        /// Extensive only: the part of the sources' values that falls in no target.
        var outside: Double
        /// Sources split by area because their auxiliary weight was zero.
        var fellBackToArea: [Int]
        /// Extensive only: targets left without a value because they take part of a source that has none (their
        /// total would miss that part). Intensive values average the sources that have one.
        var incomplete: [Int] = []
    }

    /// A piece of a source smaller than this share of it is a sliver, not a part a total would miss.
    static let negligibleShare = 1e-6

    let overlaps: ZoneOverlaps

    /// Interpolates one value per source (nil: no value; extensive targets that take part of such a source get
    /// none).
    func interpolate(_ values: [Double?], kind: Kind) -> Result {
        switch kind {
        case .extensive:
            // Per source, how to share it: by weight when it has some, else by area.
            var fellBack = Set<Int>()
            let byWeight: [Bool] = (0..<overlaps.sourceCount).map { source in
                guard let weights = overlaps.sourceWeights else { return false }
                if weights[source] > 0 { return true }
                if values[source] != nil { fellBack.insert(source) }
                return false
            }
            // A source's pieces can measure a little more than the source (rounding), or much more when a weight
            // is not additive (a village on a border counted in two pieces): dividing by the larger of the two
            // keeps the shares of a source summing to at most 1, so no value is ever created.
            var pieces = [(area: Double, weight: Double)](repeating: (0, 0), count: overlaps.sourceCount)
            for overlap in overlaps.overlaps {
                pieces[overlap.source].area += overlap.squareMetres
                pieces[overlap.source].weight += max(overlap.weight ?? 0, 0)
            }
            var targets = [Double?](repeating: nil, count: overlaps.targetCount)
            var allocated = [Double](repeating: 0, count: overlaps.sourceCount)
            // A target taking a real part of a source without a value would get a total missing that part:
            // it gets none (slivers of misaligned borders, under 1e-6 of the source, do not count).
            var incomplete = Set<Int>()
            for overlap in overlaps.overlaps where values[overlap.source] == nil {
                if overlap.squareMetres > Self.negligibleShare * overlaps.sourceSquareMetres[overlap.source] {
                    incomplete.insert(overlap.target)
                }
            }
            for overlap in overlaps.overlaps {
                guard let value = values[overlap.source] else { continue }
                let source = overlap.source
                let share =
                    byWeight[source]
                    ? max(overlap.weight ?? 0, 0) / max(overlaps.sourceWeights?[source] ?? 0, pieces[source].weight)
                    : overlap.squareMetres / max(overlaps.sourceSquareMetres[source], pieces[source].area)
                targets[overlap.target] = (targets[overlap.target] ?? 0) + value * share
                allocated[source] += share
            }
            var outside = 0.0
            for (source, value) in values.enumerated() {
                guard let value else { continue }
                outside += value * max(1 - allocated[source], 0)
            }
            for target in incomplete { targets[target] = nil }
            return Result(
                values: targets, outside: outside, fellBackToArea: fellBack.sorted(),
                incomplete: incomplete.sorted())
        case .intensive:
            // Per target, the weighted average when the sources it overlaps carry weight there, else by area.
            var weighted = [(sum: Double, weight: Double)](repeating: (0, 0), count: overlaps.targetCount)
            var byArea = [(sum: Double, weight: Double)](repeating: (0, 0), count: overlaps.targetCount)
            for overlap in overlaps.overlaps {
                guard let value = values[overlap.source] else { continue }
                if let weight = overlap.weight, weight > 0 {
                    weighted[overlap.target].sum += value * weight
                    weighted[overlap.target].weight += weight
                }
                byArea[overlap.target].sum += value * overlap.squareMetres
                byArea[overlap.target].weight += overlap.squareMetres
            }
            var areaTargets = Set<Int>()
            let targets = (0..<overlaps.targetCount).map { target -> Double? in
                if weighted[target].weight > 0 { return weighted[target].sum / weighted[target].weight }
                if overlaps.sourceWeights != nil, byArea[target].weight > 0 { areaTargets.insert(target) }
                return byArea[target].weight > 0 ? byArea[target].sum / byArea[target].weight : nil
            }
            let sources = Set(overlaps.overlaps.filter { areaTargets.contains($0.target) }.map(\.source))
            return Result(values: targets, outside: 0, fellBackToArea: sources.sorted(), incomplete: [])
        }
    }
}
