/// The classes of one property: breaks, counts, nulls and what went differently from the request.
///
/// Breaks are the classes' **upper bounds**, the mapclassify convention: class 0 is `[minimum, breaks[0]]`, class
/// `i` is `(breaks[i-1], breaks[i]]`, and the last break is the maximum (or, for manual breaks, the user's last
/// break when it is above every value). Class indices start at 0. Null, NaN and infinite values are never
/// classified: they are counted in ``nullCount`` and their class index is nil.
public struct Classification: Hashable, Sendable {
    /// The property classified, as named in messages and in the legend.
    public let property: String
    public let method: ClassificationMethod
    /// The number of classes asked for (for manual breaks, the number of breaks given).
    public let classesAsked: Int
    /// Upper bounds of the classes, increasing; `breaks.count` is the number of classes made.
    public let breaks: [Double]
    /// How many values each class holds.
    public let counts: [Int]
    /// The smallest and largest classified value.
    public let minimum: Double
    public let maximum: Double
    /// Values classified (nulls not included).
    public let valueCount: Int
    /// Null, NaN and infinite values: kept apart, never classified.
    public let nullCount: Int
    /// The mean and population standard deviation (σ), for the standard-deviation method's labels; nil otherwise.
    public let mean: Double?
    public let standardDeviation: Double?
    /// What differs from the request and why (fewer classes made, empty classes, an extra class for manual breaks);
    /// empty when the classes are as asked.
    public let warnings: [String]

    /// The number of classes made (fewer than asked when the values do not allow more; see ``warnings``).
    public var classesMade: Int { breaks.count }

    /// The class of `value` (0-based), or nil for a null, NaN or infinite value.
    ///
    /// A value outside `minimum...maximum` is put in the first or last class (see ``ClassBreaks``).
    public func classIndex(of value: Double?) -> Int? {
        ClassBreaks.index(of: value, breaks: breaks)
    }

    /// The lower bound of class `index` as a legend shows it: the minimum for the first class (or its break, when
    /// manual breaks start below every value), else the previous class's upper bound (excluded from the class).
    public func lowerBound(ofClass index: Int) -> Double {
        index == 0 ? min(minimum, breaks[0]) : breaks[index - 1]
    }
}
