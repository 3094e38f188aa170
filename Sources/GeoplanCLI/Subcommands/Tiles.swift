import ArgumentParser
import Foundation
import GeoPlan

/// `geoplan tiles`: Mapbox Vector Tiles of a layer for web maps.
struct TilesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tiles",
        abstract: "Cut a layer into Mapbox Vector Tiles (an .mbtiles file or a folder of {z}/{x}/{y}.pbf).",
        discussion: """
            Every attribute is kept as a tile property, so a web map can colour and label the areas from the \
            tiles alone. Tiles are in Web Mercator (EPSG:3857), as web maps expect; GDAL's MVT driver clips and \
            simplifies them per zoom level. A path ending in .mbtiles gives one MBTiles file; any other path a \
            folder with metadata.json. Nothing is written unless the whole tile set is made.

            Examples:
              geoplan tiles out/nonthaburi/nonthaburi-tambons.geojson /tmp/nonthaburi.mbtiles --max-zoom 14
              geoplan tiles shapes/tambons/phuket/phuket.shp /tmp/phuket-tiles --min-zoom 6 --max-zoom 12 \\
                  --layer-name tambons
            """)

    @Argument(help: ArgumentHelp("The layer to tile (any vector format GDAL reads, any CRS).", valueName: "input"))
    var inputPath: String

    @Argument(help: ArgumentHelp("An .mbtiles file, or a folder for the tiles.", valueName: "output"))
    var outputPath: String

    @Option(name: .long, help: ArgumentHelp("Lowest zoom level (0–22, default 0).", valueName: "zoom"))
    var minZoom = 0

    @Option(name: .long, help: ArgumentHelp("Highest zoom level (0–22, default 12: streets).", valueName: "zoom"))
    var maxZoom = 12

    @Option(name: .long, help: ArgumentHelp("The tile layer's name (default: the input layer's).", valueName: "name"))
    var layerName: String?

    @Flag(name: .long, help: "Replace the output if it exists.")
    var overwrite = false

    @Flag(name: .long, help: "When another geoplan is writing in the output folder, wait for it instead of failing.")
    var wait = false

    @OptionGroup var input: InputArguments
    @OptionGroup var report: ReportArguments

    func validate() throws {
        guard VectorTiles.zooms.contains(minZoom), VectorTiles.zooms.contains(maxZoom), minZoom <= maxZoom else {
            throw ValidationError("zoom levels must satisfy 0 ≤ --min-zoom ≤ --max-zoom ≤ 22")
        }
    }

    func run() throws {
        let result = try VectorTiles.write(
            VectorTiles.Request(
                input: inputPath, options: input.inputOptions, output: outputPath, minZoom: minZoom, maxZoom: maxZoom,
                layerName: layerName, overwrite: overwrite, wait: wait))
        if report.json {
            try Console.printJSON(result)
        } else {
            Console.print(
                "\(result.features) features → \(result.container) \(result.output), layer "
                    + "\"\(result.layer)\", zoom \(result.minZoom)–\(result.maxZoom)"
                    + (result.tiles.map { ", \($0) tiles" } ?? "")
                    + "\nproperties: " + result.properties.joined(separator: ", "))
        }
        if !report.quiet {
            for warning in result.warnings { Console.warn(warning) }
        }
    }
}
