import ArgumentParser
import Foundation
import GeoPlan

/// `geoplan interpolate`: values given per source zone (a table by tambon code) carried to boundaries that do
/// not nest in them (local governments), with the conservation account.
struct InterpolateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interpolate",
        abstract: "Carry values given per source zone (a table by code) to boundaries that do not nest in them.",
        discussion: """
            Extensive values (people, households) are split by the share of each source in each boundary: by \
            ground area, or by --weights, a raster (summed: a population grid) or points (counted, or their \
            --weight-field summed: villages and their households; a point on a border counts once). Sources \
            with no weight are split by area and named. Intensive values (rates, densities) are averaged. \
            What falls outside every boundary is reported, never re-allocated: the account printed after the \
            table (and under "summary" with --json) shows the sources' total, what was carried and what fell \
            outside.

            Examples:
              geoplan interpolate shapes/municipalities/nonthaburi.gpkg \\
                shapes/tambons/nonthaburi/nonthaburi.shp --id LG_CODE \\
                --table samples/nonthaburi/population.csv --table-code tambon_code \\
                --column population --kind extensive
              geoplan interpolate shapes/municipalities/nonthaburi.gpkg \\
                shapes/tambons/nonthaburi/nonthaburi.shp --id LG_CODE \\
                --table samples/nonthaburi/population.csv --table-code tambon_code \\
                --column households --kind extensive \\
                --weights samples/nonthaburi/popgrid.asc --out lg.csv
              geoplan interpolate lg.gpkg tambons.shp --id LG_CODE \\
                --table population.csv --table-code tambon_code \\
                --column population --kind extensive \\
                --weights villages.gpkg --weight-field households --json
            """)

    @Argument(
        help: ArgumentHelp(
            "The boundaries to carry the values to (local governments).",
            valueName: "boundaries"))
    var boundaries: String

    @Argument(help: ArgumentHelp("The source zones the table's values belong to (tambons).", valueName: "sources"))
    var sources: String

    @Option(name: .long, help: ArgumentHelp("The sources' code field (default ADM3_PCODE).", valueName: "field"))
    var code = "ADM3_PCODE"

    @Option(name: .long, help: ArgumentHelp("The table of values by code (CSV, XLSX, DBF…).", valueName: "file"))
    var table: String

    @Option(name: .long, help: ArgumentHelp("The table's code column.", valueName: "column"))
    var tableCode: String

    @Option(name: .long, help: ArgumentHelp("The table's column to carry.", valueName: "column"))
    var column: String

    @Option(
        name: .long,
        help: ArgumentHelp(
            "extensive (split: people, counts) or intensive (averaged: rates).",
            valueName: "kind"))
    var kind: String

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Split by a raster's sum or by points inside, instead of by area.",
            valueName: "file"))
    var weights: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "With points --weights, sum this numeric field instead of counting "
                + "points (every point needs a number).", valueName: "field"))
    var weightField: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Code matching: thai (TH120101 = 120101, default) or exact.",
            valueName: "rule"))
    var normalize = "thai"

    @OptionGroup var common: OneOffArguments
    @OptionGroup var report: ReportArguments

    func validate() throws {
        guard ArealInterpolationKind(rawValue: kind) != nil else {
            throw ValidationError(
                "unknown --kind \"\(kind)\"; use extensive (people, counts: split) or intensive "
                    + "(rates, densities: averaged)")
        }
        guard CodeNormalization(rawValue: normalize) != nil else {
            throw ValidationError("--normalize must be thai or exact")
        }
        if weightField != nil, weights == nil {
            throw ValidationError("--weight-field sums a field of the --weights points; add --weights POINTS")
        }
    }

    func run() throws {
        let asked = QuickSpec.Interpolation(
            sources: sources, code: code, table: table, tableCode: tableCode, column: column,
            kind: ArealInterpolationKind(rawValue: kind) ?? .extensive, weights: weights, weightField: weightField,
            normalization: CodeNormalization(rawValue: normalize) ?? .thai)
        var spec = try QuickSpec.interpolation(
            asked, boundaries: boundaries, options: common.boundaryOptions,
            idField: common.id, nameFields: common.nameFields, output: common.out)
        spec.output.csvRaw = common.csvRaw
        var result = try Runner.run(
            spec,
            options: RunOptions(
                overwrite: common.overwrite, includeRows: true,
                wait: common.wait))
        let summary = try InterpolationSummary.make(spec: spec, report: result)
        if report.json {
            // The rows are printed only when they are the output.
            if common.out != nil {
                for index in result.boundarySets.indices { result.boundarySets[index].rows = nil }
            }
            try Console.printJSON(Output(summary: summary, run: result))
        } else {
            if common.out == nil, let set = result.boundarySets.first {
                Console.print(OneOffText.table(set, spec: spec))
            } else {
                Console.print(RunText.render(result))
            }
            Console.print(InterpolateText.summary(summary, column: spec.indicators[0].id))
        }
        if !report.quiet {
            for warning in result.warnings { Console.warn(warning) }
        }
    }

    /// `--json`: the account and the run's report.
    struct Output: Encodable {
        var summary: InterpolationSummary
        var run: RunReport
    }
}
