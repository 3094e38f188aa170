import GDAL

extension QuickSpec {
    /// What `geoplan interpolate` is asked: source zones and their code field, a table of values by code, and
    /// optionally a weights file (a raster, or points with an optional numeric field).
    public struct Interpolation: Sendable {
        public var sources: String
        public var code: String
        public var table: String
        public var tableCode: String
        public var column: String
        public var kind: ArealInterpolationKind
        public var weights: String?
        public var weightField: String?
        public var normalization: CodeNormalization

        public init(
            sources: String, code: String, table: String, tableCode: String, column: String,
            kind: ArealInterpolationKind, weights: String? = nil, weightField: String? = nil,
            normalization: CodeNormalization = .thai
        ) {
            self.sources = sources
            self.code = code
            self.table = table
            self.tableCode = tableCode
            self.column = column
            self.kind = kind
            self.weights = weights
            self.weightField = weightField
            self.normalization = normalization
        }
    }

    /// The spec of `geoplan interpolate`: the boundaries are the areas values are carried to; the column is
    /// named after the table's column.
    public static func interpolation(
        _ asked: Interpolation, boundaries: String, options: InputOptions,
        idField: String?, nameFields: [String]?, output: String?
    ) throws -> Spec {
        var inputs = [InputSpec(name: "table", kind: .table, path: asked.table, codeField: asked.tableCode)]
        if let weights = asked.weights {
            inputs.append(InputSpec(name: "weights", kind: weightsKind(of: weights), path: weights))
        }
        let request = InterpolationRequest(
            from: "input", code: asked.code, table: "table", column: asked.column,
            kind: asked.kind, weights: asked.weights == nil ? nil : "weights",
            weightField: asked.weightField, normalization: asked.normalization)
        let safe = String(asked.column.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
        return try make(
            boundaries: boundaries, options: options, idField: idField, nameFields: nameFields,
            input: (.polygons, asked.sources), moreInputs: inputs, indicator: .interpolate(request),
            indicatorID: safe.first?.isLetter == true ? safe : "value_\(safe)", output: output)
    }

    /// A raster when GDAL opens it as one with bands (GeoTIFF, ASCII grid…); anything else is read as points,
    /// and a file that is neither is reported by the run, naming it.
    static func weightsKind(of path: String) -> InputKind {
        guard let raster = try? RasterDataset.open(path), raster.bandCount > 0 else { return .points }
        return .raster
    }
}
