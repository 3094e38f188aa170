import Foundation

/// Classifies a numeric property's values for a choropleth.
///
/// ```swift
/// let densities: [Double?] = features.map { $0.density }   // nil where the feature has no value
/// let classes = try Classifier.classify(densities, property: "pop_density", method: .naturalBreaks, classes: 5)
/// let palette = try Palette.named("YlOrRd")
/// let legend = try Legend(classification: classes, palette: palette)
/// for value in densities {
///     let index = classes.classIndex(of: value)       // nil for a null
///     let colour = legend.color(of: value)            // the null colour for a null
/// }
/// try legend.write(to: "out/pop_density.legend.json")
/// ```
///
/// Fall-backs, each reported in ``Classification/warnings`` rather than failing:
/// - fewer distinct values than classes asked (any method but manual): one class per distinct value;
/// - quantiles whose breaks tie: the tied breaks merge, so fewer classes;
/// - standard-deviation classes wholly beyond the data: not made;
/// - manual breaks below the maximum: one more class up to the maximum;
/// - classes that hold no value (equal intervals over skewed data, manual breaks): kept, and named.
public enum Classifier {
    /// The numbers of classes accepted: more than 12 or so cannot be told apart on a map, and ColorBrewer's
    /// palettes stop at 9 (sequential) and 11 (diverging); 32 leaves room for manual breaks and grey scales.
    public static let allowedClasses = 1...32

    /// Classifies `values` (nil, NaN and ±infinity are nulls: counted apart, never classified).
    /// - Parameters:
    ///   - property: the property's name, used in messages, warnings and the legend.
    ///   - classes: the number of classes wanted; ignored by `.manual`, whose breaks say it.
    /// - Throws: ``ClassificationError/noValues(property:nullCount:)`` when no value is usable,
    ///   ``ClassificationError/badClassCount(property:asked:allowed:)`` outside ``allowedClasses``,
    ///   ``ClassificationError/badManualBreaks(property:reason:)`` for empty, unordered or non-finite breaks.
    public static func classify(
        _ values: [Double?], property: String, method: ClassificationMethod,
        classes: Int = 5
    ) throws -> Classification {
        let asked: Int
        if case let .manual(breaks) = method {
            try BreakRules.validateManual(breaks, property: property, allowed: allowedClasses)
            asked = breaks.count
        } else {
            guard allowedClasses.contains(classes) else {
                throw ClassificationError.badClassCount(property: property, asked: classes, allowed: allowedClasses)
            }
            asked = classes
        }
        let sorted = values.compactMap(ClassBreaks.usable).sorted()
        let nullCount = values.count - sorted.count
        guard let minimum = sorted.first, let maximum = sorted.last else {
            throw ClassificationError.noValues(property: property, nullCount: nullCount)
        }
        let (distinct, weights) = distinctValues(sorted)
        var warnings: [String] = []
        var breaks: [Double]
        var moments: (mean: Double, sigma: Double)?
        switch method {
        case let .manual(given):
            breaks = given
            if let last = given.last, maximum > last {
                breaks.append(maximum)
                warnings.append(
                    "manual breaks: values of \"\(property)\" reach \(maximum), above the last break "
                        + "\(last), so a class (\(last), \(maximum)] was added")
            }
        case _ where distinct.count < asked:
            breaks = distinct
            warnings.append(
                "\"\(property)\" has only \(distinct.count) distinct value"
                    + "\(distinct.count == 1 ? "" : "s"), fewer than the \(asked) classes asked: one class "
                    + "per value")
        case .quantiles:
            breaks = BreakRules.quantiles(sorted: sorted, classes: asked)
            if breaks.count < asked {
                warnings.append(
                    "quantiles: tied values of \"\(property)\" give equal breaks, so \(breaks.count) "
                        + "classes were made instead of the \(asked) asked")
            }
        case .equalInterval:
            breaks = BreakRules.equalInterval(minimum: minimum, maximum: maximum, classes: asked)
        case .naturalBreaks:
            breaks = FisherJenks.breaks(distinct: distinct, weights: weights, classes: asked)
        case .standardDeviation:
            let cut = BreakRules.standardDeviation(sorted: sorted, classes: asked)
            breaks = cut.breaks
            moments = (cut.mean, cut.sigma)
            if cut.dropped > 0 {
                let low = (minimum - cut.mean) / cut.sigma
                let high = (maximum - cut.mean) / cut.sigma
                warnings.append(
                    "standard deviation: the values of \"\(property)\" lie between the mean "
                        + "\(signed(low))σ and \(signed(high))σ, so \(cut.dropped) of the \(asked) classes "
                        + "asked would hold no value and \(breaks.count) were made")
            }
        }
        var counts = [Int](repeating: 0, count: breaks.count)
        for value in sorted {
            if let index = ClassBreaks.index(of: value, breaks: breaks) { counts[index] += 1 }
        }
        let empty = counts.indices.filter { counts[$0] == 0 }
        if !empty.isEmpty {
            let names = empty.map { String($0 + 1) }
            warnings.append(
                "\(empty.count == 1 ? "class" : "classes") \(listed(names)) of \"\(property)\" "
                    + "\(empty.count == 1 ? "holds" : "hold") no value (classes counted from 1)")
        }
        return Classification(
            property: property, method: method, classesAsked: asked, breaks: breaks,
            counts: counts, minimum: minimum, maximum: maximum, valueCount: sorted.count,
            nullCount: nullCount, mean: moments?.mean, standardDeviation: moments?.sigma,
            warnings: warnings)
    }

    /// The distinct values of sorted input and how often each occurs.
    static func distinctValues(_ sorted: [Double]) -> (values: [Double], counts: [Int]) {
        var values: [Double] = []
        var counts: [Int] = []
        for value in sorted {
            if value == values.last {
                counts[counts.count - 1] += 1
            } else {
                values.append(value)
                counts.append(1)
            }
        }
        return (values, counts)
    }

    private static func signed(_ value: Double) -> String {
        String(format: "%+.1f", value).replacingOccurrences(of: "-", with: "−")
    }

    /// "1", "1 and 2", "1, 2 and 3".
    private static func listed(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
    }
}
