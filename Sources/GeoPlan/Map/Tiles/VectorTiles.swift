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

        public init(
            input: String, options: InputOptions = InputOptions(), output: String, minZoom: Int = 0,
            maxZoom: Int = 12, layerName: String? = nil, overwrite: Bool = false, wait: Bool = false
        ) {
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
        /// Units across a tile (GDAL's EXTENT): 4,096 unless areas smaller than a unit at the lowest zoom needed more.
        public var extent: Int = VectorTiles.extents[0]
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
            throw GeoPlanError.output(
                path: request.output,
                reason: "zoom levels must satisfy 0 ≤ min ≤ max ≤ 22 "
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
        // MVT rounds each tile to `extent` units; an area smaller than a unit at the lowest zoom would vanish there.
        // Cut at the standard extent, read the lowest zoom back, and cut finer until every area is in it.
        var cut = try Self.cut(
            layer, crs: crs.spatialReference, name: name, request: request, extent: extents[0],
            to: staged.stagingPath)
        var extent = extents[0]
        var missing = try cut.keys.subtracting(Self.keys(at: request.minZoom, of: staged.stagingPath, request))
        for finer in extents.dropFirst() where !missing.isEmpty {
            try FileManager.default.removeItem(atPath: staged.stagingPath)
            cut = try Self.cut(
                layer, crs: crs.spatialReference, name: name, request: request, extent: finer,
                to: staged.stagingPath)
            extent = finer
            missing = try cut.keys.subtracting(Self.keys(at: request.minZoom, of: staged.stagingPath, request))
        }
        var warnings = source.encoding.warnings + cut.warnings
        if extent > extents[0] {
            warnings.append(
                "\(request.output): tiles of \(extent) units (not 4,096) so that every area is in the zoom "
                    + "\(request.minZoom) tiles; a higher --min-zoom gives smaller tiles")
        }
        if !missing.isEmpty {
            warnings.append(
                "\(request.output): \(missing.count) areas are smaller than a tile unit at zoom "
                    + "\(request.minZoom) even at \(extent) units and are missing there; use a higher --min-zoom")
        }
        if outputs == nil { try set.commit() }
        var report = Report(
            output: request.output, container: request.isMBTiles ? "MBTiles" : "folder", layer: name,
            features: cut.features, minZoom: request.minZoom, maxZoom: request.maxZoom,
            tiles: request.isMBTiles ? nil : Self.tileCount(in: request.output),
            properties: layer.schema.fields.map(\.name),
            warnings: warnings + (outputs == nil ? set.warnings : []))
        report.extent = extent
        return report
    }

    /// The extents tried, standard first; each quarters the unit (a tile of 1,048,576 units is 38 m at zoom 0).
    static let extents = [4_096, 16_384, 65_536, 262_144, 1_048_576]

    /// Cuts the tiles at one extent; returns the features written, GDAL's warnings and each feature's key.
    private static func cut(
        _ layer: Layer, crs: SpatialReference, name: String, request: Request, extent: Int,
        to path: String
    ) throws -> (features: Int, warnings: [String], keys: Set<String>) {
        let dataset = try Dataset.create(
            path, driver: "MVT",
            options: [
                "FORMAT": request.isMBTiles ? "MBTILES" : "DIRECTORY",
                "MINZOOM": String(request.minZoom), "MAXZOOM": String(request.maxZoom), "EXTENT": String(extent),
                "NAME": name, "DESCRIPTION": "geoplan: \(URL(fileURLWithPath: request.input).lastPathComponent)",
            ])
        let tiles = try dataset.createLayer(
            named: name, spatialReference: crs, geometryType: layer.geometryType,
            options: [
                "MINZOOM": String(request.minZoom),
                "MAXZOOM": String(request.maxZoom),
            ])
        for field in layer.schema.fields { try tiles.createField(field) }
        var features = 0
        var keys = Set<String>()
        try layer.forEachFeature { feature in
            let copy = try tiles.makeFeature()
            let values = try feature.values()
            for (index, value) in values.enumerated() { copy.set(value, at: index) }
            try copy.setGeometry(feature.geometry)
            try tiles.write(copy, source: feature.location)
            if feature.geometry.map({ !$0.isEmpty }) ?? false { keys.insert(key(values)) }
            features += 1
        }
        let warnings = dataset.warnings.map { "\(request.output): \($0.text)" }
        try dataset.close()  // the MVT driver cuts the tiles when the dataset closes
        return (features, warnings, keys)
    }

    /// The keys of the features in a zoom's tiles.
    private static func keys(at zoom: Int, of path: String, _ request: Request) throws -> Set<String> {
        // No tile at that zoom (every area vanished there) reads as no key.
        guard
            let dataset = request.isMBTiles
                ? try? Dataset.open(
                    path,
                    options: OpenOptions(
                        allowedDrivers: ["MBTiles"],
                        driverOptions: ["ZOOM_LEVEL": String(zoom)]))
                : try? Dataset.open(
                    (path as NSString).appendingPathComponent(String(zoom)),
                    options: OpenOptions(allowedDrivers: ["MVT"]))
        else { return [] }
        var keys = Set<String>()
        for layer in dataset.layers {
            try layer.forEachFeature { keys.insert(key(try $0.values())) }
        }
        try dataset.close()
        return keys
    }

    /// A feature told apart by its text values (codes and names), as tiles keep them exactly; numbers may come
    /// back as another type.
    private static func key(_ values: [FieldValue]) -> String {
        values.compactMap { value in
            if case let .string(text) = value { text } else { nil }
        }.joined(separator: "\u{1F}")
    }

    /// `.pbf` files below a tile folder.
    static func tileCount(in folder: String) -> Int {
        let files = FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? []
        return files.filter { $0.hasSuffix(".pbf") }.count
    }
}
