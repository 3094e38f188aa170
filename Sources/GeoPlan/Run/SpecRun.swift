import Foundation
import GDAL
import GEOS

/// One run of a spec, in named stages: the outputs' folder opened and locked; then per boundary set
/// load → plan → compute → finish → stage; then every staged output committed together (or none).
///
/// Each stage takes the previous stage's result and returns its own; the run's warnings, reports and written
/// files are gathered here in the order the stages make them.
final class SpecRun {
    private let spec: Spec
    private let options: RunOptions
    private let events: (RunEvent) -> Void
    /// The spec's folder, which relative paths in it are read from.
    private let folder: String?
    private let outputs: String
    private let inputs: InputFiles
    private let outputSet: OutputSet
    /// The inputs' fingerprints for the provenance records, hashed on a thread of their own from the start.
    private let fingerprints: InputFingerprintPrefetch?
    private let context: GEOSContext
    /// Indicators in the order they are computed: expressions after what they read.
    private let order: [IndicatorSpec]
    private let started = Date()
    private var warnings: [String] = []
    private var written: [String] = []
    private var maps: [MapReport] = []
    private var reports: [BoundaryRunReport] = []

    init(_ spec: Spec, options: RunOptions, events: @escaping (RunEvent) -> Void) throws {
        self.spec = spec
        self.options = options
        self.events = events
        folder = spec.path.map { URL(fileURLWithPath: $0).deletingLastPathComponent().path }
        outputs = BoundarySet.resolve(options.outputFolder ?? spec.output.folder, in: folder)
        order = try Runner.evaluationOrder(spec.indicators)
        context = try GEOSContext()
        inputs = Runner.inputFiles(of: spec, folder: folder)
        fingerprints =
            options.check || spec.output.formats.isEmpty
            ? nil : InputFingerprintPrefetch(paths: Runner.inputPaths(of: spec, folder: folder))
        try Runner.checkOutputsSpareInputs(spec, outputs: outputs, inputs: inputs)
        // Locked for the whole run, before --resume reads the earlier outputs: a second run waits or fails now.
        outputSet = OutputSet(inputs: inputs, overwrite: options.replacesOutputs, wait: options.wait)
    }

    func run() throws -> RunReport {
        try openOutputs()
        for boundarySpec in spec.boundaries {
            let warningsBefore = warnings.count
            let stagedBefore = outputSet.count
            if options.partition != nil, !boundarySpec.levels.isEmpty {
                throw GeoPlanError.input(
                    path: spec.path ?? "spec",
                    reason: "\(boundarySpec.name) rolls up to levels, "
                        + "which need all of its areas; run it without --partition")
            }
            let files = OutputFiles(boundarySpec, formats: spec.output.formats, in: outputs)
            if isUpToDate(boundarySpec, files: files) { continue }
            var clock = StageClock()
            let loaded = try clock.time("load") { try load(boundarySpec) }
            let planned = try clock.time("plan") { try plan(loaded) }
            guard !options.check else {
                reports.append(
                    Runner.report(
                        for: planned.run.boundaries, run: planned.run, columns: [],
                        counters: [:], seconds: [:]))
                continue
            }
            let computed = try clock.time("compute") { try compute(planned) }
            clock.move(computed.inputSeconds, from: "compute", to: "read_inputs")
            let finished = try clock.time("finish") { try finish(computed) }
            try clock.time("write") {
                try stage(finished, files: files, warningsBefore: warningsBefore, stagedBefore: stagedBefore)
            }
            reports[reports.count - 1].stageSeconds = clock.seconds
        }
        return try commit()
    }

    // MARK: Stages

    /// The output folder made and locked; a run that may not replace outputs refuses existing ones now.
    private func openOutputs() throws {
        if options.check {
            // A check writes nothing, but puts the folder back in order after a run killed while committing.
            warnings += try OutputSet.recoverInterrupted(in: outputs)
            return
        }
        guard !spec.output.formats.isEmpty else { return }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: outputs, isDirectory: &isFolder), !isFolder.boolValue {
            throw GeoPlanError.output(
                path: outputs,
                reason: "it is a file, not a folder; set `output.folder` "
                    + "(or --out) to a folder")
        }
        try FileManager.default.createDirectory(atPath: outputs, withIntermediateDirectories: true)
        try outputSet.lock(folder: outputs)
        if !options.replacesOutputs { try Runner.checkNoOutputExists(spec, outputs: outputs) }
    }

    /// `--resume`: outputs made from the same spec, options and inputs are kept as they are.
    private func isUpToDate(_ boundarySpec: BoundarySpec, files: OutputFiles) -> Bool {
        guard options.resume, !options.check, !options.includeRows,
            Provenance.isUpToDate(
                sidecar: files.sidecar, outputs: files.tables + files.levels.joined(),
                spec: spec, boundary: boundarySpec, folder: folder,
                partition: options.partition)
        else { return false }
        events(RunEvent(boundarySpec.name, .upToDate))
        reports.append(
            BoundaryRunReport(
                name: boundarySpec.name, path: boundarySpec.path, areas: 0, crs: "", operations: [:],
                encoding: EncodingReport(name: "", source: "", summary: ""), repairedBoundaries: 0, columns: [],
                counters: [:], seconds: [:], rows: nil, upToDate: true))
        return true
    }

    /// Load: the boundaries read (and split by the municipalities into the units that govern), and this
    /// run's share of them with `--partition`.
    private func load(_ boundarySpec: BoundarySpec) throws -> LoadedSet {
        events(RunEvent(boundarySpec.name, .loadingBoundaries))
        var boundaries = try Runner.locating(boundarySpec.location, in: spec) {
            try BoundarySet.load(boundarySpec, folder: folder, context: context)
        }
        var municipalityNames: [String] = []
        if let municipalities = boundarySpec.municipalities {
            events(RunEvent(boundarySpec.name, .splittingByMunicipalities(nil)))
            let units = try GovernedUnits.build(
                tambons: boundaries, municipalities: municipalities,
                folder: folder, context: context
            ) { step in
                events(RunEvent(boundarySpec.name, .splittingByMunicipalities(step)))
            }
            boundaries = units.set
            municipalityNames = units.municipalityNameFields
            warnings += units.notes
        }
        warnings += boundaries.warnings
        let share = options.partition.map { request in
            let (keys, groupedBy) = PartitionPlan.groupKeys(ids: boundaries.areas.map(\.id))
            return PartitionPlan.record(keys: keys, groupedBy: groupedBy, request: request)
        }
        return LoadedSet(
            spec: boundarySpec, boundaries: boundaries, municipalityNames: municipalityNames,
            share: share)
    }

    /// Plan: the context the indicators share, the levels' groups, and every output column named before
    /// anything is computed. `--check` also opens every input each indicator reads.
    private func plan(_ loaded: LoadedSet) throws -> PlannedSet {
        let boundaries = loaded.boundaries
        let run = RunContext(
            inputs: spec.inputs, specPath: spec.path, boundaries: boundaries, context: context, folder: folder,
            window: try loaded.share.flatMap { try Runner.window(of: $0.positions, in: boundaries) },
            partition: loaded.share)
        let levels = try Runner.levelGroups(
            loaded.spec, spec: spec, run: run,
            municipalityNames: loaded.municipalityNames)
        if options.check {
            for indicator in spec.indicators {
                try Runner.locating(indicator.location, in: spec) {
                    try indicator.definition.checkInputs(indicator, run)
                }
            }
        }
        let plans = try Runner.columnPlans(loaded.spec, spec: spec, run: run, levels: levels, events: events)
        warnings += plans.notes
        return PlannedSet(loaded: loaded, run: run, levels: levels, plans: plans)
    }

    /// Compute: the per-area indicators on `jobs` threads, then the others in evaluation order, each result
    /// checked against the planned columns and its non-finite values made null (and counted).
    private func compute(_ planned: PlannedSet) throws -> ComputedSet {
        let run = planned.run
        let name = planned.loaded.spec.name
        var computed = ComputedSet(planned: planned)
        let perArea = try Runner.computePerArea(
            order.filter(\.definition.isPerArea), spec: spec, run: run,
            jobs: options.jobs, chunkSize: options.chunkSize, events: events)
        for indicator in order {
            var result: IndicatorResult
            if let done = perArea.results[indicator.id] {
                result = done
                computed.seconds[indicator.id] = perArea.seconds[indicator.id]
            } else {
                events(RunEvent(name, .computingIndicator(type: indicator.kind.typeName, id: indicator.id)))
                let clock = Date()
                result = try Runner.locating(indicator.location, in: spec) {
                    try indicator.definition.compute(indicator, run)
                }
                computed.seconds[indicator.id] = Date().timeIntervalSince(clock)
            }
            try planned.plans.areas.confirm(result.columns, of: indicator)
            result.nullNonFinite(indicator: indicator.id)
            for (position, column) in result.columns.enumerated() {
                run.values[column.name] = result.rows.map { $0[position] }
            }
            computed.columns += result.columns
            computed.counters.merge(result.counters) { $1 }
            computed.counters.merge(result.inputCounters) { $1 }
            warnings += result.warnings
        }
        computed.inputSeconds = perArea.inputSeconds
        warnings += run.inputWarnings
        return computed
    }

    /// Finish: the columns in the spec's order, and the values rolled up to every level.
    private func finish(_ computed: ComputedSet) throws -> FinishedSet {
        // Whatever order expressions were evaluated in (grouped once: a filter per indicator made 40,000
        // indicators take 1.6 billion comparisons).
        let columnsByIndicator = Dictionary(grouping: computed.columns, by: \.indicator)
        let ordered = spec.indicators.flatMap { columnsByIndicator[$0.id] ?? [] }
        let levels = try Runner.rollUp(
            computed.planned.levels, plans: computed.planned.plans.levels, spec: spec,
            run: computed.planned.run, order: order,
            columns: ordered, jobs: options.jobs, chunkSize: options.chunkSize,
            events: events)
        for level in levels { warnings += level.warnings }
        return FinishedSet(computed: computed, columns: ordered, levels: levels)
    }

    /// Stage: every output of the boundary set and its levels, the maps, and the provenance record, written
    /// beside their final names; nothing is visible until `commit`.
    private func stage(_ finished: FinishedSet, files: OutputFiles, warningsBefore: Int, stagedBefore: Int) throws {
        let run = finished.computed.planned.run
        let plans = finished.computed.planned.plans
        let boundarySpec = finished.computed.planned.loaded.spec
        let columns = finished.columns
        let replace = options.replacesOutputs
        for (format, path) in zip(spec.output.formats, files.tables) {
            try OutputTable.write(
                run.resultTable(columns: columns, plan: plans.areas), to: path, format: format,
                overwrite: replace, options: TableOptions(spec.output, threads: options.jobs), in: outputSet)
            written.append(path)
        }
        for (level, paths) in zip(finished.levels, files.levels) {
            for (format, path) in zip(spec.output.formats, paths) {
                try OutputTable.write(
                    level.run.resultTable(columns: columns, plan: level.plan), to: path, format: format,
                    overwrite: replace, options: TableOptions(spec.output, threads: options.jobs), in: outputSet)
                written.append(path)
            }
        }
        maps += try Runner.maps(
            spec, run: run, columns: columns, folder: outputs, stem: boundarySpec.name,
            overwrite: replace, in: outputSet, warnings: &warnings)
        for level in finished.levels {
            maps += try Runner.maps(
                spec, run: level.run, columns: columns, folder: outputs,
                stem: "\(boundarySpec.name)-\(level.level.fileStem)", overwrite: replace,
                in: outputSet, warnings: &warnings)
        }
        var report = Runner.report(
            for: run.boundaries, run: run, columns: columns,
            counters: finished.computed.counters, seconds: finished.computed.seconds)
        if options.includeRows { report.rows = Runner.rows(of: run, columns: columns) }
        reports.append(report)
        guard !spec.output.formats.isEmpty else { return }
        let record = try Provenance.record(
            spec: spec, boundaries: run.boundaries, run: run, plans: plans, report: report,
            columns: columns,
            warnings: warnings[warningsBefore...].map { Runner.specWords($0, spec) },
            started: started, outputs: outputSet.stagedFiles(from: stagedBefore),
            fingerprint: fingerprints?.of ?? InputFingerprint.of)
        try outputSet.stage(record, at: files.sidecar, inputs: inputs)
        written.append(files.sidecar)
    }

    /// Commit: everything computed and staged appears now, all together.
    private func commit() throws -> RunReport {
        guard !options.check else {
            return RunReport(
                spec: spec.path, boundarySets: reports, outputs: [], warnings: warnings,
                checkedOnly: true)
        }
        try outputSet.commit()
        warnings += outputSet.warnings + maps.flatMap(\.warnings)
        let sidecars = written.filter { $0.hasSuffix(".meta.json") }
        return RunReport(
            spec: spec.path, boundarySets: reports,
            outputs: written.filter { !$0.hasSuffix(".meta.json") } + maps.flatMap(\.outputs) + sidecars,
            warnings: warnings, checkedOnly: false)
    }
}

/// Wall-clock seconds per stage of one boundary set, for the run's report.
private struct StageClock {
    private(set) var seconds: [String: Double] = [:]

    mutating func time<T>(_ stage: String, _ body: () throws -> T) rethrows -> T {
        let started = Date()
        defer { seconds[stage, default: 0] += Date().timeIntervalSince(started) }
        return try body()
    }

    /// Part of one stage's time reported as another's (what a stage did first, before its own work).
    mutating func move(_ part: Double, from stage: String, to other: String) {
        seconds[stage, default: 0] -= part
        seconds[other, default: 0] += part
    }
}
