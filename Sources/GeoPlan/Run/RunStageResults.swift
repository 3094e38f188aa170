import Foundation

// What each stage of a `SpecRun` hands the next, for one boundary set.

/// Loaded: the areas (split into governed units when the spec says), and this run's share of them.
struct LoadedSet {
    let spec: BoundarySpec
    let boundaries: BoundarySet
    /// The municipalities' name fields the units carry, for the levels' names.
    let municipalityNames: [String]
    /// With `--partition`, which areas this run writes.
    let share: PartitionRecord?
}

/// Planned: the context the indicators share, each level's groups, and every output column named.
struct PlannedSet {
    let loaded: LoadedSet
    let run: RunContext
    let levels: [LevelGroups]
    let plans: ColumnPlans
}

/// Computed: every indicator's columns (in evaluation order), counters and seconds; values are in the run.
struct ComputedSet {
    let planned: PlannedSet
    var columns: [IndicatorColumn] = []
    var counters: [String: Int] = [:]
    var seconds: [String: Double] = [:]
    /// Wall-clock seconds spent reading the inputs of the indicators computed on threads.
    var inputSeconds = 0.0
}

/// Finished: the columns in the spec's order and the values rolled up to every level.
struct FinishedSet {
    let computed: ComputedSet
    let columns: [IndicatorColumn]
    let levels: [LevelRollUp]
}

/// The files a boundary set writes: a table per format, the same per level, and its provenance record.
struct OutputFiles {
    let tables: [String]
    let levels: [[String]]
    let sidecar: String

    init(_ boundary: BoundarySpec, formats: [OutputFormat], in outputs: String) {
        tables = formats.map { format in
            URL(fileURLWithPath: outputs).appendingPathComponent("\(boundary.name).\(format.extensions[0])").path
        }
        levels = boundary.levels.map { level in
            formats.map { Runner.levelPath(outputs, boundary: boundary.name, level: level.level, format: $0) }
        }
        sidecar = URL(fileURLWithPath: outputs).appendingPathComponent("\(boundary.name).meta.json").path
    }
}
