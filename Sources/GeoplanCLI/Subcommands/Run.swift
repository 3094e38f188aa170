import ArgumentParser
import Foundation
import GeoPlan

/// `geoplan run`: compute specs' indicators for every boundary set and write the outputs.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compute the indicators a spec file describes, for every boundary set, and write the outputs.",
        discussion: """
            The spec (YAML) names boundary sets, inputs (points, lines, polygons, tables) and indicators (area, \
            perimeter, compactness, count, length, share, mix, join, ratio, expression, nearest, zonal, \
            interpolate); see samples/README.md. Each boundary set gives one row per area, written as GeoJSON \
            (RFC 7946, the area code as the feature id), CSV and GeoPackage, with a provenance record \
            <name>.meta.json. Nothing partial is written: all outputs appear together at the end, or none does.

            A boundary set with municipalities: is split into the units that govern (municipal pieces and SAO \
            remainders) first; with levels: its values are also rolled up, each by its kind, to local \
            governments, tambons, districts or provinces, written with dissolved boundaries as \
            <name>-<level>.<ext> (samples/nonthaburi-local-governments.yaml).

            Several specs, or folders of them (*.yaml, *.yml), run one after another; a spec that fails is \
            reported and the others go on (exit 1 at the end). --resume skips boundary sets whose outputs were \
            made from the same spec, options and inputs (their provenance records' checksums) and rewrites the \
            others.

            Per-area indicators are computed on all cores (--jobs to choose): the areas are cut into compact \
            chunks, each computed on its own thread with its own GEOS and PROJ contexts and its own copy of the \
            geometries near it. The values do not depend on --jobs, bit for bit.

            The output folder is locked while a run writes in it: a second geoplan writing there fails at once             (or waits, with --wait). If a run is interrupted (Ctrl-C, kill, a full disk, a power cut), the             folder keeps the whole earlier set of outputs; the next geoplan there finishes or undoes the cut             commit and removes what the interrupted run staged.

            Examples:
              geoplan run samples/nonthaburi.yaml
              geoplan run samples/nonthaburi-local-governments.yaml
              geoplan run --check samples/nonthaburi.yaml
              geoplan run samples/nonthaburi.yaml --out /tmp/results --overwrite --json
              geoplan run samples/ --resume --progress json
              geoplan run national.yaml --jobs 8
              geoplan run national.yaml --partition 3/8 --out part-3   # then: geoplan merge
            """)

    @Argument(help: ArgumentHelp("Spec files, or folders of them.", valueName: "spec.yaml"))
    var specPaths: [String]

    @Flag(name: .long, help: "Skip boundary sets whose outputs are up to date; rewrite the others.")
    var resume = false

    @Flag(name: .long, help: "Validate the spec and open every input (files, layers, fields, CRS); compute nothing.")
    var check = false

    @Option(name: .long, help: ArgumentHelp("Output folder (default: the spec's output.folder).", valueName: "folder"))
    var out: String?

    @Flag(name: .long, help: "Replace outputs that exist.")
    var overwrite = false

    @Flag(name: .long, help: "When another geoplan is writing in the output folder, wait for it instead of failing.")
    var wait = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Decimals of GeoJSON coordinates (default: the spec's, else 7).",
            valueName: "n"))
    var precision: Int?

    @Flag(name: .long, help: "Write the tables without the areas' geometries.")
    var noGeometry = false

    @Flag(
        name: .long,
        help: ArgumentHelp(
            "Write CSV text cells as they are, even those a spreadsheet would run as formulas (=, +, -, @ first)."))
    var csvRaw = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Threads for the per-area indicators (default: every core, here "
                + "\(ProcessInfo.processInfo.activeProcessorCount)).", valueName: "n"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Compute and write only share K of N of the areas (whole provinces "
                + "together when the codes say which); join the shares with geoplan "
                + "merge.", valueName: "K/N"))
    var partition: String?

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1, not \(jobs)") }
        if let partition {
            do {
                _ = try PartitionRequest(parsing: partition)
            } catch {
                throw ValidationError("\(error)")
            }
        }
        if let precision, !(0...15).contains(precision) {
            throw ValidationError("--precision must be between 0 and 15 decimals, not \(precision)")
        }
    }

    @OptionGroup var report: ReportArguments

    func run() throws {
        let specs = try expand(specPaths)
        let progress = report.progressLine("run")
        let started = Date()
        var results: [RunReport] = []
        var failures = 0
        for path in specs {
            do {
                let result = try run(path, progress: progress)
                results.append(result)
                progress.finish()
                if !report.json { Console.print(RunText.render(result)) }
                if !report.quiet { result.warnings.forEach(Console.warn) }
            } catch let error as ExitCode {
                progress.finish()
                failures += 1
                if specs.count == 1 { throw error }
            } catch {
                progress.finish()
                failures += 1
                Console.error(error)
                if specs.count == 1 { throw ExitCode(ExitStatus.failure) }
            }
        }
        if report.json {
            if specs.count == 1, let only = results.first {
                try Console.printJSON(only)
            } else {
                try Console.printJSON(results)
            }
        } else if specs.count > 1 {
            Console.print(RunText.batchSummary(results, failures: failures, seconds: Date().timeIntervalSince(started)))
        }
        if failures > 0 { throw ExitCode(ExitStatus.failure) }
    }

    /// One spec: parsed (every error listed at once), adjusted by the options, run.
    private func run(_ path: String, progress: ProgressLine) throws -> RunReport {
        var spec: Spec
        do {
            spec = try SpecParser.load(path)
        } catch let first as SpecError {
            let text = (try? SpecParser.readText(path)) ?? ""
            let all = text.isEmpty ? [first] : SpecParser.diagnose(text, path: path)
            for error in all.isEmpty ? [first] : all { Console.error(error) }
            throw ExitCode(ExitStatus.failure)
        }
        if let precision { spec.output.precision = precision }
        if noGeometry { spec.output.includeGeometry = false }
        if csvRaw { spec.output.csvRaw = true }
        // --out is a path as the user typed it, so relative to the current folder (not to the spec's).
        let folder = out.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        let options = RunOptions(
            check: check, overwrite: overwrite, outputFolder: folder, resume: resume,
            jobs: jobs, partition: try partition.map(PartitionRequest.init(parsing:)), wait: wait)
        return try Runner.run(spec, options: options) { progress.update(event: $0) }
    }

    /// Spec files as given, folders replaced by their `.yaml`/`.yml` files in name order.
    private func expand(_ paths: [String]) throws -> [String] {
        try paths.flatMap { path -> [String] in
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
                return [path]
            }
            let names = try FileManager.default.contentsOfDirectory(atPath: path)
                .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
            guard !names.isEmpty else {
                throw ValidationError("the folder \(path) holds no spec (*.yaml, *.yml)")
            }
            return names.map { URL(fileURLWithPath: path).appendingPathComponent($0).path }
        }
    }
}
