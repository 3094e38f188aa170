import Foundation

/// What a map's legend needs, and what a web map or GIS app reads to draw the same classes: the breaks, each
/// class's bounds, count, colour and label, the nulls apart, and the warnings of the classification.
///
/// Written as JSON by ``write(to:)``; the keys are the property names below. Bounds follow ``Classification``:
/// upper bounds included, class 0 from the minimum (see ``convention``).
public struct Legend: Codable, Hashable, Sendable {
    /// One class as a legend row.
    public struct Entry: Codable, Hashable, Sendable {
        /// 0-based, as the class index written on the features.
        public var index: Int
        /// Excluded from the class except for class 0, which starts at the minimum.
        public var lower: Double
        /// Included in the class.
        public var upper: Double
        public var count: Int
        /// `#rrggbb`.
        public var color: String
        /// `lower – upper` with as few decimals as keep neighbouring bounds apart (and σ for standard deviation).
        public var label: String
    }

    public var property: String
    /// The method's name (``ClassificationMethod/name``).
    public var method: String
    public var classesAsked: Int
    public var classesMade: Int
    /// Upper bounds of the classes, as in ``Classification/breaks``.
    public var breaks: [Double]
    /// How to read the bounds, for whoever opens the file.
    public var convention: String
    public var minimum: Double
    public var maximum: Double
    /// Values classified (nulls not included).
    public var valueCount: Int
    /// For the standard-deviation method only.
    public var mean: Double?
    public var standardDeviation: Double?
    public var classes: [Entry]
    public var nullCount: Int
    public var nullColor: String
    public var nullLabel: String
    /// ColorBrewer's name of the scheme, and whether it runs the other way.
    public var palette: String
    public var paletteKind: Palette.Kind
    public var paletteReversed: Bool
    /// What the classification did differently from the request (``Classification/warnings``).
    public var warnings: [String]

    static let upperBoundConvention =
        "breaks are upper bounds: class 0 holds values from the minimum up to and "
        + "including breaks[0]; class i holds values above breaks[i-1] up to and including breaks[i]; nulls are "
        + "never classified"

    /// The legend of `classification` coloured with `palette`.
    /// - Parameters:
    ///   - nullColor: the colour of features without a value.
    ///   - nullLabel: their legend label.
    /// - Throws: ``ClassificationError/paletteTooSmall(name:asked:available:)`` when the palette has fewer colours
    ///   than the classes made.
    public init(
        classification: Classification, palette: Palette, nullColor: String = Palette.nullColor,
        nullLabel: String = "No data"
    ) throws {
        let colors = try palette.colors(count: classification.classesMade)
        let lowers = classification.breaks.indices.map { classification.lowerBound(ofClass: $0) }
        let labels = LegendLabels.labels(
            first: lowers.first ?? classification.minimum, uppers: classification.breaks,
            mean: classification.mean, sigma: classification.standardDeviation)
        classes = classification.breaks.indices.map { index in
            Entry(
                index: index, lower: lowers[index], upper: classification.breaks[index],
                count: classification.counts[index], color: colors[index], label: labels[index])
        }
        property = classification.property
        method = classification.method.name
        classesAsked = classification.classesAsked
        classesMade = classification.classesMade
        breaks = classification.breaks
        convention = Self.upperBoundConvention
        minimum = classification.minimum
        maximum = classification.maximum
        valueCount = classification.valueCount
        mean = classification.mean
        standardDeviation = classification.standardDeviation
        self.nullCount = classification.nullCount
        self.nullColor = nullColor
        self.nullLabel = nullLabel
        self.palette = palette.name
        paletteKind = palette.kind
        paletteReversed = palette.isReversed
        warnings = classification.warnings
    }

    /// The class of `value` by this legend's breaks; nil for a null, NaN or infinite value.
    public func classIndex(of value: Double?) -> Int? {
        ClassBreaks.index(of: value, breaks: breaks)
    }

    /// The colour of a feature with `value`: its class's, or ``nullColor`` for a null.
    public func color(of value: Double?) -> String {
        classIndex(of: value).map { classes[$0].color } ?? nullColor
    }

    /// Pretty-printed JSON with sorted keys, so two runs on the same data write the same bytes.
    public func jsonData() throws -> Data {
        try ReportJSON.encode(self, pretty: true)
    }

    /// Writes the legend as JSON to `path` through a temporary file beside it and a rename, so a reader never sees
    /// half a legend and a failure leaves any earlier file whole. Whether `path` may be overwritten is the
    /// caller's decision (``OutputTarget`` checks it).
    /// - Throws: ``GeoPlanError/output(path:reason:)`` when the file cannot be written.
    public func write(to path: String) throws {
        try OutputSet.write(jsonData(), to: path)
    }
}
