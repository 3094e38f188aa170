import Foundation
import GEOS

/// How a ``Topology`` is written as TopoJSON.
public struct TopoJSONOptions: Hashable, Sendable {
    /// Grid steps across the data's box on each axis (TopoJSON's `quantization`). The default, 10⁵, is the
    /// topojson tools' usual one: a step is the box's extent / 10⁵, 0.7 m across Phuket's 0.72° and 16 m across all
    /// of Thailand's 15° of latitude, below the 20 m or more a map simplified for the web is drawn at, while the
    /// integers stay short (at most 6 digits, most deltas 1–3). The step written is a power of two (so readers
    /// decode exactly), giving up to twice as many steps; more where fewer would break a polygon.
    public var quantization: Int
    /// The name of the GeometryCollection under `objects`.
    public var objectName: String

    public init(quantization: Int = 100_000, objectName: String = "features") {
        self.quantization = quantization
        self.objectName = objectName
    }
}

/// Writes a ``Topology`` as TopoJSON (github.com/topojson/topojson-specification): arcs quantised on a grid
/// (`transform` gives `scale` and `translate`) and delta-encoded, one GeometryCollection of Polygon and MultiPolygon
/// geometries, each with its `id` and `properties`, and the `bbox`.
///
/// Quantisation moves every point to the grid, the same way for every arc, so borders stay shared; points that fall
/// on the same grid point as the one before are merged (an arc keeps at least two points). It never makes a valid
/// polygon invalid nor collapses it: where the asked grid would, a finer one is used (``ValidQuantisation``).
public enum TopoJSONWriter {
    /// The TopoJSON text as UTF-8; `properties`, when given, holds one dictionary per feature, in order.
    public static func encode(
        _ topology: Topology, properties: [[String: JSONValue]] = [],
        options: TopoJSONOptions = TopoJSONOptions()
    ) throws -> Data {
        try encoded(topology, properties: properties, options: options).data
    }

    /// The TopoJSON text and the grid its arcs were quantised on.
    static func encoded(
        _ topology: Topology, properties: [[String: JSONValue]],
        options: TopoJSONOptions
    ) throws -> (data: Data, quantisation: ValidQuantisation) {
        guard properties.isEmpty || properties.count == topology.features.count else {
            throw GeoPlanError.output(
                path: options.objectName,
                reason: "\(properties.count) property sets for "
                    + "\(topology.features.count) features; give one per feature or none")
        }
        guard options.quantization >= 2 else {
            throw GeoPlanError.output(
                path: options.objectName,
                reason: "quantization must be at least 2, not "
                    + "\(options.quantization)")
        }
        let box = topology.bounds ?? Envelope(minX: 0, minY: 0, maxX: 0, maxY: 0)
        let quantised = try ValidQuantisation(topology, quantization: options.quantization, context: GEOSContext())

        var text = "{\"type\":\"Topology\",\"bbox\":[\(box.minX),\(box.minY),\(box.maxX),\(box.maxY)],"
        if let grid = quantised.grid {
            text +=
                "\"transform\":{\"scale\":[\(grid.scale.x),\(grid.scale.y)],"
                + "\"translate\":[\(grid.translate.x),\(grid.translate.y)]},"
        }
        text += "\"objects\":{\(quoted(options.objectName)):{\"type\":\"GeometryCollection\",\"geometries\":["
        for (index, feature) in topology.features.enumerated() {
            if index > 0 { text += "," }
            text += geometry(feature)
            text += ",\"id\":\(quoted(feature.id))"
            if !properties.isEmpty {
                text +=
                    ",\"properties\":"
                    + String(
                        decoding: try ReportJSON.encode(properties[index], pretty: false),
                        as: UTF8.self)
            }
            text += "}"
        }
        text += "]}},\"arcs\":["
        for index in topology.arcs.indices {
            if index > 0 { text += "," }
            text += quantised.grid == nil ? unquantised(topology.arcs[index]) : deltaEncoded(quantised.arcs[index])
        }
        text += "]}"
        return (Data(text.utf8), quantised)
    }

    /// Writes the TopoJSON, every byte checked, to appear when `outputs` commits (alone and at once without one);
    /// returns a warning when the grid had to be finer than asked to keep every polygon valid.
    @discardableResult
    public static func write(
        _ topology: Topology, properties: [[String: JSONValue]] = [],
        options: TopoJSONOptions = TopoJSONOptions(), to target: OutputTarget,
        in outputs: OutputSet? = nil, wait: Bool = false
    ) throws -> [String] {
        let (data, quantisation) = try encoded(topology, properties: properties, options: options)
        let set = outputs ?? OutputSet(inputs: target.inputFiles, overwrite: target.overwrite, wait: wait)
        try set.stage(data, at: target.path, inputs: target.inputFiles)
        if outputs == nil { try set.commit() }
        return quantisation.notes(path: target.path, asked: options.quantization)
    }

    /// The opening of a geometry object, up to its arcs.
    private static func geometry(_ feature: TopologyFeature) -> String {
        let list = { (values: [String]) in "[" + values.joined(separator: ",") + "]" }
        let polygon = { (rings: [[Int]]) in list(rings.map { list($0.map(String.init)) }) }
        switch feature.polygons.count {
        case 0: return "{\"type\":null"
        case 1: return "{\"type\":\"Polygon\",\"arcs\":" + polygon(feature.polygons[0])
        default: return "{\"type\":\"MultiPolygon\",\"arcs\":" + list(feature.polygons.map(polygon))
        }
    }

    /// An arc on the grid, the first point absolute and the others as differences from the one before.
    private static func deltaEncoded(_ arc: [GridPoint]) -> String {
        var text = "["
        var previous = GridPoint(x: 0, y: 0)
        for (index, point) in arc.enumerated() {
            if index > 0 { text += "," }
            text += "[\(point.x &- previous.x),\(point.y &- previous.y)]"
            previous = point
        }
        return text + "]"
    }

    /// An arc's coordinates as they are (a TopoJSON without `transform`).
    private static func unquantised(_ arc: [XY]) -> String {
        "[" + arc.map { "[\($0.x),\($0.y)]" }.joined(separator: ",") + "]"
    }

    /// A JSON string literal.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20: result += String(format: "\\u%04x", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
