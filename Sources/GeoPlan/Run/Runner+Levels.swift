import Foundation
import GDAL
import GEOS

/// One level a boundary set's values were rolled up to: its groups as areas (dissolved boundaries) with their
/// values, ready to be written like any boundary set's.
struct LevelRollUp {
    let level: AdministrativeLevel
    let run: RunContext
    let warnings: [String]
}

extension Runner {
    /// The file a level's values go to: `<name>-<level>.<ext>` (`nonthaburi-district.geojson`).
    static func levelPath(_ folder: String, boundary: String, level: AdministrativeLevel, format: OutputFormat)
        -> String {
        let stem = "\(boundary)-\(level.fileStem)"
        return URL(fileURLWithPath: folder).appendingPathComponent("\(stem).\(format.extensions[0])").path
    }

    /// The groups of every level of `boundary` (checked with `--check` too: a tambon filed under the wrong
    /// district is found before anything is computed).
    static func levelGroups(_ boundary: BoundarySpec, run: RunContext, memberships: [AreaMembership],
                            municipalityNames: [String]) throws -> [LevelGroups] {
        guard !boundary.levels.isEmpty else { return [] }
        let attributes = try TambonAttributes.read(
            boundary, folder: run.folder, wanted: LevelGroups.wantedFields(boundary.levels, boundaries: boundary))
        return try boundary.levels.map { level in
            try locating(level.location, in: run.spec) {
                try LevelGroups.build(level, memberships: memberships, positions: run.selected,
                                      attributes: attributes, boundaries: boundary,
                                      municipalityNames: municipalityNames)
            }
        }
    }

    /// Rolls `run`'s values up to each level: extensive values summed, intensive ones averaged by area or by
    /// their weight, ratios and expressions evaluated again on the rolled-up values, and shape-dependent ones
    /// computed again on the group's dissolved boundary (see `RollUpRule`).
    static func rollUp(_ groupsOfLevels: [LevelGroups], run: RunContext, order: [IndicatorSpec],
                       columns: [IndicatorColumn], jobs: Int, chunkSize: Int,
                       progress: (String) -> Void) throws -> [LevelRollUp] {
        let name = run.boundaries.spec.name
        var results: [LevelRollUp] = []
        for groups in groupsOfLevels {
            let levelName = "\(name)-\(groups.level.fileStem)"
            progress("\(levelName): dissolving \(groups.codes.count) boundaries")
            var areas: [Area] = []
            var fullUnions = 0
            for (position, members) in groups.members.enumerated() {
                let dissolved = try LevelBoundaries.dissolve(members.map { run.boundaries.areas[$0].geometry },
                                                             context: run.context)
                if dissolved.fullUnion { fullUnions += 1 }
                areas.append(try Area(index: position, id: groups.codes[position], names: groups.names[position],
                                      geometry: dissolved.geometry, featureID: nil))
            }
            var levelSpec = run.boundaries.spec
            levelSpec.name = levelName
            levelSpec.idField = groups.level.codeColumn
            levelSpec.nameFields = groups.nameFields
            levelSpec.levels = []
            levelSpec.municipalities = nil
            let set = try BoundarySet.derived(levelSpec, areas: areas, from: run.boundaries, context: run.context)
            let levelRun = RunContext(spec: run.spec, boundaries: set, context: run.context, folder: run.folder,
                                      stores: run.stores)
            var warnings: [String] = []
            if fullUnions > 0 {
                warnings.append("\(levelName): \(fullUnions) groups' members do not share their borders exactly; "
                                + "their boundaries were dissolved by a full union")
            }
            let recomputed = order.filter { $0.rollUpRule == .recompute }
            if !recomputed.isEmpty {
                progress("\(levelName): computing \(recomputed.map(\.id).joined(separator: ", ")) on the dissolved boundaries")
                let perArea = try computePerArea(recomputed.filter(\.kind.isPerArea), spec: run.spec, run: levelRun,
                                                 jobs: jobs, chunkSize: chunkSize, progress: { _ in })
                for indicator in recomputed {
                    let result = try perArea.results[indicator.id]
                        ?? locating(indicator.location, in: run.spec) { try indicator.computer().compute(levelRun) }
                    for (position, column) in result.columns.enumerated() {
                        levelRun.values[column.name] = result.rows.map { $0[position] }
                    }
                    warnings += result.warnings.map { "\(levelName): \($0)" }
                }
            }
            let areaWeights = try run.areaMeasures(.geodesic).map { $0.areaSquareMetres }
            var incompleteTotals: [String] = []
            for indicator in order {
                guard let rule = indicator.rollUpRule else {
                    throw GeoPlanError.input(path: run.spec.path ?? "spec", reason: "indicator \"\(indicator.id)\" "
                        + "(\(indicator.kind.typeName)) needs kind: extensive or intensive to roll up to levels")
                }
                let own = columns.filter { $0.indicator == indicator.id }
                switch rule {
                case .recompute:
                    continue
                case .reevaluate:
                    guard case let .expression(text) = indicator.kind else { continue }
                    let expression = try Expression(text)
                    for column in own {
                        levelRun.values[column.name] = areas.indices.map { group in
                            .finite(expression.evaluate { levelRun.values[$0]?[group].number })
                        }
                    }
                case .sum:
                    var incomplete = 0
                    for column in own {
                        let values = (run.values[column.name] ?? []).map(\.number)
                        levelRun.values[column.name] = groups.members.map { members in
                            guard let total = RollUp.sum(values, of: members) else {
                                incomplete += 1
                                return .null
                            }
                            return column.type == .integer ? .integer(Int64(total.rounded())) : .finite(total)
                        }
                    }
                    if incomplete > 0 { incompleteTotals.append("\(indicator.id) (\(incomplete))") }
                case let .weightedMean(weight):
                    let weights: [Double?] = try weight.map { id in
                        guard let column = columns.first(where: { $0.name == id })
                                ?? columns.first(where: { $0.indicator == id }) else {
                            throw GeoPlanError.input(path: run.spec.path ?? "spec",
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
            if !incompleteTotals.isEmpty {
                warnings.append("\(levelName): totals left null for the groups with a member without a value (a total "
                                + "missing a part would be wrong): " + incompleteTotals.joined(separator: ", "))
            }
            results.append(LevelRollUp(level: groups.level, run: levelRun, warnings: warnings))
        }
        return results
    }
}
