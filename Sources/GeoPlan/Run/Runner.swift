import Foundation
import GDAL
import GEOS
import PROJ

/// `geoplan run`'s engine: loads each boundary set, computes every indicator, and writes the outputs and their
/// provenance records — all of them together at the end, or none.
public enum Runner {
    /// Runs `spec` as `options` say; `events` is told each step as it starts (`RunEvent`).
    public static func run(_ spec: Spec, options: RunOptions, events: (RunEvent) -> Void = { _ in }) throws
        -> RunReport
    {
        var report = try inSpecWords(spec) {
            try withoutActuallyEscaping(events) { events in
                try SpecRun(spec, options: options, events: events).run()
            }
        }
        report.warnings = report.warnings.map { specWords($0, spec) }
        return report
    }

    /// The same with the options as arguments (see `RunOptions`); `progress` is told each step as text.
    public static func run(
        _ spec: Spec, check: Bool = false, overwrite: Bool = false, outputFolder: String? = nil,
        includeRows: Bool = false, resume: Bool = false,
        jobs: Int = ProcessInfo.processInfo.activeProcessorCount, chunkSize: Int = 400,
        partition: PartitionRequest? = nil, wait: Bool = false,
        progress: (String) -> Void = { _ in }
    ) throws -> RunReport {
        let options = RunOptions(
            check: check, overwrite: overwrite, outputFolder: outputFolder,
            includeRows: includeRows, resume: resume, jobs: jobs, chunkSize: chunkSize,
            partition: partition, wait: wait)
        return try run(spec, options: options) { progress($0.description) }
    }

    /// The per-area indicators of one boundary set, on `jobs` threads: their inputs are read first (once, on
    /// this thread), then the areas are computed in chunks. Seconds are summed over threads.
    static func computePerArea(
        _ indicators: [IndicatorSpec], spec: Spec, run: RunContext, jobs: Int,
        chunkSize: Int, events: (RunEvent) -> Void
    ) throws
        -> (results: [String: IndicatorResult], seconds: [String: Double], inputSeconds: Double)
    {
        guard !indicators.isEmpty else { return ([:], [:], 0) }
        let name = run.boundaries.spec.name
        let reading = Date()
        for indicator in indicators {
            guard let use = indicator.definition.featureInput else { continue }
            events(RunEvent(name, .readingInput(use.input)))
            _ = try locating(indicator.location, in: spec) {
                try run.store(use.input, whereClause: use.whereClause, by: use.by)
            }
        }
        for indicator in indicators {
            let definition = indicator.definition
            if definition.featureInput == nil, let input = indicator.kind.inputName {
                events(RunEvent(name, .openingInput(input)))
            }
            try locating(indicator.location, in: spec) { try definition.prepare(indicator, run) }
        }
        let inputSeconds = Date().timeIntervalSince(reading)
        let shapes = try AreaShapes(run.boundaries)
        let outcome: ParallelCompute.Outcome
        do {
            outcome = try ParallelCompute.run(
                indicators, inputs: run.inputs, specPath: run.specPath, boundarySpec: run.boundaries.spec,
                shapes: shapes,
                selected: run.selected, stores: run.stores, folder: run.folder, jobs: jobs,
                chunkSize: chunkSize
            ) { state in
                events(
                    RunEvent(
                        name,
                        .computingAreas(
                            done: state.areasDone, of: state.areas,
                            secondsLeft: state.secondsLeft)))
            }
        } catch let failure as ParallelCompute.Failure {
            guard let position = failure.indicator else { throw failure.error }
            // At the spec line of the indicator that failed, as when computed on this thread.
            try locating(indicators[position].location, in: spec) { () throws -> Void in throw failure.error }
            throw failure.error
        }
        var results: [String: IndicatorResult] = [:]
        var seconds: [String: Double] = [:]
        for (position, indicator) in indicators.enumerated() {
            var result = outcome.results[position]
            try indicator.definition.finish(indicator, &result, run)
            results[indicator.id] = result
            seconds[indicator.id] = outcome.threadSeconds[position]
        }
        return (results, seconds, inputSeconds)
    }

    /// The lon/lat box of some areas (nil when none): a partition reads only the features near its own areas.
    static func window(of positions: [Int], in boundaries: BoundarySet) throws -> GEOS.Envelope? {
        let boxes = positions.compactMap { boundaries.areas[$0].geometry.bounds }
        return boxes.dropFirst().reduce(boxes.first) { $0?.union($1) }
    }

    /// Indicators in the spec's order, expressions after what they read (a cycle is an error); n log n.
    static func evaluationOrder(_ indicators: [IndicatorSpec]) throws -> [IndicatorSpec] {
        try EvaluationOrder.of(indicators)
    }

    /// Runs `body`; a missing field or an unusable input it reports becomes an error at the spec line that named
    /// it (`spec.yaml:14:5: layer "facilities" has no field "knd" (did you mean "kind"?)…`).
    static func locating<T>(_ location: SourceLocation?, in spec: Spec, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as GDALError {
            guard let location, let path = spec.path else { throw error }
            throw SpecError(path: path, location: location, message: SpecWording.render("\(error)"))
        } catch  where spec.path != nil && location != nil && SpecWording.render("\(error)") != "\(error)" {
            throw SpecError(path: spec.path, location: location, message: SpecWording.render("\(error)"))
        }
    }

    static func rows(of run: RunContext, columns: [IndicatorColumn]) -> [ResultRow] {
        run.selected.map { run.boundaries.areas[$0] }.map { area in
            ResultRow(
                id: area.id, names: area.names.map(\.text),
                values: columns.map { column in
                    switch run.values[column.name]?[area.index] ?? .null {
                    case let .number(value): String(value)
                    case let .integer(value): String(value)
                    case let .text(value): value
                    case .null: nil
                    }
                })
        }
    }

    static func report(
        for boundaries: BoundarySet, run: RunContext, columns: [IndicatorColumn],
        counters: [String: Int], seconds: [String: Double]
    ) -> BoundaryRunReport {
        var operations = run.operations
        if let operation = boundaries.operation { operations[boundaries.spec.name] = operation }
        return BoundaryRunReport(
            name: boundaries.spec.name, path: boundaries.spec.path, areas: run.selected.count,
            crs: boundaries.sourceCRS, operations: operations, encoding: boundaries.encoding,
            repairedBoundaries: boundaries.repaired,
            columns: columns.map { column in
                let values = run.values[column.name] ?? []
                return ColumnSummary(
                    name: column.name,
                    values: run.selected.compactMap { values.indices.contains($0) ? values[$0] : nil })
            },
            counters: counters, seconds: seconds, rows: nil)
    }
}
