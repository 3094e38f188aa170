import Foundation
import GDAL
import GEOS

/// What `geoplan map` makes of one property of a layer.
public struct MapRequest: Sendable {
    /// The numeric property to colour the areas by.
    public var indicator: String
    public var method: ClassificationMethod
    public var classes: Int
    /// A ColorBrewer scheme (`YlOrRd`, `RdBu-r`…).
    public var palette: String
    /// Defaults to the indicator's name.
    public var title: MapName?
    /// How the borders are simplified for the map files, each shared border once (nil: not at all).
    public var simplification: SimplificationOptions?
    /// Outputs are `<stem>.svg`, `.html`, `.legend.json`, `.geojson` (classified) and `.topojson`.
    public var outputStem: String
    public var overwrite: Bool
    public var render: MapRenderOptions

    public init(
        indicator: String, method: ClassificationMethod = .naturalBreaks, classes: Int = 5,
        palette: String = "YlOrRd", title: MapName? = nil,
        simplification: SimplificationOptions? = SimplificationOptions(amount: .tolerance(metres: 30)),
        outputStem: String, overwrite: Bool = false, render: MapRenderOptions = MapRenderOptions()
    ) {
        self.indicator = indicator
        self.method = method
        self.classes = classes
        self.palette = palette
        self.title = title
        self.simplification = simplification
        self.outputStem = outputStem
        self.overwrite = overwrite
        self.render = render
    }

    /// Where each output goes.
    public var paths: (svg: String, html: String, legend: String, geoJSON: String, topoJSON: String) {
        (
            outputStem + ".svg", outputStem + ".html", outputStem + ".legend.json", outputStem + ".geojson",
            outputStem + ".topojson"
        )
    }
}

/// What a map run made and decided.
public struct MapReport: Sendable, Codable {
    public var input: String
    public var indicator: String
    public var features: Int
    public var legend: Legend
    public var simplification: SimplificationReport?
    public var outputs: [String]
    public var warnings: [String]
}

/// `geoplan map`: classifies a property, colours the areas, simplifies their shared borders once, and writes the
/// map to look at (SVG, offline HTML) and the map data for GIS and web apps (classified GeoJSON with
/// `<indicator>_class` and `<indicator>_colour`, TopoJSON, the legend as JSON) — all of them, or none.
public enum MapMaker {
    public static func make(
        _ layer: MapLayer, _ request: MapRequest, context: GEOSContext,
        wait: Bool = false
    ) throws -> MapReport {
        let outputs = OutputSet(inputs: InputFiles([layer.path]), overwrite: request.overwrite, wait: wait)
        var report = try prepare(layer, request, context: context, in: outputs)
        try outputs.commit()
        report.warnings += outputs.warnings
        return report
    }

    /// The map and its vector tiles (`tiles`, cut from the map's classified GeoJSON, whatever its `input` says),
    /// committed together: both appear, or neither.
    public static func make(
        _ layer: MapLayer, _ request: MapRequest, tiles: VectorTiles.Request,
        context: GEOSContext, wait: Bool = false
    ) throws -> (MapReport, VectorTiles.Report) {
        let outputs = OutputSet(inputs: InputFiles([layer.path]), overwrite: request.overwrite, wait: wait)
        var report = try prepare(layer, request, context: context, in: outputs)
        var tileRequest = tiles
        let geoJSON = OutputTarget.canonical(request.paths.geoJSON)
        guard let staged = outputs.stagedFiles().first(where: { OutputTarget.canonical($0.final) == geoJSON }) else {
            throw GeoPlanError.output(path: request.paths.geoJSON, reason: "the map's GeoJSON was not staged")
        }
        tileRequest.input = staged.staged
        let tileReport = try VectorTiles.write(tileRequest, in: outputs)
        try outputs.commit()
        report.outputs.append(tiles.output)
        report.warnings += outputs.warnings
        return (report, tileReport)
    }

    /// Everything made and staged in `outputs`, nothing in place yet: a run commits its maps with its other outputs.
    static func prepare(
        _ layer: MapLayer, _ request: MapRequest, context: GEOSContext,
        in outputs: OutputSet
    ) throws -> MapReport {
        let paths = request.paths
        let inputs = [layer.path]
        // Every target is checked before any work.
        let geoJSONTarget = try OutputTarget(path: paths.geoJSON, overwrite: request.overwrite, inputs: inputs)
        let topoJSONTarget = try OutputTarget(
            topoJSONPath: paths.topoJSON, overwrite: request.overwrite, inputs: inputs)
        for path in [paths.svg, paths.html, paths.legend] {
            try TextOutput.check(path, overwrite: request.overwrite, inputs: inputs)
        }

        let values = try layer.numbers(of: request.indicator)
        let classification = try Classifier.classify(
            values, property: request.indicator, method: request.method,
            classes: request.classes)
        let legend = try Legend(classification: classification, palette: try Palette.named(request.palette))

        var topology = try Topology(zip(layer.ids, layer.geometries).map { TopologyInput(id: $0, geometry: $1) })
        var simplification: SimplificationReport?
        var geometries = layer.geometries
        if let options = request.simplification {
            let simplified = try TopologySimplifier.simplify(topology, options, context: context)
            topology = simplified.topology
            simplification = simplified.report
            geometries = try layer.geometries.indices.map { try simplified.geometry(of: $0, context: context) }
        }

        // The SVG and the page draw at their frame's scale; the GeoJSON and TopoJSON keep the detail asked for.
        var document = Self.document(layer, values: values, legend: legend, request: request)
        let drawn = try DrawingSimplifier.rings(
            of: topology, document: document, options: request.render, context: context)
        for index in document.features.indices { document.features[index].rings = drawn?[index] ?? [] }
        let properties = Self.properties(layer, values: values, legend: legend, indicator: request.indicator)
        let writer = try ClassifiedLayerWriter(
            target: geoJSONTarget, layer: layer, indicator: request.indicator,
            in: outputs)
        for (index, geometry) in geometries.enumerated() {
            try writer.write(
                index, geometry: geometry, classIndex: properties[index].classIndex,
                colour: properties[index].colour)
        }
        try writer.close()
        let topoJSON = try TopoJSONWriter.encoded(
            topology, properties: properties.map(\.json),
            options: TopoJSONOptions())
        let files: [(path: String, data: Data)] = [
            (paths.svg, Data(try SVGMap.render(document, options: request.render).utf8)),
            (paths.html, Data(try HTMLMap.render(document, options: request.render).utf8)),
            (paths.legend, try legend.jsonData()),
            (topoJSONTarget.path, topoJSON.data),
        ]
        for file in files { try outputs.stage(file.data, at: file.path, inputs: InputFiles(inputs)) }
        return MapReport(
            input: layer.path, indicator: request.indicator, features: layer.ids.count,
            legend: legend, simplification: simplification,
            outputs: [paths.svg, paths.html, paths.legend, paths.geoJSON, paths.topoJSON],
            warnings: layer.warnings + legend.warnings
                + topoJSON.quantisation.notes(path: topoJSONTarget.path, asked: TopoJSONOptions().quantization))
    }

    /// The plain data the renderers draw, without the areas' rings (they depend on the scale the map is drawn at).
    static func document(
        _ layer: MapLayer, values: [Double?], legend: Legend, request: MapRequest
    ) -> MapDocument {
        let numeric = layer.schema.enumerated().filter { [.integer, .real, .integer64].contains($0.element.type) }
        let features = layer.ids.indices.map { index in
            MapFeature(
                id: layer.ids[index],
                names: MapName(thai: layer.thaiNames[index], english: layer.englishNames[index]),
                value: values[index], colour: legend.color(of: values[index]),
                classIndex: legend.classIndex(of: values[index]),
                properties: numeric.prefix(12).compactMap { column, field in
                    guard field.name != request.indicator, let number = layer.values[index][column].number else {
                        return nil
                    }
                    return MapProperty(field.name, MapValueFormat.format(number))
                },
                rings: [])
        }
        let entries = legend.classes.map { MapLegendEntry(label: $0.label, colour: $0.color, count: $0.count) }
        let noData =
            legend.nullCount > 0
            ? MapLegendEntry(label: "ไม่มีข้อมูล / No data", colour: legend.nullColor, count: legend.nullCount) : nil
        let title = request.title ?? MapName(english: request.indicator)
        return MapDocument(
            title: title,
            subtitle: "\(request.indicator), \(legend.method), \(legend.classesMade) classes",
            sourceNote: "geoplan · \(URL(fileURLWithPath: layer.path).lastPathComponent) · colours: ColorBrewer "
                + legend.palette,
            indicatorName: request.indicator, features: features,
            legend: MapLegend(title: request.title?.english ?? request.indicator, entries: entries, noData: noData))
    }

    /// Each feature's attributes with its class and colour, for the TopoJSON and the classified GeoJSON.
    static func properties(_ layer: MapLayer, values: [Double?], legend: Legend, indicator: String)
        -> [(json: [String: JSONValue], classIndex: Int?, colour: String)]
    {
        values.indices.map { index in
            var json: [String: JSONValue] = [:]
            for (column, field) in layer.fields.enumerated() { json[field] = JSONValue(layer.values[index][column]) }
            let classIndex = legend.classIndex(of: values[index])
            let colour = legend.color(of: values[index])
            json["\(indicator)_class"] = classIndex.map { .integer(Int64($0)) } ?? .null
            json["\(indicator)_colour"] = .string(colour)
            return (json, classIndex, colour)
        }
    }
}
