/// How to open a dataset: which drivers may try, driver open options, text decoding and access mode.
public struct OpenOptions: Hashable, Sendable {
    /// Driver short names allowed to open the path (empty: any vector driver).
    public var allowedDrivers: [String]
    /// Driver open options, e.g. `["ENCODING": "CP874"]` for a Shapefile.
    public var driverOptions: [String: String]
    /// How text values are decoded (see `TextDecoding`).
    public var textDecoding: TextDecoding
    /// Open for update; read-only by default, inputs are never modified.
    public var update: Bool

    public init(
        allowedDrivers: [String] = [], driverOptions: [String: String] = [:],
        textDecoding: TextDecoding = .utf8, update: Bool = false
    ) {
        self.allowedDrivers = allowedDrivers
        self.driverOptions = driverOptions
        self.textDecoding = textDecoding
        self.update = update
    }
}
