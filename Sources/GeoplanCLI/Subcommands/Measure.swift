import ArgumentParser
import GeoPlan

/// `geoplan measure`: geodesic area and perimeter (or length) of every feature.
struct Measure: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Geodesic area and perimeter of each polygon (or length of each line), on the WGS 84 ellipsoid.",
        discussion: """
            Measures are geodesic (GeographicLib's algorithms in PROJ), whatever the layer's CRS: coordinates are \
            transformed to WGS 84 lon/lat first, and the operation used is reported. Holes are subtracted and \
            multi-polygon parts added, whatever the rings' orientation. A layer without a CRS is refused unless \
            --assume-crs names one. Prints a table (or --json, or --csv) with totals.

            Examples:
              geoplan measure shapes/tambons/phuket/phuket.shp
              geoplan measure tambons.shp --unit rai --key ADM3_PCODE --csv > areas.csv
            """)

    @Argument(help: ArgumentHelp("The file to measure.", valueName: "path"))
    var path: String

    @Option(name: .long, help: ArgumentHelp("Area unit: km2, ha, m2 or rai (default km2).", valueName: "unit"))
    var unit: String = "km2"

    @OptionGroup var naming: KeyArguments

    @Flag(name: .long, help: "Print CSV on stdout instead of a table.")
    var csv = false

    @OptionGroup var input: InputArguments
    @OptionGroup var report: ReportArguments

    func validate() throws {
        guard AreaUnit(parsing: unit) != nil else {
            throw ValidationError("--unit must be km2, ha, m2 or rai, not \"\(unit)\"")
        }
    }

    func run() throws {
        let areaUnit = AreaUnit(parsing: unit) ?? .squareKilometres
        let progress = report.progressLine("measure")
        let result = try Measurement.measure(path, options: input.inputOptions, keyField: naming.key) { done, total in
            progress.update(done: done, total: total)
        }
        progress.finish()
        if report.json {
            try Console.printJSON(result)
        } else if csv {
            Console.print(MeasureText.csv(result, unit: areaUnit))
        } else {
            Console.print(MeasureText.table(result, unit: areaUnit))
        }
        if !report.quiet {
            for warning in result.warnings { Console.warn(warning) }
        }
    }
}
