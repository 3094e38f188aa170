import GDAL

/// A layer's CRS as geoplan will use it: the one the file declares, or the one the user said to assume.
public struct LayerCRS {
    public let spatialReference: SpatialReference
    /// True when it came from `--assume-crs`.
    public let assumed: Bool
    /// Set when `--assume-crs` overrides a different CRS the file declares.
    public let warning: String?

    /// The CRS to use, or nil when the layer declares none and none is assumed.
    public static func resolve(_ layer: Layer, assume definition: String?) throws -> LayerCRS? {
        let declared = layer.spatialReference
        guard let definition else {
            return declared.map { LayerCRS(spatialReference: $0, assumed: false, warning: nil) }
        }
        let assumed = try SpatialReference(definition: definition)
        var warning: String?
        if let declared, !declared.isSame(as: assumed) {
            warning =
                "layer \"\(layer.name)\" declares \(declared), but the assumed \"\(definition)\" "
                + "(\(Remedy.assumeCRS().token)) overrides it"
        }
        return LayerCRS(spatialReference: assumed, assumed: true, warning: warning)
    }

    /// The CRS, or an error that says how to pass `--assume-crs` when `purpose` needs one.
    public static func require(_ layer: Layer, assume definition: String?, purpose: String) throws -> LayerCRS {
        guard let crs = try resolve(layer, assume: definition) else {
            throw GeoPlanError.missingCRS(path: layer.dataset.path, layer: layer.name, purpose: purpose)
        }
        return crs
    }

    var report: CRSReport {
        CRSReport(
            name: spatialReference.name ?? "unnamed", code: spatialReference.code,
            isGeographic: spatialReference.isGeographic, assumed: assumed)
    }
}
