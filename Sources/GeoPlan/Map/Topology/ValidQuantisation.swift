import GEOS

/// A ``Topology``'s arcs on the grid a TopoJSON writes them on, chosen so that quantising never makes a valid
/// polygon invalid nor collapses it.
///
/// Moving every point to its nearest grid point on its own can fold a ring (vertices closer than a step merge and
/// the ring runs back on itself), put a vertex across a nearby edge of a narrow neck, or shrink a ring narrower
/// than a step to nothing (issue 13: 6 of 5,677 real tambons at 10⁵ steps). Every feature is therefore rebuilt from
/// the quantised arcs exactly as a reader decodes them (``QuantisationGrid`` makes that exact) and checked with
/// GEOS; while a feature that was valid is not, the grid is made twice as fine on both axes, up to the
/// coordinates' own precision, beyond which the arcs are written unquantised. Every arc is moved the same way, so
/// shared borders stay shared arcs. A grid finer than asked costs a few bits per coordinate, and only when the asked
/// one would have broken a polygon; a polygon that was invalid is not ours to repair and is not checked.
///
/// (GEOS's snap rounding could keep the asked grid where a fold or a crossing is the only trouble, but not where a
/// ring is narrower than a step: a TopoJSON has one grid for every arc, so a polygon that would collapse needs a
/// finer grid anyway.)
struct ValidQuantisation {
    /// The grid, or nil when the arcs are written unquantised.
    let grid: QuantisationGrid?
    /// Each arc's points on the grid (consecutive points on one grid point merged; at least two); empty when
    /// unquantised.
    let arcs: [[GridPoint]]
    /// How many times the asked grid was made twice as fine.
    let refinements: Int

    init(_ topology: Topology, quantization: Int, context: GEOSContext) throws {
        let box = topology.bounds ?? Envelope(minX: 0, minY: 0, maxX: 0, maxY: 0)
        let checked = topology.features.indices.filter { Self.isValid(topology, feature: $0, context: context) }
        var grid = QuantisationGrid(box: box, quantization: quantization)
        var refinements = 0
        while let current = grid, let arcs = Self.quantised(topology.arcs, on: current) {
            let decoded = Topology(arcs: arcs.map { $0.map(current.point) }, features: topology.features)
            if checked.allSatisfy({ Self.isValid(decoded, feature: $0, context: context) }) {
                (self.grid, self.arcs, self.refinements) = (current, arcs, refinements)
                return
            }
            grid = current.refined
            refinements += 1
        }
        (self.grid, self.arcs, self.refinements) = (nil, [], refinements)
    }

    /// A warning for the file at `path` when its grid is finer than asked; none otherwise.
    func notes(path: String, asked: Int) -> [String] {
        guard refinements > 0 else { return [] }
        let grid = self.grid.map { "quantised on \($0.quantization) steps" } ?? "written unquantised"
        return [
            "\(path): TopoJSON \(grid) instead of \(asked), as a coarser grid would make a valid polygon invalid "
                + "or collapse it"
        ]
    }

    /// Whether the feature GEOS rebuilds from the arcs is a valid polygon (a ring too short to build is not).
    private static func isValid(_ topology: Topology, feature: Int, context: GEOSContext) -> Bool {
        guard let geometry = try? topology.geometry(of: feature, context: context) else { return false }
        return (try? geometry.isValid) ?? false
    }

    /// Every arc on the grid, or nil when a point is not on it (not a finite number).
    private static func quantised(_ arcs: [[XY]], on grid: QuantisationGrid) -> [[GridPoint]]? {
        var result: [[GridPoint]] = []
        result.reserveCapacity(arcs.count)
        for arc in arcs {
            var points: [GridPoint] = []
            for point in arc {
                guard let steps = grid.steps(point) else { return nil }
                if points.last != steps { points.append(steps) }
            }
            if points.count == 1 { points.append(points[0]) }
            result.append(points)
        }
        return result
    }
}
