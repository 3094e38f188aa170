import Yams

extension SpecReader {
    /// `type: zonal`: `raster` (a raster input's name; `input` is taken too, as for other types), `stats`, and
    /// optionally `band`, `classes` (for `fraction` and `area`), `coverage` (exact or centre), `weights` and
    /// `weights_band` (for `weighted_*`), `unit` (for `area`).
    func zonal(_ fields: Fields, owner: String, draft: inout Draft) -> ZonalIndicator? {
        let before = errorCount
        var input: String?
        switch (fields["raster"], fields["input"]) {
        case let (raster?, other?):
            fail(at: other, "give the raster once: raster: or input:, not both (\(owner))")
            input = text(raster, key: "raster")
        case let (raster?, nil):
            input = text(raster, key: "raster")
            draft.inputNode = raster
        case (nil, .some):
            input = requiredText(fields, "input", owner: owner)
        case (nil, nil):
            missing(fields, "raster", owner: owner)
        }
        var bands = [1]
        if let node = fields["band"] {
            if case let .sequence(sequence) = node {
                bands = sequence.compactMap { integer($0, key: "band", range: 1...65_535) }
                if bands.isEmpty || Set(bands).count != bands.count {
                    fail(at: node, "band: expected band numbers, each once, such as [1, 2, 3]")
                }
            } else {
                bands = integer(node, key: "band", range: 1...65_535).map { [$0] } ?? [1]
            }
        }
        let weightsBand = fields["weights_band"].flatMap { integer($0, key: "weights_band", range: 1...65_535) } ?? 1
        var statistics: [ZonalStatistic] = []
        if let node = fields["stats"] {
            for name in textList(node, key: "stats") ?? [] {
                guard let statistic = ZonalStatistic(name: name) else {
                    fail(at: node, "stats: unknown statistic \"\(name)\" (statistics: \(ZonalStatistic.names))")
                    continue
                }
                if statistics.contains(statistic) {
                    fail(at: node, "stats: \"\(name)\" is listed twice")
                } else {
                    statistics.append(statistic)
                }
            }
        } else {
            missing(fields, "stats", owner: owner)
        }
        let classes = fields["classes"].map { classList($0) } ?? []
        if let node = fields["classes"], !statistics.contains(where: \.isPerClass) {
            fail(at: node, "classes are only used by the fraction and area statistics; add them to stats")
        } else if statistics.contains(where: \.isPerClass), classes.isEmpty, fields["classes"] == nil {
            fail(
                fields.entry("stats")?.keyNode.location,
                "stats fraction and area need the pixel values to report on, "
                    + "such as classes: [10, 20, 30] (\(owner))")
        }
        var coverage = CoverageRule.exact
        if let node = fields["coverage"] {
            coverage =
                choice(
                    node, key: "coverage", what: "coverage rule", listName: "rules",
                    options: CoverageRule.allCases.map { ($0.rawValue, $0) }
                        + [("center", .centre)]) ?? .exact
        }
        let weights = fields["weights"].flatMap { text($0, key: "weights") }
        if let weights, let node = fields["weights"] {
            draft.otherInputs.append((weights, node, [.raster]))
            if !statistics.contains(where: \.isWeighted) {
                fail(
                    at: node,
                    "weights are only used by weighted_sum, weighted_mean and weighted_stdev; add one to stats")
            }
        } else if statistics.contains(where: \.isWeighted) {
            fail(
                fields.entry("stats")?.keyNode.location,
                "weighted statistics need a second raster: weights: <input name> "
                    + "(\(owner))")
        }
        var areaUnit = AreaUnit.squareKilometres
        if let node = fields["unit"], let written = node.scalarText, statistics.contains(.area) {
            guard let unit = AreaUnit(parsing: written) else {
                fail(at: node, "unknown area unit \"\(written)\" (units: km2, ha, m2, rai, ไร่)")
                return nil
            }
            areaUnit = unit
        }
        guard errorCount == before, let input else { return nil }
        return ZonalIndicator(
            request: ZonalRequest(
                input: input, bands: bands, statistics: statistics, classes: classes,
                coverage: coverage, weights: weights, weightsBand: weightsBand, areaUnit: areaUnit))
    }

    /// Numbers, or one number for a list of one.
    private func classList(_ node: Node) -> [Double] {
        guard case let .sequence(sequence) = node else { return number(node, key: "classes").map { [$0] } ?? [] }
        var values: [Double] = []
        for item in sequence {
            guard let value = number(item, key: "classes") else { continue }
            if values.contains(value) {
                fail(at: item, "classes: \(Self.numberText(value)) is listed twice")
            } else {
                values.append(value)
            }
        }
        return values
    }
}
