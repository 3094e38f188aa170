/// What a `zonal` indicator asks of a raster: which band, which statistics, and how pixels count.
public struct ZonalRequest: Hashable, Sendable {
    /// The raster input's name.
    public var input: String
    /// 1-based band numbers; with several, each band gets its own columns (`<id>_b2_mean`).
    public var bands: [Int]
    public var statistics: [ZonalStatistic]
    /// Pixel values that `fraction` and `area` report on, one column each.
    public var classes: [Double]
    public var coverage: CoverageRule
    /// A second raster input whose values weight the `weighted_*` statistics, on the same grid.
    public var weights: String?
    public var weightsBand: Int
    /// The unit of `area` columns.
    public var areaUnit: AreaUnit

    public init(
        input: String, bands: [Int] = [1], statistics: [ZonalStatistic], classes: [Double] = [],
        coverage: CoverageRule = .exact, weights: String? = nil, weightsBand: Int = 1,
        areaUnit: AreaUnit = .squareKilometres
    ) {
        self.input = input
        self.bands = bands
        self.statistics = statistics
        self.classes = classes
        self.coverage = coverage
        self.weights = weights
        self.weightsBand = weightsBand
        self.areaUnit = areaUnit
    }
}

/// How much of a pixel an area has.
public enum CoverageRule: String, Hashable, Sendable, CaseIterable {
    /// The covered fraction, exactly, from the area's edges (as exactextract).
    case exact
    /// All of it when its centre is inside, else none (the conventional rule of QGIS's zonal statistics).
    case centre
}
