/// What `geoplan convert` is asked to do.
public struct ConvertRequest: Hashable, Sendable {
    public var input: String
    public var inputOptions: InputOptions
    public var output: String
    /// Target CRS (`EPSG:32647`…); nil keeps the input's (GeoJSON output is always WGS 84).
    public var targetCRS: String?
    /// A coordinate operation to force (a PROJ pipeline or a code such as `EPSG:1304`); nil lets PROJ choose.
    public var operation: String?
    /// Decimals of GeoJSON coordinates (7 ≈ 1 cm).
    public var precision: Int
    public var overwrite: Bool
    /// Wait for another geoplan writing in the output folder instead of failing.
    public var wait: Bool
    /// CSV text cells written as they are, even those a spreadsheet would run as formulas.
    public var csvRaw: Bool

    public init(
        input: String, inputOptions: InputOptions = InputOptions(), output: String, targetCRS: String? = nil,
        operation: String? = nil, precision: Int = 7, overwrite: Bool = false, csvRaw: Bool = false,
        wait: Bool = false
    ) {
        self.wait = wait
        self.input = input
        self.inputOptions = inputOptions
        self.output = output
        self.targetCRS = targetCRS
        self.operation = operation
        self.precision = precision
        self.overwrite = overwrite
        self.csvRaw = csvRaw
    }
}

/// What a conversion did.
public struct ConvertReport: Codable, Hashable, Sendable {
    public var input: String
    public var layer: String
    public var output: String
    public var format: String
    public var featuresWritten: Int
    public var sourceCRS: String?
    public var targetCRS: String?
    public var operation: OperationReport?
    public var encoding: String
    public var warnings: [String]
}
