import GEOS

/// How two sets of zones that do not nest overlap (tambons and local governments, tambons and planning zones):
/// every (source, target) pair that shares ground, with the ground area they share and, for dasymetric
/// interpolation, the auxiliary weight inside the shared piece (people of a population grid, villages…).
///
/// Sizes are kept for each source whole (`sourceSquareMetres`, `sourceWeights`), so what of a source falls
/// outside every target is known rather than assumed away.
struct ZoneOverlaps {
    struct Overlap: Hashable, Sendable {
        let source: Int
        let target: Int
        let squareMetres: Double
        /// The auxiliary weight inside the shared piece; nil without weights.
        let weight: Double?
    }

    /// A (source, target) pair, by positions.
    struct Pair: Hashable, Sendable {
        let source: Int
        let target: Int
    }

    /// How the auxiliary weight of a piece and of a whole source is found.
    enum Weighting {
        /// Measured inside a polygon, piece or whole source alike (a raster's sum).
        case measured((Geometry) throws -> Double)
        /// Placed beforehand, each unit once (points, see `PointWeights`).
        case placed(PointWeights)

        func ofSource(_ source: Int, _ geometry: Geometry) throws -> Double {
            switch self {
            case let .measured(weight): try weight(geometry)
            case let .placed(points): points.sources[source]
            }
        }

        func ofPiece(_ pair: Pair, _ piece: Geometry) throws -> Double {
            switch self {
            case let .measured(weight): try weight(piece)
            case let .placed(points): points.pieces[pair] ?? 0
            }
        }
    }

    let sourceCount: Int
    let targetCount: Int
    let overlaps: [Overlap]
    let sourceSquareMetres: [Double]
    /// Each source's whole auxiliary weight; nil without weights.
    let sourceWeights: [Double]?

    /// Measures the overlaps of `sources` and `targets` (valid polygons of one GEOS context) with `method`;
    /// `weight`, when given, measures the auxiliary weight inside a polygon (a piece or a whole source).
    init(
        sources: [Geometry], targets: [Geometry], method: MeasureMethod,
        weight: ((Geometry) throws -> Double)? = nil
    ) throws {
        try self.init(sources: sources, targets: targets, method: method, weighting: weight.map(Weighting.measured))
    }

    /// The same, weighted as `weighting` says (nil: no weights).
    init(sources: [Geometry], targets: [Geometry], method: MeasureMethod, weighting weight: Weighting?) throws {
        let tree = try STRtree<Int>(context: try Self.context(of: sources + targets))
        for (position, target) in targets.enumerated() where !target.isEmpty { try tree.insert(target, position) }
        try tree.build()
        var overlaps: [Overlap] = []
        var sizes: [Double] = []
        var weights: [Double] = []
        for (position, source) in sources.enumerated() {
            sizes.append(try Self.squareMetres(source, method))
            if let weight { weights.append(try weight.ofSource(position, source)) }
            guard !source.isEmpty else { continue }
            let prepared = try source.prepared()
            for target in try tree.query(source).sorted() where try prepared.intersects(targets[target]) {
                let piece = try Overlay.repairing(source, targets[target]) { try $0.intersection($1) }
                let area = try Self.squareMetres(piece, method)
                guard area > 0 else { continue }
                let pair = Pair(source: position, target: target)
                overlaps.append(
                    Overlap(
                        source: position, target: target, squareMetres: area,
                        weight: try weight.map { try $0.ofPiece(pair, piece) }))
            }
        }
        sourceCount = sources.count
        targetCount = targets.count
        self.overlaps = overlaps
        sourceSquareMetres = sizes
        sourceWeights = weight == nil ? nil : weights
    }

    private static func squareMetres(_ geometry: Geometry, _ method: MeasureMethod) throws -> Double {
        guard !geometry.isEmpty else { return 0 }
        return try method.measure(geometry.polygonalPart()).areaSquareMetres ?? 0
    }

    private static func context(of geometries: [Geometry]) throws -> GEOSContext {
        guard let first = geometries.first else { return try GEOSContext() }
        return first.context
    }
}
