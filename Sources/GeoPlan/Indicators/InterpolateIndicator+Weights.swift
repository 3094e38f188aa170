import GDAL
import GEOS

/// `interpolate`'s `weights:`: the input type decides how a source is split. A raster is summed inside each
/// piece (people of a population grid); points are counted, or their `weight_field` summed (households of
/// villages), each point once (see `PointWeights`).
extension InterpolateIndicator {
    /// How the split is weighted; nil: by area.
    static func weighting(_ request: InterpolationRequest, sources: FeatureSet, core: [Area], run: RunContext) throws
        -> ZoneOverlaps.Weighting?
    {
        guard let name = request.weights else { return nil }
        if try weightsKind(request, run: run) == .raster {
            let extractor = ZonalExtractor(
                values: try run.raster(name, band: 1), weights: nil,
                request: ZonalRequest(input: name, statistics: [.sum]))
            return .measured { zone in
                var summary = try extractor.summarise(zone)
                return summary.statistics.value(of: .sum) ?? 0
            }
        }
        // A source's points all lie in its box: the points near the sources here are all a worker needs, and
        // every source is weighed whole, whichever areas the worker computes. The border rule must see every
        // source touching these (read from the whole input), so a point on a border picks the same source in
        // every worker and partition.
        let boxes = sources.geometries.compactMap(\.bounds)
        guard let window = boxes.dropFirst().reduce(boxes.first, { $0?.union($1) }) else { return nil }
        let store = try run.store(name, whereClause: nil, by: request.weightField, everywhere: true)
        let points = try FeatureSet(store: store, window: window, context: run.context)
        let around = try FeatureSet(
            store: try run.store(
                request.from, whereClause: nil, by: request.code,
                everywhere: true),
            window: window, context: run.context)
        let positions = Dictionary(sources.classes.enumerated().map { ($1 ?? "", $0) }) { first, _ in first }
        let areas = run.boundaries.areas
        var weighed = [Int?](repeating: nil, count: areas.count)
        for (position, area) in core.enumerated() { weighed[area.index] = position }
        return .placed(
            try PointWeights(
                points: points.geometries,
                values: request.weightField == nil ? nil : points.classes.map { weightValue($0) ?? 0 },
                sources: PointWeights.Candidates(
                    around.geometries, order: around.classes.map { $0 ?? "" },
                    weighed: around.classes.map { positions[$0 ?? ""] },
                    of: sources.geometries.count),
                targets: PointWeights.Candidates(
                    areas.map(\.geometry), order: areas.map(\.id), weighed: weighed,
                    of: core.count)))
    }

    /// Before interpolating, on the main thread: the weights input is a raster or points and opens; points are
    /// read once for every worker, and a `weight_field` holds a number of zero or more on every point.
    static func checkWeights(_ request: InterpolationRequest, run: RunContext) throws {
        guard let name = request.weights else { return }
        switch try weightsKind(request, run: run) {
        case .raster:
            if let field = request.weightField, let input = run.input(named: name) {
                throw GeoPlanError.input(
                    path: input.path,
                    reason: "weight_field \"\(field)\" sums a field of "
                        + "points, but \"\(name)\" is a raster (its pixels are summed); drop it")
            }
            _ = try run.raster(name, band: 1)
        default:
            _ = try run.store(request.from, whereClause: nil, by: request.code, everywhere: true)
            let store = try run.store(name, whereClause: nil, by: request.weightField, everywhere: true)
            guard let field = request.weightField,
                store.classes.contains(where: { weightValue($0) == nil })
            else { return }
            try locateBadWeight(store.input, field: field, run: run)
        }
    }

    /// A weight field's value as a weight: a finite number of zero or more (nil: missing or not one).
    static func weightValue(_ text: String?) -> Double? {
        guard let text, let value = Double(text.trimmingCharacters(in: .whitespaces)),
            value.isFinite, value >= 0
        else { return nil }
        return value
    }

    /// Raster or points; anything else is refused, naming the input.
    private static func weightsKind(_ request: InterpolationRequest, run: RunContext) throws -> InputKind {
        guard let name = request.weights, let input = run.input(named: name) else {
            throw GeoPlanError.input(
                path: run.specPath ?? "spec",
                reason: "no input named \"\(request.weights ?? "")\" for weights")
        }
        guard input.kind == .raster || input.kind == .points else {
            throw GeoPlanError.input(
                path: input.path,
                reason: "weights: \"\(name)\" is \(input.kind.rawValue); "
                    + "interpolation is weighted by a raster (summed) or points (counted)")
        }
        return input.kind
    }

    /// Reads the points again to name the first one whose weight is unusable (only when one is).
    private static func locateBadWeight(_ input: InputSpec, field: String, run: RunContext) throws {
        let options = InputOptions(
            layer: input.layer, encoding: input.encoding, assumeCRS: input.assumeCRS,
            whereClause: input.whereClause)
        let source = try VectorSource.open(BoundarySet.resolve(input.path, in: run.folder), options: options)
        let fix =
            "correct it, or leave such points out (where: \"\(field) IS NOT NULL\" on a spec input, "
            + "ogr2ogr -where on a file)"
        try source.layer.forEachFeature { feature in
            guard let geometry = feature.geometry, !geometry.isEmpty else { return }
            let value = try feature.value(field)
            guard weightValue(value.text) == nil else { return }
            let problem =
                switch value {
                case .null, .unset:
                    "no value; weighting by \(field) needs a number of zero or more on every point: \(fix)"
                case let .integer(number) where number < 0: "\(number) is negative; weights are zero or more: \(fix)"
                case let .real(number) where number < 0: "\(number) is negative; weights are zero or more: \(fix)"
                default:
                    "\"\(value.text ?? "")\" is not a number; weighting by \(field) needs one on every point: \(fix)"
                }
            throw GeoPlanError.badValue(location: feature.location, field: field, problem: problem)
        }
        throw GeoPlanError.input(
            path: input.path,
            reason: "\(field) holds a value that is not a number of zero or more")
    }
}
