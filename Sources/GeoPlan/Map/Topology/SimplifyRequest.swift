/// What `geoplan simplify` asks for: one polygon layer, simplified with its shared borders kept, written as GeoJSON
/// (or another format GDAL writes) or TopoJSON.
public struct SimplifyRequest: Hashable, Sendable {
    public var input: String
    public var inputOptions: InputOptions
    public var output: String
    public var simplification: SimplificationOptions
    /// Write TopoJSON whatever the extension (a `.topojson` output is TopoJSON anyway).
    public var topoJSON: Bool
    /// The field giving each feature's id; nil picks ADM3_PCODE or another code field, else the feature id.
    public var idField: String?
    /// GeoJSON decimals: 6 (about 11 cm) is web precision.
    public var precision: Int
    public var quantization: Int
    public var overwrite: Bool
    /// Wait for another geoplan writing in the output folder instead of failing.
    public var wait: Bool

    public init(
        input: String, inputOptions: InputOptions = InputOptions(), output: String,
        simplification: SimplificationOptions, topoJSON: Bool = false, idField: String? = nil,
        precision: Int = 6, quantization: Int = 100_000, overwrite: Bool = false,
        wait: Bool = false
    ) {
        self.wait = wait
        self.input = input
        self.inputOptions = inputOptions
        self.output = output
        self.simplification = simplification
        self.topoJSON = topoJSON
        self.idField = idField
        self.precision = precision
        self.quantization = quantization
        self.overwrite = overwrite
    }

    /// Whether the output is TopoJSON (asked for, or by its `.topojson` extension).
    public var writesTopoJSON: Bool { topoJSON || OutputTarget.isTopoJSON(output) }
}

/// What `geoplan simplify` did.
public struct SimplifyFileReport: Codable, Hashable, Sendable {
    public var input: String
    public var layer: String
    public var output: String
    /// `TopoJSON`, or GDAL's driver name (`GeoJSON`…).
    public var format: String
    /// The field the ids came from; nil when they are feature ids.
    public var idField: String?
    /// Input features GEOS found invalid, repaired with MakeValid before building the arcs.
    public var repairedOnLoading: Int
    /// Features without a geometry, left out.
    public var skippedWithoutGeometry: Int
    public var simplification: SimplificationReport
    public var bytesWritten: Int
    public var warnings: [String]
}
