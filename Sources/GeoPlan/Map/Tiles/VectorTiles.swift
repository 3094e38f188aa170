import Foundation
import GDAL

/// Mapbox Vector Tiles of one layer through GDAL's MVT driver, for web maps: an MBTiles file (a path ending in
/// `.mbtiles`) or a folder of `{z}/{x}/{y}.pbf` tiles with `metadata.json` (any other path). Every attribute is
/// kept as a tile property; GDAL reprojects to Web Mercator (EPSG:3857) and clips and simplifies per zoom.
public enum VectorTiles {
    public struct Request: Sendable {
        public var input: String
        public var options: InputOptions
        public var output: String
        public var minZoom: Int
        public var maxZoom: Int
        /// The tile layer's name (what a style's `source-layer` names); nil: the input layer's.
        public var layerName: String?
        public var overwrite: Bool
        /// Wait for another geoplan writing in the output folder instead of failing.
        public var wait: Bool

        public init(input: String, options: InputOptions = InputOptions(), output: String, minZoom: Int = 0,
                    maxZoom: Int = 12, layerName: String? = nil, overwrite: Bool = false, wait: Bool = false) {
            self.wait = wait
            self.input = input
            self.options = options
            self.output = output
            self.minZoom = minZoom
            self.maxZoom = maxZoom
            self.layerName = layerName
            self.overwrite = overwrite
        }

        public var isMBTiles: Bool { output.lowercased().hasSuffix(".mbtiles") }
    }

    public struct Report: Sendable, Codable {
        public var output: String
        /// `MBTiles` or `folder`.
        public var container: String
        public var layer: String
        public var features: Int
        public var minZoom: Int
        public var maxZoom: Int
        /// Tile files written (folders only; an MBTiles file holds them as rows).
        public var tiles: Int?
        public var properties: [String]
        public var warnings: [String]
    }

    /// The zoom levels GDAL's MVT driver accepts.
    public static let zooms = 0...22

    /// Cuts the tiles, committed at once — or, given `outputs`, staged there to appear with the command's other
    /// outputs (`geoplan map --tiles`: the tiles of the map's staged GeoJSON, committed with the map).
    public static func write(_ request: Request, in outputs: OutputSet? = nil) throws -> Report {
        guard zooms.contains(request.minZoom), zooms.contains(request.maxZoom), request.minZoom <= request.maxZoom
        else {
            throw GeoPlanError.output(path: request.output, reason: "zoom levels must satisfy 0 ≤ min ≤ max ≤ 22 "
                                      + "(asked \(request.minZoom)–\(request.maxZoom)); e.g. 4–12 for provinces to tambons")
        }
        let inputs = InputFiles([request.input])
        let target = try OutputTarget(tilesPath: request.output, overwrite: request.overwrite, inputFiles: inputs)
        // The tile set appears whole or not at all, as every output does; an earlier one is replaced only by it.
        let set = outputs ?? OutputSet(inputs: inputs, overwrite: request.overwrite, wait: request.wait)
        let staged = try set.stage(target)
        let source = try VectorSource.open(request.input, options: request.options)
        let layer = source.layer
        let crs = try LayerCRS.require(layer, assume: request.options.assumeCRS, purpose: "cut it into web-map tiles")
        let name = request.layerName ?? layer.name
        var features = 0
        let warnings: [String]
        do {
            let dataset = try Dataset.create(staged.stagingPath, driver: "MVT", options: [
                "FORMAT": request.isMBTiles ? "MBTILES" : "DIRECTORY",
                "MINZOOM": String(request.minZoom), "MAXZOOM": String(request.maxZoom),
                "NAME": name, "DESCRIPTION": "geoplan: \(URL(fileURLWithPath: request.input).lastPathComponent)",
            ])
            let tiles = try dataset.createLayer(named: name, spatialReference: crs.spatialReference,
                                                geometryType: layer.geometryType,
                                                options: ["MINZOOM": String(request.minZoom),
                                                          "MAXZOOM": String(request.maxZoom)])
            for field in layer.schema.fields { try tiles.createField(field) }
            try layer.forEachFeature { feature in
                let copy = try tiles.makeFeature()
                for (index, value) in try feature.values().enumerated() { copy.set(value, at: index) }
                try copy.setGeometry(feature.geometry)
                try tiles.write(copy, source: feature.location)
                features += 1
            }
            warnings = source.encoding.warnings + dataset.warnings.map { "\(request.output): \($0.text)" }
            // The MVT driver cuts the tiles when the dataset closes.
            try dataset.close()
        }
        if outputs == nil { try set.commit() }
        return Report(output: request.output, container: request.isMBTiles ? "MBTiles" : "folder", layer: name,
                      features: features, minZoom: request.minZoom, maxZoom: request.maxZoom,
                      tiles: request.isMBTiles ? nil : Self.tileCount(in: request.output),
                      properties: layer.schema.fields.map(\.name), warnings: warnings + (outputs == nil ? set.warnings : []))
    }

    /// `.pbf` files below a tile folder.
    static func tileCount(in folder: String) -> Int {
        let files = FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? []
        return files.filter { $0.hasSuffix(".pbf") }.count
    }
}
