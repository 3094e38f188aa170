import ArgumentParser
import GeoPlan

/// `geoplan convert`: any readable vector layer to GeoJSON, GeoPackage, FlatGeobuf, CSV or Shapefile.
struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert a vector layer to GeoJSON (RFC 7946), GeoPackage, FlatGeobuf, CSV (WKT) or Shapefile.",
        discussion: """
            The output format follows the extension: .geojson/.json, .gpkg, .fgb, .csv, .shp. GeoJSON is always \
            RFC 7946: WGS 84 lon/lat, counter-clockwise exterior rings, no "crs" member, 7 decimals (about 1 cm) \
            unless --precision says otherwise. Features are streamed, so large files need little memory (except \
            FlatGeobuf, whose spatial index GDAL builds in memory: about 1.5 times the output's size). The \
            output is written beside its final place and renamed in only when complete.

            When a transformation is needed, the coordinate operation PROJ chose (and its accuracy) is reported; \
            --operation forces one, e.g. --operation EPSG:1304 for Indian 1975 → WGS 84 (2).

            Examples:
              geoplan convert shapes/tambons/phuket/phuket.shp phuket.geojson
              geoplan convert tambons.shp tambons-utm.gpkg --to-crs EPSG:32647
              geoplan convert old.shp old.geojson --encoding CP874 --assume-crs EPSG:24047
            """)

    @Argument(help: ArgumentHelp("The file to read.", valueName: "input"))
    var inputPath: String

    @Argument(help: ArgumentHelp("The file to write (format from the extension).", valueName: "output"))
    var outputPath: String

    @Option(name: .long, help: ArgumentHelp("Reproject to this CRS, e.g. EPSG:32647.", valueName: "crs"))
    var toCRS: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Force a coordinate operation (a code such as EPSG:1304, or a PROJ "
                + "pipeline).", valueName: "operation"))
    var operation: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Decimals of GeoJSON coordinates (default 7, about 1 cm).",
            valueName: "n"))
    var precision: Int = 7

    @Flag(name: .long, help: "Replace the output if it exists.")
    var overwrite = false

    @Flag(name: .long, help: "When another geoplan is writing in the output folder, wait for it instead of failing.")
    var wait = false

    @Flag(
        name: .long,
        help: ArgumentHelp(
            "Write CSV text cells as they are, even those a spreadsheet would run as formulas (=, +, -, @ first)."))
    var csvRaw = false

    @OptionGroup var input: InputArguments
    @OptionGroup var report: ReportArguments

    func validate() throws {
        guard (0...15).contains(precision) else {
            throw ValidationError("--precision must be between 0 and 15 decimals, not \(precision)")
        }
    }

    func run() throws {
        let request = ConvertRequest(
            input: inputPath, inputOptions: input.inputOptions, output: outputPath,
            targetCRS: toCRS, operation: operation, precision: precision,
            overwrite: overwrite, csvRaw: csvRaw, wait: wait)
        let progress = report.progressLine("convert")
        let result = try Converter.convert(request) { done, total in
            progress.update(done: done, total: total)
        }
        progress.finish()
        if report.json {
            try Console.printJSON(result)
        } else {
            Console.print(ConvertText.render(result))
        }
        if !report.quiet {
            for warning in result.warnings { Console.warn(warning) }
        }
    }
}
