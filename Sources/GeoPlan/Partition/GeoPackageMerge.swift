import GDAL

/// Merges GeoPackage parts through GDAL: a GeoPackage is SQLite pages and timestamps, so byte identity with a
/// single run is impossible; instead the merged file has the same layer (name, fields, geometry type, CRS) and
/// the same features (values and geometries, feature ids 1…n in layer order) as a single run's.
enum GeoPackageMerge {
    /// Every part's layer, checked: one layer each, as many features as its record has positions, and the same
    /// definition in every part.
    static func layers(of set: PartSet) throws -> [Layer] {
        let layers = try set.parts.map { part in try layer(of: part) }
        for (part, layer) in zip(set.parts, layers).dropFirst() {
            try checkSameDefinition(layer, as: layers[0], path: part.path, firstPath: set.parts[0].path)
        }
        return layers
    }

    /// Writes the merged layer and closes it, staged in `outputs`: the caller commits.
    static func write(
        _ set: PartSet, layers: [Layer], to target: OutputTarget, in outputs: OutputSet,
        progress: (Int, Int) -> Void
    ) throws {
        guard let first = layers.first else {
            throw GeoPlanError.output(path: target.path, reason: "no parts were given")
        }
        let writer = try LayerWriter(
            target: target, layerName: first.name, schema: first.schema,
            spatialReference: first.spatialReference, geometryType: first.geometryType,
            in: outputs)
        var cursors = layers.map { $0.makeCursor() }
        for (written, source) in set.order.enumerated() {
            let path = set.parts[source.part].path
            guard let feature = try cursors[source.part].next() else {
                throw GeoPlanError.input(
                    path: path,
                    reason: "it ended before its row \(source.row + 1); the file "
                        + "changed while merging, or is damaged: rerun that partition")
            }
            try writer.write(values: try feature.values(), geometry: feature.geometry, source: feature.location)
            if written % 1_000 == 999 { progress(written + 1, set.order.count) }
        }
        try writer.close()
        progress(set.order.count, set.order.count)
    }

    /// The part's only layer, holding as many features as its record has positions.
    private static func layer(of part: PartSet.Part) throws -> Layer {
        let dataset = try Dataset.open(part.path, options: OpenOptions(allowedDrivers: ["GPKG"]))
        guard dataset.layerCount == 1 else {
            throw GeoPlanError.input(
                path: part.path,
                reason: "it has \(dataset.layerCount) layers where geoplan "
                    + "writes one; was it edited? Rerun that partition")
        }
        let layer = try dataset.layer(at: 0)
        try part.checkRows(layer.featureCount() ?? 0)
        return layer
    }

    private static func checkSameDefinition(_ layer: Layer, as first: Layer, path: String, firstPath: String) throws {
        var differing: [String] = []
        if layer.name != first.name { differing.append("layer name (\"\(layer.name)\", \"\(first.name)\")") }
        if layer.schema.fields != first.schema.fields { differing.append("fields") }
        if layer.geometryType != first.geometryType { differing.append("geometry type") }
        switch (layer.spatialReference, first.spatialReference) {
        case (nil, nil): break
        case let (some?, other?) where some.isSame(as: other): break
        default: differing.append("CRS")
        }
        guard differing.isEmpty else {
            throw GeoPlanError.input(
                path: path,
                reason: "its layer differs from that of \"\(firstPath)\" in "
                    + differing.joined(separator: ", ") + "; merge only the parts of one run")
        }
    }
}
