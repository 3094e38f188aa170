/// What a user says about an input: which layer, which encoding, which CRS to assume, which features.
public struct InputOptions: Hashable, Sendable {
    /// The layer to read; nil reads the only layer (an error when there are several, except for `info`).
    public var layer: String?
    /// The text encoding of the attributes (`CP874`, `UTF-8`…); nil decides from the file.
    public var encoding: String?
    /// A CRS to use when the layer declares none (`EPSG:4326`…).
    public var assumeCRS: String?
    /// An OGR SQL `WHERE` clause selecting features.
    public var whereClause: String?
    /// Shift features lying wholly beyond ±180° by whole turns instead of refusing them (`--wrap-longitudes`,
    /// `wrap_longitudes: true`); see `LonLatDomain`.
    public var wrapLongitudes: Bool

    public init(
        layer: String? = nil, encoding: String? = nil, assumeCRS: String? = nil, whereClause: String? = nil,
        wrapLongitudes: Bool = false
    ) {
        self.layer = layer
        self.encoding = encoding
        self.assumeCRS = assumeCRS
        self.whereClause = whereClause
        self.wrapLongitudes = wrapLongitudes
    }

    /// The rule the input's coordinates are held to once in WGS 84 lon/lat.
    public var lonLatDomain: LonLatDomain {
        LonLatDomain(wrapsLongitudes: wrapLongitudes)
    }
}
