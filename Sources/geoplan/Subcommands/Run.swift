import ArgumentParser
import Foundation
import GeoPlan

/// `geoplan run`: compute a spec's indicators for every boundary set and write the outputs.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compute the indicators a spec file describes, for every boundary set, and write the outputs.",
        discussion: """
            The spec (YAML) names boundary sets, inputs (points, lines, polygons, tables) and indicators (area, \
            perimeter, compactness, count, length, share, mix, join, ratio, expression, nearest); see \
            samples/README.md. Each boundary set gives one row per area, written as GeoJSON (RFC 7946, the area \
            code as the feature id), CSV and GeoPackage, with a provenance record <name>.meta.json. Nothing \
            partial is written: all outputs appear together at the end, or none does.

            Examples:
              geoplan run samples/nonthaburi.yaml
              geoplan run --check samples/nonthaburi.yaml
              geoplan run samples/nonthaburi.yaml --out /tmp/results --overwrite --json
            """)

    @Argument(help: ArgumentHelp("The spec file.", valueName: "spec.yaml"))
    var specPath: String

    @Flag(name: .long, help: "Validate the spec and open every input (files, layers, fields, CRS); compute nothing.")
    var check = false

    @Option(name: .long, help: ArgumentHelp("Output folder (default: the spec's output.folder).", valueName: "folder"))
    var out: String?

    @Flag(name: .long, help: "Replace outputs that exist.")
    var overwrite = false

    @Option(name: .long, help: ArgumentHelp("Decimals of GeoJSON coordinates (default: the spec's, else 7).",
                                            valueName: "n"))
    var precision: Int?

    @Flag(name: .long, help: "Write the tables without the areas' geometries.")
    var noGeometry = false

    func validate() throws {
        if let precision, !(0...15).contains(precision) {
            throw ValidationError("--precision must be between 0 and 15 decimals, not \(precision)")
        }
    }

    @OptionGroup var report: ReportArguments

    func run() throws {
        var spec: Spec
        do {
            spec = try SpecParser.load(specPath)
        } catch let first as SpecError {
            // Show every problem of the spec at once, not one per attempt.
            let text = (try? String(contentsOfFile: specPath, encoding: .utf8)) ?? ""
            let all = text.isEmpty ? [first] : SpecParser.diagnose(text, path: specPath)
            for error in all.isEmpty ? [first] : all { Console.error(error) }
            throw ExitCode(ExitStatus.failure)
        }
        if let precision { spec.output.precision = precision }
        if noGeometry { spec.output.includeGeometry = false }
        let progress = ProgressLine(label: "run", quiet: report.quiet)
        let result = try Runner.run(spec, check: check, overwrite: overwrite, outputFolder: out) { step in
            progress.update(step: step)
        }
        progress.finish()
        if report.json {
            try Console.printJSON(result)
        } else {
            Console.print(RunText.render(result))
        }
        if !report.quiet {
            for warning in result.warnings { Console.warn(warning) }
        }
    }
}
