import ArgumentParser
import Foundation
import GeoPlan

/// What every one-off indicator command takes besides its own inputs.
struct OneOffArguments: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Area code field (default: ADM3_PCODE or another code field).",
            valueName: "field"))
    var id: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Name fields to copy, comma-separated (default: ADM3_TH,ADM3_EN "
                + "when present).", valueName: "fields"))
    var names: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Write to this file (.geojson, .csv, .gpkg, .fgb, .shp) instead of "
                + "printing a table.", valueName: "file"))
    var out: String?

    @Flag(name: .long, help: "Replace the output if it exists.")
    var overwrite = false

    @Flag(name: .long, help: "When another geoplan is writing in the output folder, wait for it instead of failing.")
    var wait = false

    @Flag(
        name: .long,
        help: ArgumentHelp(
            "Write CSV text cells as they are, even those a spreadsheet would run as formulas (=, +, -, @ first)."))
    var csvRaw = false

    @Option(name: .long, help: ArgumentHelp("Layer of the boundaries (default: the only layer).", valueName: "name"))
    var layer: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Text encoding of the boundaries' attributes (default: decided).",
            valueName: "encoding"))
    var encoding: String?

    @Option(name: .long, help: ArgumentHelp("CRS of the boundaries when they declare none.", valueName: "crs"))
    var assumeCRS: String?

    @Flag(
        name: .long,
        help: ArgumentHelp(
            "Shift a boundary whose longitudes all lie beyond ±180° by 360° into range (said in a warning), instead of "
                + "refusing it. A boundary that crosses ±180° is still refused."))
    var wrapLongitudes = false

    var boundaryOptions: InputOptions {
        InputOptions(layer: layer, encoding: encoding, assumeCRS: assumeCRS, wrapLongitudes: wrapLongitudes)
    }

    var nameFields: [String]? {
        names.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
    }

    /// Builds the spec, runs it, and prints the table or where the file went.
    func run(
        boundaries: String, input: (kind: InputKind, path: String)?, moreInputs: [InputSpec] = [],
        indicator: IndicatorKind, indicatorID: String? = nil, report: ReportArguments
    ) throws {
        var spec = try QuickSpec.make(
            boundaries: boundaries, options: boundaryOptions, idField: id,
            nameFields: nameFields, input: input, moreInputs: moreInputs,
            indicator: indicator, indicatorID: indicatorID, output: out)
        spec.output.csvRaw = csvRaw
        let result = try Runner.run(
            spec, options: RunOptions(overwrite: overwrite, includeRows: out == nil, wait: wait))
        if report.json {
            try Console.printJSON(result)
        } else if out == nil, let set = result.boundarySets.first {
            Console.print(OneOffText.table(set, spec: spec))
        } else {
            Console.print(RunText.render(result))
        }
        if !report.quiet {
            for warning in result.warnings { Console.warn(warning) }
        }
    }
}
