import Foundation
import GDAL
import GEOS
import PROJ

/// `geoplan run`'s engine: loads each boundary set, computes every indicator, and writes the outputs and their
/// provenance records — all of them together at the end, or none.
public enum Runner {
    /// - Parameters:
    ///   - check: validate the spec and open every input (files, layers, fields, CRS) without computing.
    ///   - outputFolder: overrides the spec's output folder.
    ///   - progress: told what is being done ("tambons: count schools").
    ///   - includeRows: put every area's values in the report (for printing a table).
    ///   - resume: skip boundary sets whose outputs were made from the same spec, options and inputs (by the
    ///     checksums of their provenance record); rewrite the others.
    ///   - jobs: threads computing the per-area indicators (the results do not depend on it).
    ///   - chunkSize: at most this many areas per chunk of work (tests make it small to split tiny sets).
    ///   - partition: compute and write only share K of N of each boundary set's areas (whole provinces when the
    ///     codes say which), with a record `geoplan merge` uses to join the shares.
    ///   - wait: when another geoplan is writing in the output folder, wait for it instead of failing.
    public static func run(_ spec: Spec, check: Bool = false, overwrite: Bool = false, outputFolder: String? = nil,
                           includeRows: Bool = false, resume: Bool = false,
                           jobs: Int = ProcessInfo.processInfo.activeProcessorCount, chunkSize: Int = 400,
                           partition: PartitionRequest? = nil, wait: Bool = false,
                           progress: (String) -> Void = { _ in }) throws -> RunReport {
        var report = try inSpecWords(spec) {
            try runInCallersWords(spec, check: check, overwrite: overwrite, outputFolder: outputFolder,
                                  includeRows: includeRows, resume: resume, jobs: jobs, chunkSize: chunkSize,
                                  partition: partition, wait: wait, progress: progress)
        }
        report.warnings = report.warnings.map { specWords($0, spec) }
        return report
    }

    private static func runInCallersWords(_ spec: Spec, check: Bool, overwrite: Bool, outputFolder: String?,
                                          includeRows: Bool, resume: Bool, jobs: Int, chunkSize: Int,
                                          partition: PartitionRequest?, wait: Bool,
                                          progress: (String) -> Void) throws -> RunReport {
        let folder = spec.path.map { URL(fileURLWithPath: $0).deletingLastPathComponent().path }
        let outputs = BoundarySet.resolve(outputFolder ?? spec.output.folder, in: folder)
        let order = try evaluationOrder(spec.indicators)
        let context = try GEOSContext()
        var reports: [BoundaryRunReport] = []
        var written: [String] = []
        var maps: [MapReport] = []
        var warnings: [String] = []
        let started = Date()
        let inputs = inputFiles(of: spec, folder: folder)
        try checkOutputsSpareInputs(spec, outputs: outputs, inputs: inputs)
        // Locked for the whole run, before --resume reads the earlier outputs: a second run waits or fails now.
        let outputSet = OutputSet(inputs: inputs, overwrite: overwrite || resume, wait: wait)
        if !check, !spec.output.formats.isEmpty {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: outputs, isDirectory: &isFolder), !isFolder.boolValue {
                throw GeoPlanError.output(path: outputs, reason: "it is a file, not a folder; set `output.folder` "
                                          + "(or --out) to a folder")
            }
            try FileManager.default.createDirectory(atPath: outputs, withIntermediateDirectories: true)
            try outputSet.lock(folder: outputs)
            if !overwrite, !resume { try checkNoOutputExists(spec, outputs: outputs) }
        } else if check {
            // A check writes nothing, but puts the folder back in order after a run that was killed while committing.
            warnings += try OutputSet.recoverInterrupted(in: outputs)
        }

        for boundarySpec in spec.boundaries {
            let warningsBefore = warnings.count
            let stagedBefore = outputSet.count
            if partition != nil, !boundarySpec.levels.isEmpty {
                throw GeoPlanError.input(path: spec.path ?? "spec", reason: "\(boundarySpec.name) rolls up to levels, "
                                         + "which need all of its areas; run it without --partition")
            }
            let levelPaths = boundarySpec.levels.map { level in
                spec.output.formats.map { format in
                    levelPath(outputs, boundary: boundarySpec.name, level: level.level, format: format)
                }
            }
            let paths = spec.output.formats.map { format in
                URL(fileURLWithPath: outputs).appendingPathComponent("\(boundarySpec.name).\(format.extensions[0])").path
            }
            let sidecar = URL(fileURLWithPath: outputs).appendingPathComponent("\(boundarySpec.name).meta.json").path
            if resume, !check, !includeRows,
               Provenance.isUpToDate(sidecar: sidecar, outputs: paths + levelPaths.joined(), spec: spec, boundary: boundarySpec,
                                     folder: folder, partition: partition) {
                progress("\(boundarySpec.name): up to date")
                reports.append(BoundaryRunReport(
                    name: boundarySpec.name, path: boundarySpec.path, areas: 0, crs: "", operations: [:],
                    encoding: EncodingReport(name: "", source: "", summary: ""), repairedBoundaries: 0, columns: [],
                    counters: [:], seconds: [:], rows: nil, upToDate: true))
                continue
            }
            progress("\(boundarySpec.name): loading boundaries")
            var boundaries = try locating(boundarySpec.location, in: spec) {
                try BoundarySet.load(boundarySpec, folder: folder, context: context)
            }
            var municipalityNames: [String] = []
            if let municipalities = boundarySpec.municipalities {
                progress("\(boundarySpec.name): splitting the tambons by the municipalities")
                let units = try GovernedUnits.build(tambons: boundaries, municipalities: municipalities,
                                                    folder: folder, context: context) {
                    progress("\(boundarySpec.name): \($0)")
                }
                boundaries = units.set
                municipalityNames = units.municipalityNameFields
                warnings += units.notes
            }
            warnings += boundaries.warnings
            let share = partition.map { request in
                let (keys, groupedBy) = PartitionPlan.groupKeys(ids: boundaries.areas.map(\.id))
                return PartitionPlan.record(keys: keys, groupedBy: groupedBy, request: request)
            }
            let run = RunContext(spec: spec, boundaries: boundaries, context: context, folder: folder,
                                 window: try share.flatMap { try window(of: $0.positions, in: boundaries) },
                                 partition: share)
            let levelGroups = try levelGroups(boundarySpec, run: run, municipalityNames: municipalityNames)
            if check {
                for indicator in spec.indicators {
                    try locating(indicator.location, in: spec) { try checkInputs(of: indicator, run) }
                }
            }
            let plans = try columnPlans(boundarySpec, run: run, levels: levelGroups, progress: progress)
            (run.columnPlan, run.levelColumnPlans) = (plans.areas, plans.levels)
            warnings += plans.notes
            if check {
                reports.append(report(for: boundaries, run: run, columns: [], counters: [:], seconds: [:]))
                continue
            }
            var columns: [IndicatorColumn] = []
            var counters: [String: Int] = [:]
            var seconds: [String: Double] = [:]
            let perArea = try computePerArea(order.filter(\.kind.isPerArea), spec: spec, run: run, jobs: jobs,
                                             chunkSize: chunkSize, progress: progress)
            for indicator in order {
                var result: IndicatorResult
                if let computed = perArea.results[indicator.id] {
                    result = computed
                    seconds[indicator.id] = perArea.seconds[indicator.id]
                } else {
                    progress("\(boundarySpec.name): \(indicator.kind.typeName) \(indicator.id)")
                    let clock = Date()
                    result = try locating(indicator.location, in: spec) { try indicator.computer().compute(run) }
                    seconds[indicator.id] = Date().timeIntervalSince(clock)
                }
                try plans.areas.confirm(result.columns, of: indicator)
                result.nullNonFinite(indicator: indicator.id)
                for (position, column) in result.columns.enumerated() {
                    run.values[column.name] = result.rows.map { $0[position] }
                }
                columns += result.columns
                counters.merge(result.counters) { $1 }
                counters.merge(result.inputCounters) { $1 }
                warnings += result.warnings
            }
            warnings += run.inputWarnings
            // Columns in the spec's order, whatever order expressions were evaluated in (grouped once: a filter per
            // indicator made 40,000 indicators take 1.6 billion comparisons).
            let columnsByIndicator = Dictionary(grouping: columns, by: \.indicator)
            let ordered = spec.indicators.flatMap { columnsByIndicator[$0.id] ?? [] }
            for (format, path) in zip(spec.output.formats, paths) {
                try OutputTable.write(run.resultTable(columns: ordered), to: path, format: format,
                                      overwrite: overwrite || resume, options: TableOptions(spec.output), in: outputSet)
                written.append(path)
            }
            let levels = try rollUp(levelGroups, run: run, order: order, columns: ordered, jobs: jobs,
                                    chunkSize: chunkSize, progress: progress)
            for (level, paths) in zip(levels, levelPaths) {
                warnings += level.warnings
                for (format, path) in zip(spec.output.formats, paths) {
                    try OutputTable.write(level.run.resultTable(columns: ordered), to: path, format: format,
                                          overwrite: overwrite || resume, options: TableOptions(spec.output),
                                          in: outputSet)
                    written.append(path)
                }
            }
            maps += try Self.maps(spec, run: run, columns: ordered, folder: outputs, stem: boundarySpec.name,
                                  overwrite: overwrite || resume, in: outputSet, warnings: &warnings)
            for level in levels {
                maps += try Self.maps(spec, run: level.run, columns: ordered, folder: outputs,
                                      stem: "\(boundarySpec.name)-\(level.level.fileStem)", overwrite: overwrite || resume,
                                      in: outputSet, warnings: &warnings)
            }
            var boundaryReport = report(for: boundaries, run: run, columns: ordered, counters: counters,
                                        seconds: seconds)
            if includeRows { boundaryReport.rows = rows(of: run, columns: ordered) }
            reports.append(boundaryReport)
            guard !spec.output.formats.isEmpty else { continue }
            try outputSet.stage(try Provenance.record(spec: spec, boundaries: boundaries, run: run,
                                                      report: boundaryReport, columns: ordered,
                                                      warnings: warnings[warningsBefore...].map { specWords($0, spec) },
                                                      started: started,
                                                      outputs: outputSet.stagedFiles(from: stagedBefore)),
                                at: sidecar, inputs: inputs)
            written.append(sidecar)
        }
        guard !check else {
            return RunReport(spec: spec.path, boundarySets: reports, outputs: [], warnings: warnings, checkedOnly: true)
        }
        // Everything is computed and staged: now, and only now, the outputs appear, all together.
        try outputSet.commit()
        warnings += outputSet.warnings + maps.flatMap(\.warnings)
        let sidecars = written.filter { $0.hasSuffix(".meta.json") }
        return RunReport(spec: spec.path, boundarySets: reports,
                         outputs: written.filter { !$0.hasSuffix(".meta.json") } + maps.flatMap(\.outputs) + sidecars,
                         warnings: warnings, checkedOnly: false)
    }

    /// The per-area indicators of one boundary set, on `jobs` threads: their inputs are read first (once, on
    /// this thread), then the areas are computed in chunks. Seconds are summed over threads.
    static func computePerArea(_ indicators: [IndicatorSpec], spec: Spec, run: RunContext, jobs: Int,
                                       chunkSize: Int, progress: (String) -> Void) throws
        -> (results: [String: IndicatorResult], seconds: [String: Double])
    {
        guard !indicators.isEmpty else { return ([:], [:]) }
        let name = run.boundaries.spec.name
        for indicator in indicators {
            guard let (input, whereClause, by) = indicator.kind.featureInput else { continue }
            progress("\(name): reading \(input)")
            _ = try locating(indicator.location, in: spec) { try run.store(input, whereClause: whereClause, by: by) }
        }
        for indicator in indicators {
            if case let .zonal(request) = indicator.kind {
                progress("\(name): opening \(request.input)")
                try locating(indicator.location, in: spec) { try run.checkRasters(of: request) }
            }
            if case let .interpolate(request) = indicator.kind {
                try locating(indicator.location, in: spec) { try Self.checkSources(of: request, run: run) }
            }
        }
        let shapes = try AreaShapes(run.boundaries)
        let outcome: ParallelCompute.Outcome
        do {
            outcome = try ParallelCompute.run(
                indicators, spec: spec, boundarySpec: run.boundaries.spec, shapes: shapes,
                selected: run.selected, stores: run.stores, folder: run.folder, jobs: jobs,
                chunkSize: chunkSize
            ) { state in
                let eta = state.areasDone > 0 && state.areasDone < state.areas
                    ? ", about \(Int((state.seconds / Double(state.areasDone) * Double(state.areas - state.areasDone)).rounded())) s left"
                    : ""
                progress("\(name): \(state.areasDone)/\(state.areas) areas computed\(eta)")
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
            if case let .interpolate(request) = indicator.kind {
                try Self.reportInterpolation(indicator.id, request, run: run, result: &result)
            }
            if case let .zonal(request) = indicator.kind {
                // Only the whole run knows that a class occurs under no area.
                let absent = request.classes.filter { value in
                    request.bands.allSatisfy { band in
                        let prefix = ZonalIndicator.prefix(indicator.id, band: band, of: request)
                        return result.counters[ZonalIndicator.classCounter(prefix, value)] == 0
                    }
                }
                if !absent.isEmpty {
                    result.warnings.append("\(indicator.id): class value(s) "
                        + absent.map(SpecReader.numberText).joined(separator: ", ")
                        + " occur under no area; check the classes against the raster's values (gdalinfo -hist)")
                }
            }
            results[indicator.id] = result
            seconds[indicator.id] = outcome.threadSeconds[position]
        }
        return (results, seconds)
    }

    /// Before interpolating: every source zone has a code, found once (a tambon in two rows would be counted
    /// twice), and the weights (a raster, or points read once for every worker) open.
    private static func checkSources(of request: InterpolationRequest, run: RunContext) throws {
        let store = try run.store(request.from, whereClause: nil, by: request.code)
        var seen = Set<String>()
        for code in store.classes {
            guard let code, !code.isEmpty else {
                throw GeoPlanError.input(path: store.input.path, reason: "a source zone has no \(request.code); "
                                         + "every zone needs its code to find its value")
            }
            guard seen.insert(AreaCode.normalize(code, thai: request.normalization == .thai) ?? code).inserted else {
                throw GeoPlanError.input(path: store.input.path, reason: "\(request.code) \"\(code)\" is on two "
                                         + "features; merge them (ogr2ogr -dialect sqlite … GROUP BY) so each zone is one")
            }
        }
        try InterpolateIndicator.checkWeights(request, run: run)
    }

    /// After interpolating: the sources split by area for want of weight, and (extensive values, whole runs) how
    /// much of the sources' total falls outside every area — reported, never re-allocated.
    private static func reportInterpolation(_ id: String, _ request: InterpolationRequest, run: RunContext,
                                            result: inout IndicatorResult) throws {
        let prefix = id + InterpolateIndicator.fallBackPrefix
        let fellBack = result.counters.keys.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
        for key in result.counters.keys where key.hasPrefix(prefix) { result.counters[key] = nil }
        result.counters[InterpolateIndicator.splitByAreaCounter(id)] = fellBack.count
        if !fellBack.isEmpty {
            result.warnings.append("\(id): \(fellBack.count) source zones have no weight and were split by area: "
                                   + fellBack.sorted().prefix(10).joined(separator: ", ") + (fellBack.count > 10 ? ", …" : ""))
        }
        let store = try run.store(request.from, whereClause: nil, by: request.code)
        let values = try InterpolateIndicator.values(request, run: run)
        result.warnings += try InterpolateIndicator.tableNotes(request, run: run)
        let sourceValues = InterpolateIndicator.sourceValues(store.classes, values, request)
        let withoutValue = zip(store.classes, sourceValues).filter { $0.1 == nil }.map { $0.0 ?? "?" }
        if !withoutValue.isEmpty {
            result.warnings.append("\(id): \(withoutValue.count) source zones have no value in \(request.table) "
                                   + "(extensive: the areas taking part of them get null; intensive: averaged without them): " + withoutValue.sorted().prefix(10)
                                   .joined(separator: ", ") + (withoutValue.count > 10 ? ", …" : ""))
        }
        guard request.kind == .extensive, run.partition == nil else { return }
        let total = sourceValues.compactMap { $0 }.reduce(0, +)
        let carried = result.rows.compactMap { $0.first?.number }.reduce(0, +)
        let outside = total - carried
        guard total != 0, abs(outside) > 1e-9 * abs(total) else { return }
        result.warnings.append("\(id): \(Self.amount(outside)) of the sources' \(Self.amount(total)) "
                               + "(\(Self.amount(outside / total * 100)) %) fall outside every area and are not "
                               + "carried (not re-allocated to the areas)")
    }

    private static func amount(_ value: Double) -> String {
        value.formatted(.number.precision(.significantDigits(1...6)))
    }

    /// The lon/lat box of some areas (nil when none): a partition reads only the features near its own areas.
    private static func window(of positions: [Int], in boundaries: BoundarySet) throws -> GEOS.Envelope? {
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
        } catch where spec.path != nil && location != nil && SpecWording.render("\(error)") != "\(error)" {
            throw SpecError(path: spec.path, location: location, message: SpecWording.render("\(error)"))
        }
    }

    /// `--check`: the inputs an indicator reads open, have the fields it names, and a CRS (tables excepted).
    private static func checkInputs(of indicator: IndicatorSpec, _ run: RunContext) throws {
        switch indicator.kind {
        case let .count(input, whereClause, by), let .length(input, whereClause, by):
            _ = try run.features(input, whereClause: whereClause, by: by)
        case let .share(input, by, whereClause), let .mix(input, by, whereClause):
            _ = try run.features(input, whereClause: whereClause, by: by)
        case let .nearest(input, whereClause):
            _ = try run.features(input, whereClause: whereClause, by: nil)
        case let .join(input, column, _, _):
            let table = try run.table(input)
            if table.column(column) == nil {
                throw GDALError.noSuchField(layer: input, name: column, available: table.columns)
            }
        case let .zonal(request):
            try run.checkRasters(of: request)
        case let .interpolate(request):
            _ = try run.features(request.from, whereClause: nil, by: request.code)
            _ = try InterpolateIndicator.values(request, run: run)
            try InterpolateIndicator.checkWeights(request, run: run)
        case .area, .perimeter, .compactness, .expression:
            break
        }
    }

    private static func rows(of run: RunContext, columns: [IndicatorColumn]) -> [ResultRow] {
        run.selected.map { run.boundaries.areas[$0] }.map { area in
            ResultRow(id: area.id, names: area.names.map(\.text), values: columns.map { column in
                switch run.values[column.name]?[area.index] ?? .null {
                case let .number(value): String(value)
                case let .integer(value): String(value)
                case let .text(value): value
                case .null: nil
                }
            })
        }
    }

    private static func report(for boundaries: BoundarySet, run: RunContext, columns: [IndicatorColumn],
                               counters: [String: Int], seconds: [String: Double]) -> BoundaryRunReport {
        var operations = run.operations
        if let operation = boundaries.operation { operations[boundaries.spec.name] = operation }
        return BoundaryRunReport(
            name: boundaries.spec.name, path: boundaries.spec.path, areas: run.selected.count,
            crs: boundaries.sourceCRS, operations: operations, encoding: boundaries.encoding,
            repairedBoundaries: boundaries.repaired,
            columns: columns.map { column in
                let values = run.values[column.name] ?? []
                return ColumnSummary(name: column.name, values: run.selected.compactMap { values.indices.contains($0) ? values[$0] : nil })
            },
            counters: counters, seconds: seconds, rows: nil)
    }
}
