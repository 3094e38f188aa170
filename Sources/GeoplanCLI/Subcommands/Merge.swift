import ArgumentParser
import GeoPlan

/// `geoplan merge`: the outputs of `geoplan run --partition K/N` put back together into one output.
struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Merge the outputs of `geoplan run --partition K/N` into the output a single run writes.",
        discussion: """
            Each part is one partition's output file (.geojson, .csv or .gpkg, the output's format), with the \
            provenance record geoplan wrote beside it (<name>.meta.json), which says which areas the part holds. \
            Parts may be given in any order. Before writing anything, merge checks that every part comes from the \
            same run (spec text, input checksums, output options), that each of the N partitions is there once, \
            and that together they hold every area exactly once.

            Rows are written in the boundary layer's order. CSV and GeoJSON outputs are byte for byte what a \
            single run writes (the GeoJSON bbox is the union of the parts'); a GeoPackage has the same layer and \
            features. The merged provenance record <name>.meta.json lists the parts and their checksums; merging \
            the other formats of the same run into the same folder adds to it. The output is written beside its \
            final place and renamed in only when complete.

            Examples:
              geoplan merge out/tambons.geojson part-*/tambons.geojson
              geoplan merge out/tambons.csv part-1/tambons.csv part-2/tambons.csv
              geoplan merge out/tambons.gpkg part-*/tambons.gpkg --overwrite --json
            """)

    @Argument(help: ArgumentHelp("The file to write (.geojson, .csv or .gpkg).", valueName: "output"))
    var outputPath: String

    @Argument(help: ArgumentHelp("Every partition's output file, in any order.", valueName: "part"))
    var partPaths: [String]

    @Flag(name: .long, help: "Replace the output if it exists.")
    var overwrite = false

    @Flag(name: .long, help: "When another geoplan is writing in the output folder, wait for it instead of failing.")
    var wait = false

    @OptionGroup var report: ReportArguments

    func run() throws {
        let progress = report.progressLine("merge")
        let result = try Merger.merge(
            MergeRequest(output: outputPath, parts: partPaths, overwrite: overwrite, wait: wait)
        ) {
            done, total in progress.update(done: done, total: total)
        }
        progress.finish()
        if report.json {
            try Console.printJSON(result)
        } else {
            Console.print(MergeText.render(result))
        }
        if !report.quiet {
            for warning in result.warnings { Console.warn(warning) }
        }
    }
}
