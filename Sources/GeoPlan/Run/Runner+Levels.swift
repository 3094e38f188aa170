import Foundation
import GDAL
import GEOS

/// One level a boundary set's values were rolled up to: its groups as areas (dissolved boundaries) with their
/// values, ready to be written like any boundary set's.
struct LevelRollUp {
    let level: AdministrativeLevel
    let run: RunContext
    /// Its columns' names, for the shapefile's short field names.
    let plan: ColumnPlan?
    let warnings: [String]
}

extension Runner {
    /// The file a level's values go to: `<name>-<level>.<ext>` (`nonthaburi-district.geojson`).
    static func levelPath(_ folder: String, boundary: String, level: AdministrativeLevel, format: OutputFormat)
        -> String
    {
        let stem = "\(boundary)-\(level.fileStem)"
        return URL(fileURLWithPath: folder).appendingPathComponent("\(stem).\(format.extensions[0])").path
    }

    /// The groups of every level of `boundary` (checked with `--check` too: a tambon filed under the wrong
    /// district is found before anything is computed).
    static func levelGroups(_ boundary: BoundarySpec, spec: Spec, run: RunContext, municipalityNames: [String]) throws
        -> [LevelGroups]
    {
        guard !boundary.levels.isEmpty else { return [] }
        let attributes = try TambonAttributes.read(
            boundary, folder: run.folder, wanted: LevelGroups.wantedFields(boundary.levels, boundaries: boundary))
        let memberships = AreaMembership.of(run.boundaries)
        return try boundary.levels.map { level in
            try locating(level.location, in: spec) {
                try LevelGroups.build(
                    level, memberships: memberships, positions: run.selected,
                    attributes: attributes, boundaries: boundary,
                    municipalityNames: municipalityNames)
            }
        }
    }

    /// Rolls `run`'s values up to each level: extensive values summed, intensive ones averaged by area or by
    /// their weight, ratios and expressions evaluated again on the rolled-up values, and shape-dependent ones
    /// computed again on the group's dissolved boundary (see `RollUpRule`).
    static func rollUp(
        _ groupsOfLevels: [LevelGroups], plans: [ColumnPlan], spec: Spec, run: RunContext,
        order: [IndicatorSpec],
        columns: [IndicatorColumn], jobs: Int, chunkSize: Int,
        events: (RunEvent) -> Void
    ) throws -> [LevelRollUp] {
        try groupsOfLevels.map { groups in
            let levelName = "\(run.boundaries.spec.name)-\(groups.level.fileStem)"
            events(RunEvent(levelName, .dissolving(groups: groups.codes.count)))
            var (levelRun, warnings) = try dissolved(groups, of: run, name: levelName)
            let recomputed = order.filter { $0.rollUpRule == .recompute }
            if !recomputed.isEmpty {
                events(RunEvent(levelName, .recomputing(ids: recomputed.map(\.id))))
                warnings += try recompute(recomputed, spec: spec, on: levelRun, jobs: jobs, chunkSize: chunkSize)
                    .map { "\(levelName): \($0)" }
            }
            let incomplete = try aggregate(order, columns: columns, from: run, into: levelRun, groups: groups)
            warnings += NonFiniteValues.null(in: levelRun, columns: columns).map { "\(levelName): \($0)" }
            if !incomplete.isEmpty {
                warnings.append(
                    "\(levelName): totals left null for the groups with a member without a value (a total "
                        + "missing a part would be wrong): " + incomplete.joined(separator: ", "))
            }
            return LevelRollUp(
                level: groups.level, run: levelRun, plan: plans.first { $0.table == levelName },
                warnings: warnings)
        }
    }

    /// A run over the level's groups, each a dissolved boundary, sharing the inputs already read.
    private static func dissolved(_ groups: LevelGroups, of run: RunContext, name: String) throws
        -> (RunContext, [String])
    {
        var areas: [Area] = []
        var fullUnions = 0
        for (position, members) in groups.members.enumerated() {
            let dissolved = try LevelBoundaries.dissolve(
                members.map { run.boundaries.areas[$0].geometry },
                context: run.context)
            if dissolved.fullUnion { fullUnions += 1 }
            areas.append(
                try Area(
                    index: position, id: groups.codes[position], names: groups.names[position],
                    geometry: dissolved.geometry, featureID: nil))
        }
        var spec = run.boundaries.spec
        spec.name = name
        spec.idField = groups.level.codeColumn
        spec.nameFields = groups.nameFields
        spec.levels = []
        spec.municipalities = nil
        let set = try BoundarySet.derived(spec, areas: areas, from: run.boundaries, context: run.context)
        let levelRun = run.sharing(boundaries: set)
        let warnings =
            fullUnions == 0
            ? []
            : [
                "\(name): \(fullUnions) groups' members do not share their borders "
                    + "exactly; their boundaries were dissolved by a full union"
            ]
        return (levelRun, warnings)
    }

    /// Computes shape-dependent indicators again on the level's boundaries; returns their warnings.
    private static func recompute(
        _ indicators: [IndicatorSpec], spec: Spec, on levelRun: RunContext, jobs: Int,
        chunkSize: Int
    ) throws -> [String] {
        let perArea = try computePerArea(
            indicators.filter(\.definition.isPerArea), spec: spec, run: levelRun,
            jobs: jobs, chunkSize: chunkSize, events: { _ in })
        var warnings: [String] = []
        for indicator in indicators {
            let result =
                try perArea.results[indicator.id]
                ?? locating(indicator.location, in: spec) { try indicator.definition.compute(indicator, levelRun) }
            for (position, column) in result.columns.enumerated() {
                levelRun.values[column.name] = result.rows.map { $0[position] }
            }
            warnings += result.warnings
        }
        return warnings
    }

    /// Sums, weighted means and re-evaluated expressions of the members' values, in evaluation order (an
    /// expression reads what is rolled up before it). Returns the indicators whose totals were left null, with
    /// how many groups.
    private static func aggregate(
        _ order: [IndicatorSpec], columns: [IndicatorColumn], from run: RunContext,
        into levelRun: RunContext, groups: LevelGroups
    ) throws -> [String] {
        let areaWeights = try run.areaMeasures(.geodesic).map(\.areaSquareMetres)
        var incompleteTotals: [String] = []
        let columnsByIndicator = Dictionary(grouping: columns, by: \.indicator)  // not a filter per indicator
        for indicator in order {
            guard let rule = indicator.rollUpRule else {
                throw GeoPlanError.input(
                    path: run.specPath ?? "spec",
                    reason: "indicator \"\(indicator.id)\" "
                        + "(\(indicator.kind.typeName)) needs kind: extensive or intensive to roll up to levels")
            }
            let own = columnsByIndicator[indicator.id] ?? []
            switch rule {
            case .recompute:
                continue
            case .reevaluate:
                // Evaluated again on the values rolled up so far; an overflow is null, as everywhere in levels.
                var result = try indicator.definition.compute(indicator, levelRun)
                for row in result.rows.indices { _ = NonFiniteValues.nullify(&result.rows[row]) }
                for (position, column) in result.columns.enumerated() where own.contains(column) {
                    levelRun.values[column.name] = result.rows.map { $0[position] }
                }
            case .sum:
                var incomplete = Set<Int>()
                for column in own {
                    let values = (run.values[column.name] ?? []).map(\.number)
                    levelRun.values[column.name] = groups.members.enumerated().map { group, members in
                        guard let total = RollUp.sum(values, of: members) else {
                            incomplete.insert(group)
                            return .null
                        }
                        return column.type == .integer ? .integer(Int64(total.rounded())) : .finite(total)
                    }
                }
                if !incomplete.isEmpty { incompleteTotals.append("\(indicator.id) (\(incomplete.count))") }
            case let .weightedMean(weight):
                let weights: [Double?] =
                    try weight.map { id in
                        guard
                            let column = columns.first(where: { $0.name == id })
                                ?? columns.first(where: { $0.indicator == id })
                        else {
                            throw GeoPlanError.input(
                                path: run.specPath ?? "spec",
                                reason: "weight: no indicator \"\(id)\" to weight \(indicator.id)")
                        }
                        return (run.values[column.name] ?? []).map(\.number)
                    } ?? areaWeights
                for column in own {
                    let values = (run.values[column.name] ?? []).map(\.number)
                    levelRun.values[column.name] = groups.members.map { members in
                        .finite(RollUp.weightedMean(values, weights: weights, of: members))
                    }
                }
            }
        }
        return incompleteTotals
    }
}
