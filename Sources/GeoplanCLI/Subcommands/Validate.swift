import ArgumentParser
import GeoPlan

/// `geoplan validate`: list every invalid or empty geometry, and optionally write a repaired copy.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List invalid or empty geometries (exit 3 when any); with --fix, write a repaired copy.",
        discussion: """
            Each problem is listed with its feature id, key field (e.g. ADM3_PCODE), GEOS's reason and location. \
            --fix repairs with GEOS MakeValid ("structure" method), keeping polygons polygons: lines and points \
            that a repair leaves behind are dropped, and a geometry that collapses entirely is reported. The \
            input is never modified; the repaired copy is written to a new file (format from its extension). \
            With --fix the exit \
            status is 0 once the copy is written; the report says what could not be repaired (empty or missing \
            geometries are copied as they are).

            Examples:
              geoplan validate shapes/tambons/phuket/phuket.shp
              geoplan validate tambons.shp --fix tambons-fixed.gpkg
              geoplan validate tambons.shp --key ADM3_PCODE --json
            """)

    @Argument(help: ArgumentHelp("The file to check.", valueName: "path"))
    var path: String

    @Option(name: .long, help: ArgumentHelp("Write a repaired copy to this file.", valueName: "output"))
    var fix: String?

    @OptionGroup var naming: KeyArguments

    @Flag(name: .long, help: "Replace the --fix output if it exists.")
    var overwrite = false

    @Flag(name: .long, help: "When another geoplan is writing in the output folder, wait for it instead of failing.")
    var wait = false

    @OptionGroup var input: InputArguments
    @OptionGroup var report: ReportArguments

    func run() throws {
        let progress = report.progressLine("validate")
        let result = try Validation.validate(
            path, options: input.inputOptions, keyField: naming.key, repairTo: fix,
            overwrite: overwrite, wait: wait
        ) { done, total in
            progress.update(done: done, total: total)
        }
        progress.finish()
        if report.json {
            try Console.printJSON(result)
        } else {
            Console.print(ValidateText.render(result))
        }
        if !report.quiet {
            for warning in result.warnings { Console.warn(warning) }
        }
        if result.problemCount > 0 && fix == nil {
            throw ExitCode(ExitStatus.invalidGeometries)
        }
    }
}
