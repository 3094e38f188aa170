import Foundation
import GDAL

/// An input opened for reading: the dataset, its chosen layers, how its text is decoded, and what was noticed.
///
/// Opening decides the text encoding (for Shapefiles from the DBF's bytes, see `AttributeEncoding`), picks
/// the layer (listing the ones that exist when the name is wrong), applies `--where`, and never modifies the file.
public final class VectorSource {
    public let path: String
    public let dataset: Dataset
    /// The layers to work on: the one chosen, or all of them when none was and several are allowed.
    public let layers: [Layer]
    /// How the attribute text was decoded and why.
    public let encoding: AttributeEncoding
    public let options: InputOptions

    private init(path: String, dataset: Dataset, layers: [Layer], encoding: AttributeEncoding, options: InputOptions) {
        self.path = path
        self.dataset = dataset
        self.layers = layers
        self.encoding = encoding
        self.options = options
    }

    /// The single layer, for commands that work on one.
    public var layer: Layer {
        layers[0]
    }

    /// Opens `path`. With `allowingManyLayers`, a dataset of several layers and no `--layer` yields them all;
    /// otherwise it is an error that lists them.
    public static func open(
        _ path: String, options: InputOptions = InputOptions(),
        allowingManyLayers: Bool = false
    ) throws -> VectorSource {
        try ShapefileParts.checkTable(of: path)
        let encoding = try AttributeEncoding.decide(for: path, override: options.encoding)
        let dataset = try Dataset.open(path, options: encoding.openOptions)
        let layers: [Layer]
        if let name = options.layer {
            layers = [try dataset.layer(named: name)]
        } else {
            let all = dataset.layers
            guard !all.isEmpty else {
                throw GeoPlanError.input(path: path, reason: "it holds no vector layers")
            }
            if all.count > 1, !allowingManyLayers {
                throw GeoPlanError.layerRequired(path: path, layers: all.map(\.name))
            }
            layers = all
        }
        if let clause = options.whereClause {
            for layer in layers { try layer.setAttributeFilter(clause) }
        }
        return VectorSource(path: path, dataset: dataset, layers: layers, encoding: encoding, options: options)
    }
}
