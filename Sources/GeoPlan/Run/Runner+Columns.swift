import Foundation

/// The column plans of one boundary set: its own table's, then each level's (same order as `levels`).
struct ColumnPlans {
    let areas: ColumnPlan
    let levels: [ColumnPlan]

    var notes: [String] { ([areas] + levels).flatMap(\.notes) }

    /// Per shapefile output (by file name), long name → short name of every field, for `meta.json`.
    static func shapefileFields(of plans: [ColumnPlan]) -> [String: [String: String]] {
        var fields: [String: [String: String]] = [:]
        for plan in plans where !plan.shapefileNames.isEmpty {
            fields["\(plan.table).\(OutputFormat.shapefile.extensions[0])"] = plan.shapefileNames
        }
        return fields
    }
}

extension Runner {
    /// Names every column of a boundary set's outputs and of its levels' once, before anything is computed
    /// (see `ColumnPlan`). The classes of `by` fields are read here, from the whole of each input — the
    /// columns must be known before computing, and be the same in every partition. (`--check` reads those
    /// inputs anyway, to check their fields; on a national input that is most of its time.)
    static func columnPlans(
        _ boundary: BoundarySpec, spec: Spec, run: RunContext, levels: [LevelGroups],
        events: (RunEvent) -> Void
    ) throws -> ColumnPlans {
        var classes: [String: ClassColumns] = [:]
        for indicator in spec.indicators {
            guard let source = indicator.classSource else { continue }
            if run.stores[RunContext.inputKey(source.input, whereClause: source.whereClause, by: source.by)] == nil {
                events(RunEvent(boundary.name, .readingInput(source.input)))
            }
            classes[indicator.id] = try locating(indicator.location, in: spec) {
                ClassColumns(try run.store(source.input, whereClause: source.whereClause, by: source.by))
            }
        }
        let set = run.boundaries.spec
        let areas = try ColumnPlan(
            table: boundary.name, idField: set.idField, nameFields: set.nameFields,
            fields: "boundary set \"\(boundary.name)\"", location: boundary.location,
            spec: spec, classes: classes)
        let levelPlans = try levels.map { groups in
            try ColumnPlan(
                table: "\(boundary.name)-\(groups.level.fileStem)", idField: groups.level.codeColumn,
                nameFields: groups.nameFields, fields: "level \"\(groups.level.rawValue)\"",
                idRole: "code column",
                location: boundary.levels.first { $0.level == groups.level }?.location ?? boundary.location,
                spec: spec, classes: classes)
        }
        return ColumnPlans(areas: areas, levels: levelPlans)
    }
}
