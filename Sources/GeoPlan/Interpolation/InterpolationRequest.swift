/// What an `interpolate` indicator asks: values given per source zone (a table by code) carried to the run's
/// areas, which need not nest in the sources (tambons → local governments).
public struct InterpolationRequest: Hashable, Sendable {
    /// The polygons input with the source zones.
    public var from: String
    /// Their code field, matched with the table's code column.
    public var code: String
    /// The table input with the values, and its column.
    public var table: String
    public var column: String
    /// Extensive (split: people, counts) or intensive (averaged: rates, densities).
    public var kind: ArealInterpolationKind
    /// The input whose contents weight the split: a raster (its sum: people of a population grid) or points
    /// (villages, buildings: how many fall in each piece); nil: by area.
    public var weights: String?
    /// With points weights, a numeric field summed instead of counting points (households of a village).
    public var weightField: String?
    public var normalization: CodeNormalization

    public init(
        from: String, code: String, table: String, column: String, kind: ArealInterpolationKind,
        weights: String? = nil, weightField: String? = nil, normalization: CodeNormalization = .thai
    ) {
        self.from = from
        self.code = code
        self.table = table
        self.column = column
        self.kind = kind
        self.weights = weights
        self.weightField = weightField
        self.normalization = normalization
    }
}
