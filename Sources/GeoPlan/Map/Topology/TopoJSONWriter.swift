import Foundation
import GEOS

/// How a ``Topology`` is written as TopoJSON.
public struct TopoJSONOptions: Hashable, Sendable {
    /// Grid steps across the data's box on each axis (TopoJSON's `quantization`). The default, 10⁵, is the
    /// topojson tools' usual one: a step is the box's extent / 10⁵, 0.7 m across Phuket's 0.72° and 16 m across all
    /// of Thailand's 15° of latitude, below the 20 m or more a map simplified for the web is drawn at, while the
    /// integers stay short (at most 6 digits, most deltas 1–3).
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
/// on the same grid cell as the one before are merged (an arc keeps at least two points). A ring smaller than a
/// few grid steps can collapse or cross its neighbour in the file (not in the ``Topology``): choose a finer
/// `quantization` for data spanning a whole country if rings a few metres across matter.
public enum TopoJSONWriter {
    /// The TopoJSON text as UTF-8; `properties`, when given, holds one dictionary per feature, in order.
    public static func encode(_ topology: Topology, properties: [[String: JSONValue]] = [],
                              options: TopoJSONOptions = TopoJSONOptions()) throws -> Data {
        guard properties.isEmpty || properties.count == topology.features.count else {
            throw GeoPlanError.output(path: options.objectName, reason: "\(properties.count) property sets for "
                                      + "\(topology.features.count) features; give one per feature or none")
        }
        guard options.quantization >= 2 else {
            throw GeoPlanError.output(path: options.objectName, reason: "quantization must be at least 2, not "
                                      + "\(options.quantization)")
        }
        let box = topology.bounds ?? Envelope(minX: 0, minY: 0, maxX: 0, maxY: 0)
        let steps = Double(options.quantization - 1)
        let kx = box.maxX > box.minX ? steps / (box.maxX - box.minX) : 1
        let ky = box.maxY > box.minY ? steps / (box.maxY - box.minY) : 1

        var text = "{\"type\":\"Topology\",\"bbox\":[\(box.minX),\(box.minY),\(box.maxX),\(box.maxY)],"
        text += "\"transform\":{\"scale\":[\(1 / kx),\(1 / ky)],\"translate\":[\(box.minX),\(box.minY)]},"
        text += "\"objects\":{\(quoted(options.objectName)):{\"type\":\"GeometryCollection\",\"geometries\":["
        for (index, feature) in topology.features.enumerated() {
            if index > 0 { text += "," }
            text += geometry(feature)
            text += ",\"id\":\(quoted(feature.id))"
            if !properties.isEmpty {
                text += ",\"properties\":" + String(decoding: try ReportJSON.encode(properties[index], pretty: false),
                                                         as: UTF8.self)
            }
            text += "}"
        }
        text += "]}},\"arcs\":["
        for (index, arc) in topology.arcs.enumerated() {
            if index > 0 { text += "," }
            text += quantised(arc, originX: box.minX, originY: box.minY, kx: kx, ky: ky)
        }
        text += "]}"
        return Data(text.utf8)
    }

    /// Writes the TopoJSON, every byte checked, to appear when `outputs` commits (alone and at once without one).
    public static func write(_ topology: Topology, properties: [[String: JSONValue]] = [],
                             options: TopoJSONOptions = TopoJSONOptions(), to target: OutputTarget,
                             in outputs: OutputSet? = nil, wait: Bool = false) throws {
        let data = try encode(topology, properties: properties, options: options)
        let set = outputs ?? OutputSet(inputs: target.inputFiles, overwrite: target.overwrite, wait: wait)
        try set.stage(data, at: target.path, inputs: target.inputFiles)
        if outputs == nil { try set.commit() }
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
    private static func quantised(_ arc: [XY], originX: Double, originY: Double, kx: Double, ky: Double) -> String {
        var points: [(Int, Int)] = []
        for point in arc {
            let grid = (Int(((point.x - originX) * kx).rounded()), Int(((point.y - originY) * ky).rounded()))
            if let last = points.last, last == grid { continue }
            points.append(grid)
        }
        if points.count == 1 { points.append(points[0]) }
        var text = "["
        var previous = (0, 0)
        for (index, point) in points.enumerated() {
            if index > 0 { text += "," }
            text += "[\(point.0 - previous.0),\(point.1 - previous.1)]"
            previous = point
        }
        return text + "]"
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
