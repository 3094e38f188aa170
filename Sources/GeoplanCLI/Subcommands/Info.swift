import ArgumentParser
import GeoPlan

/// `geoplan info`: what is in a vector file, in a planner's words.
struct Info: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Describe a vector file (layers, features, geometry types, CRS, extent, fields, encoding, validity) "
            + "or a raster (size, pixel, CRS, extent, bands).",
        discussion: """
            Reads every feature once to count geometry types and check validity with GEOS, and (when the layer \
            has a CRS) adds up geodesic areas on the WGS 84 ellipsoid. The extent is also given in lon/lat.

            Examples:
              geoplan info shapes/tambons/phuket/phuket.shp
              geoplan info boundaries.gpkg --layer tambons --json
              geoplan info old-tambons.shp --encoding CP874
              geoplan info samples/nonthaburi/popgrid.asc
            """)

    @Argument(help: ArgumentHelp("The file or folder to describe.", valueName: "path"))
    var path: String

    @OptionGroup var input: InputArguments
    @OptionGroup var report: ReportArguments

    func run() throws {
        let progress = report.progressLine("info")
        let result = try Inspection.inspect(path, options: input.inputOptions) { done, total in
            progress.update(done: done, total: total)
        }
        progress.finish()
        if report.json {
            try Console.printJSON(result)
        } else {
            Console.print(InfoText.render(result))
        }
        if !report.quiet {
            for warning in result.layers.flatMap(\.warnings) + (result.raster?.warnings ?? []) { Console.warn(warning) }
        }
    }
}
