import Foundation

/// One statistic of a raster's pixels under an area, as a `zonal` indicator asks for it (`stats: [sum, mean]`).
///
/// Every pixel counts by the fraction of it the area covers (exactly, from the area's edges, or 0/1 by the
/// centre rule); the `weighted_*` statistics multiply that by the value of a second raster (`weights`).
public enum ZonalStatistic: Hashable, Sendable, CustomStringConvertible {
    /// Σ coverage: the number of pixels with data, partial ones counted by their covered fraction.
    case count
    /// Σ coverage × value (e.g. people, from a population grid).
    case sum
    /// sum / count.
    case mean
    /// Smallest and largest value among pixels the area touches (coverage > 0).
    case min, max
    /// Standard deviation of the values, each weighted by its coverage (population form, as exactextract).
    case stdev
    /// The value below which the given fraction of the coverage-weighted distribution lies (0.5 = median),
    /// interpolated between pixel values as exactextract and R's type 7 quantile do.
    case quantile(Double)
    /// The value covering the most (majority) or the least (minority) of the area, and how many distinct
    /// values it has (variety).
    case majority, minority, variety
    /// Share of the area (by ground area) where the raster has each of the `classes` values.
    case fraction
    /// Ground area of each of the `classes` values, in the indicator's unit.
    case area
    /// Σ coverage × weight × value, and the mean and standard deviation weighted by coverage × weight.
    case weightedSum, weightedMean, weightedStdev

    /// Parses a name as written in a spec: `sum`, `median`, `q90` (the 0.9 quantile), `weighted_mean`…
    public init?(name: String) {
        switch name.lowercased() {
        case "count": self = .count
        case "sum": self = .sum
        case "mean": self = .mean
        case "min": self = .min
        case "max": self = .max
        case "stdev", "std": self = .stdev
        case "median": self = .quantile(0.5)
        case "majority", "mode": self = .majority
        case "minority": self = .minority
        case "variety": self = .variety
        case "fraction", "frac": self = .fraction
        case "area": self = .area
        case "weighted_sum": self = .weightedSum
        case "weighted_mean": self = .weightedMean
        case "weighted_stdev": self = .weightedStdev
        case let other where other.hasPrefix("q"):
            guard let percent = Double(other.dropFirst()), percent >= 0, percent <= 100 else { return nil }
            self = .quantile(percent / 100)
        default: return nil
        }
    }

    /// The names `init(name:)` accepts, for error messages.
    public static let names =
        "count, sum, mean, min, max, stdev, median, q0…q100 (e.g. q90), majority, minority, variety, "
        + "fraction, area, weighted_sum, weighted_mean, weighted_stdev"

    /// The column suffix: `sum`, `median`, `q90`, `q2_5`, `weighted_mean`…
    public var description: String {
        switch self {
        case .count: "count"
        case .sum: "sum"
        case .mean: "mean"
        case .min: "min"
        case .max: "max"
        case .stdev: "stdev"
        case let .quantile(q): q == 0.5 ? "median" : "q\(Self.percent(q))"
        case .majority: "majority"
        case .minority: "minority"
        case .variety: "variety"
        case .fraction: "fraction"
        case .area: "area"
        case .weightedSum: "weighted_sum"
        case .weightedMean: "weighted_mean"
        case .weightedStdev: "weighted_stdev"
        }
    }

    /// Whether it gives one column per class value (`fraction`, `area`).
    public var isPerClass: Bool { self == .fraction || self == .area }
    /// Whether it needs the `weights` raster.
    public var isWeighted: Bool { self == .weightedSum || self == .weightedMean || self == .weightedStdev }
    /// Whether it needs every (value, weight) pair kept, not just running sums.
    var needsValues: Bool {
        if case .quantile = self { return true }
        return false
    }
    /// Whether it needs the weight of each distinct value.
    var needsHistogram: Bool { self == .majority || self == .minority || self == .variety || isPerClass }

    /// 90 for 0.9, 2.5 for 0.025: no trailing zeros.
    private static func percent(_ q: Double) -> String {
        let value = (q * 100 * 1e9).rounded() / 1e9
        // `q2_5`: a dot in a column name trips up GIS apps
        return value == value.rounded() ? String(Int(value)) : String(value).replacingOccurrences(of: ".", with: "_")
    }
}
