/// The one rule that turns a value into a class, shared by ``Classification`` and ``Legend``.
///
/// Breaks are upper bounds, as in mapclassify: class 0 holds every value up to and including `breaks[0]` (so it
/// includes the minimum), class `i` holds `breaks[i-1] < value <= breaks[i]`.
enum ClassBreaks {
    /// The class of `value`; nil for a null, NaN or infinite value (nulls are never classified). A value above
    /// the last break falls in the last class, so classifying data other than those the breaks came from never
    /// fails; a value below the first break falls in the first.
    static func index(of value: Double?, breaks: [Double]) -> Int? {
        guard let value, value.isFinite, !breaks.isEmpty else { return nil }
        // Binary search for the first break >= value.
        var low = 0
        var high = breaks.count - 1
        while low < high {
            let middle = (low + high) / 2
            if breaks[middle] >= value { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// Whether `value` counts as a value: nulls, NaN and ±infinity do not.
    static func usable(_ value: Double?) -> Double? {
        guard let value, value.isFinite else { return nil }
        return value
    }
}
