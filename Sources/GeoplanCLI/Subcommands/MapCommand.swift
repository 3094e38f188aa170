import ArgumentParser
import Foundation
import GEOS
import GeoPlan

/// `geoplan map`: a choropleth of one property, as a map to look at and as map data for GIS and web apps.
struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract:
            "Classify a property and write a choropleth: SVG, offline HTML, classified GeoJSON, TopoJSON, legend.",
        discussion: """
            The property's values are classified (natural breaks: exact Fisher–Jenks over every value; quantiles; \
            equal intervals; standard deviations; or --breaks), nulls kept apart as "no data", and coloured with a \
            ColorBrewer palette. Shared borders are simplified once each (Visvalingam, 30 m by default), so \
            neighbours keep meeting without gaps or overlaps. The SVG and HTML are drawn for their size: borders \
            simplified again to half a pixel of the initial view (a national map stays a small, quick page); the \
            GeoJSON, TopoJSON and tiles keep the --simplify detail for zooming in. Writes, next to each other (or at \
            --out STEM):
              STEM.svg          the map: legend, title, scale bar, north arrow, Thai and English labels
              STEM.html         the same map in one offline page: pan, zoom, hover for names and values
              STEM.geojson      every attribute plus <indicator>_class (0 = lowest) and <indicator>_colour
              STEM.topojson     the same, with each shared border stored once (quantised arcs)
              STEM.legend.json  breaks, counts, colours and labels of the classes
            With --tiles, also Mapbox Vector Tiles of the classified areas (an .mbtiles file or a folder).
            All outputs appear together, or none does.

            Examples:
              geoplan map out/nonthaburi/nonthaburi-tambons.geojson --indicator density
              geoplan map out/nonthaburi-lg/nonthaburi-local-government.geojson --indicator population \\
                  --method quantiles --classes 4 --palette YlGnBu --title-th "ประชากร" --title-en "Population"
              geoplan map tambons.gpkg --indicator change --method manual --breaks -10,0,10 --palette RdBu
              geoplan map tambons.geojson --indicator density --tiles /tmp/density.mbtiles --max-zoom 12
            """)

    @Argument(
        help: ArgumentHelp(
            "Polygons with the property (a geoplan output, or any vector file).",
            valueName: "input"))
    var inputPath: String

    @Option(name: .long, help: ArgumentHelp("The numeric property to map.", valueName: "property"))
    var indicator: String

    @Option(
        name: .long,
        help: ArgumentHelp(
            "natural-breaks (jenks, default), quantiles, equal-interval, "
                + "standard-deviation or manual.", valueName: "method"))
    var method = "natural-breaks"

    @Option(name: .long, help: ArgumentHelp("Number of classes (default 5).", valueName: "n"))
    var classes = 5

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Upper bounds of the classes, e.g. 100,500,1000 (sets --method manual).",
            valueName: "list"))
    var breaks: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "ColorBrewer palette (default YlOrRd; add -r to reverse).",
            valueName: "name"))
    var palette = "YlOrRd"

    @Option(name: .long, help: ArgumentHelp("Title in Thai.", valueName: "text"))
    var titleTh: String?

    @Option(name: .long, help: ArgumentHelp("Title in English (default: the property's name).", valueName: "text"))
    var titleEn: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Field with each area's code (default: ADM3_PCODE or another code).",
            valueName: "field"))
    var id: String?

    @Option(
        name: .long, help: ArgumentHelp("Field with the Thai name (default: ADM3_TH, NAME_TH…).", valueName: "field"))
    var nameTh: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Field with the English name (default: ADM3_EN, NAME_EN…).",
            valueName: "field"))
    var nameEn: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Simplify the data's borders within this distance (default 30m); 0 keeps them.",
            valueName: "distance"))
    var simplify = "30m"

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Output path without extension (default: the input's, plus -<property>).",
            valueName: "stem"))
    var out: String?

    @Option(name: .long, help: ArgumentHelp("Also write vector tiles here (.mbtiles or a folder).", valueName: "path"))
    var tiles: String?

    @Option(name: .long, help: ArgumentHelp("Lowest tile zoom (default 4).", valueName: "zoom"))
    var minZoom = 4

    @Option(name: .long, help: ArgumentHelp("Highest tile zoom (default 12).", valueName: "zoom"))
    var maxZoom = 12

    @Flag(name: .long, help: "Replace the outputs if they exist.")
    var overwrite = false

    @Flag(name: .long, help: "When another geoplan is writing in the output folder, wait for it instead of failing.")
    var wait = false

    @OptionGroup var input: InputArguments
    @OptionGroup var report: ReportArguments

    func validate() throws {
        guard Simplify.metres(simplify).map({ $0 >= 0 }) ?? false else {
            throw ValidationError(
                "--simplify must be a distance such as 30m or 0.5km (0 for none), not \"\(simplify)\"")
        }
        guard VectorTiles.zooms.contains(minZoom), VectorTiles.zooms.contains(maxZoom), minZoom <= maxZoom else {
            throw ValidationError("zoom levels must satisfy 0 ≤ --min-zoom ≤ --max-zoom ≤ 22")
        }
        _ = try classificationMethod()
    }

    /// The method, with --breaks parsed; a bad name or list is a usage error.
    private func classificationMethod() throws -> ClassificationMethod {
        var parsed: [Double]?
        if let breaks {
            let items = breaks.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            let numbers = items.compactMap(Double.init)
            guard !items.isEmpty, numbers.count == items.count else {
                throw ValidationError("--breaks must be numbers separated by commas, such as 100,500,1000")
            }
            parsed = numbers
        }
        do {
            return try ClassificationMethod.named(parsed != nil ? "manual" : method, breaks: parsed)
        } catch {
            throw ValidationError("\(error)")
        }
    }

    func run() throws {
        let context = try GEOSContext()
        let layer = try MapLayer.load(
            inputPath, options: input.inputOptions, idField: id, thaiName: nameTh,
            englishName: nameEn, context: context)
        let stem = out ?? (URL(fileURLWithPath: inputPath).deletingPathExtension().path + "-\(indicator)")
        let metres = Simplify.metres(simplify) ?? 30
        let request = MapRequest(
            indicator: indicator, method: try classificationMethod(), classes: classes, palette: palette,
            title: titleTh == nil && titleEn == nil ? nil : MapName(thai: titleTh, english: titleEn ?? indicator),
            simplification: metres > 0 ? SimplificationOptions(amount: .tolerance(metres: metres)) : nil,
            outputStem: stem, overwrite: overwrite)
        let result: MapReport
        var tileReport: VectorTiles.Report?
        if let tiles {
            // The map and its tiles appear together, or neither.
            (result, tileReport) = try MapMaker.make(
                layer, request,
                tiles: VectorTiles.Request(
                    input: request.paths.geoJSON, output: tiles, minZoom: minZoom, maxZoom: maxZoom,
                    layerName: indicator, overwrite: overwrite, wait: wait), context: context, wait: wait)
        } else {
            result = try MapMaker.make(layer, request, context: context, wait: wait)
        }
        if report.json {
            try Console.printJSON(result)
        } else {
            Console.print(MapText.render(result, tiles: tileReport))
        }
        if !report.quiet {
            for warning in result.warnings { Console.warn(warning) }
        }
    }
}
