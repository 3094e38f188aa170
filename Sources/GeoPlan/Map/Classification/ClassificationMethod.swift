/// How the values of a property are cut into classes for a choropleth.
///
/// Every method yields breaks read as upper bounds (see ``Classification``). Names are what a spec or the command
/// line writes: `quantiles`, `equal-interval`, `natural-breaks` (alias `jenks`), `standard-deviation` (alias
/// `stddev`) and `manual`.
public enum ClassificationMethod: Hashable, Sendable {
    /// Classes holding about the same number of values. The breaks are the `i/k` percentiles interpolated
    /// linearly between neighbouring values (numpy's default, as mapclassify's `Quantiles`); ties can merge two
    /// breaks, and then fewer classes are made and a warning says so.
    case quantiles
    /// Classes of equal width from the minimum to the maximum (mapclassify's `EqualInterval`).
    case equalInterval
    /// Fisher–Jenks natural breaks, exact over every value: the breaks that minimise the sum of squared
    /// deviations from the class means (mapclassify's `FisherJenks` and jenkspy give the same breaks; QGIS samples
    /// 3,000 values and mapclassify's `NaturalBreaks` is k-means, so theirs can differ).
    case naturalBreaks
    /// Classes one standard deviation wide, centred on the mean: with an odd number of classes the middle one is
    /// mean ± ½σ, with an even number a break falls on the mean; the outer classes reach the minimum and the
    /// maximum. Classes that would lie wholly beyond the data are not made (a warning says so). This is ArcGIS's
    /// and QGIS's "1 standard deviation" interval; mapclassify's `StdMean` instead puts fixed breaks at mean ± 1σ
    /// and ± 2σ whatever the number of classes.
    case standardDeviation
    /// Breaks given by the user: the upper bounds of the classes, increasing and finite. Values above the last
    /// break get one more class up to the maximum (a warning says so), as mapclassify's `UserDefined` does.
    case manual(breaks: [Double])

    /// The method's name as written in a spec or on the command line.
    public var name: String {
        switch self {
        case .quantiles: "quantiles"
        case .equalInterval: "equal-interval"
        case .naturalBreaks: "natural-breaks"
        case .standardDeviation: "standard-deviation"
        case .manual: "manual"
        }
    }

    /// The canonical names, for help text and messages.
    public static let names = ["quantiles", "equal-interval", "natural-breaks", "standard-deviation", "manual"]

    /// Other spellings accepted by ``named(_:breaks:)``.
    public static let aliases = [
        "quantile": "quantiles", "equal": "equal-interval", "jenks": "natural-breaks",
        "fisher-jenks": "natural-breaks", "stddev": "standard-deviation",
    ]

    /// The method called `name` (case and `_`/`-` ignored; aliases such as `jenks` accepted).
    /// - Parameter breaks: the breaks of `manual`, required by it and refused by every other method.
    /// - Throws: ``ClassificationError/unknownMethod(name:known:)`` with a did-you-mean, or
    ///   ``ClassificationError/badManualBreaks(property:reason:)`` when breaks are missing or not wanted.
    public static func named(_ name: String, breaks: [Double]? = nil) throws -> ClassificationMethod {
        let key = name.lowercased().replacingOccurrences(of: "_", with: "-")
        let method: ClassificationMethod
        switch aliases[key] ?? key {
        case "quantiles": method = .quantiles
        case "equal-interval": method = .equalInterval
        case "natural-breaks": method = .naturalBreaks
        case "standard-deviation": method = .standardDeviation
        case "manual":
            guard let breaks else {
                throw ClassificationError.badManualBreaks(
                    property: nil,
                    reason: "the manual method needs its breaks "
                        + "(the upper bound of each class, e.g. 100, 500, 2000)")
            }
            return .manual(breaks: breaks)
        default:
            throw ClassificationError.unknownMethod(name: name, known: names)
        }
        if breaks != nil {
            throw ClassificationError.badManualBreaks(
                property: nil,
                reason: "breaks are given only with the manual "
                    + "method, not with \(method.name); drop them or use manual")
        }
        return method
    }
}
