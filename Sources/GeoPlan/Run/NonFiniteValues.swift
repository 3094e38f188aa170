/// Values that came out of an indicator as infinity or NaN (`a * 4e306` overflowing, a raster of 1.7e308 summed, a
/// degenerate measure) are written as null, which every format can hold, and the run says which indicator and how
/// many: a number that silently vanished would be read as "no data".
enum NonFiniteValues {
    static func warning(_ indicator: String, count: Int) -> String {
        "\(indicator): \(count) value\(count == 1 ? " was not a finite number" : "s were not finite numbers") "
            + "(overflow or NaN) and \(count == 1 ? "is" : "are") written as null"
    }

    /// Makes every non-finite value of `columns` in `run` null; one warning per indicator that had any.
    static func null(in run: RunContext, columns: [IndicatorColumn]) -> [String] {
        var counts: [String: Int] = [:]
        var indicators: [String] = []
        for column in columns {
            guard var values = run.values[column.name] else { continue }
            let count = nullify(&values)
            guard count > 0 else { continue }
            run.values[column.name] = values
            if counts[column.indicator] == nil { indicators.append(column.indicator) }
            counts[column.indicator, default: 0] += count
        }
        return indicators.map { warning($0, count: counts[$0] ?? 0) }
    }

    /// Makes the non-finite values null; returns how many there were.
    static func nullify(_ values: inout [IndicatorValue]) -> Int {
        var count = 0
        for index in values.indices where values[index].isNonFinite {
            values[index] = .null
            count += 1
        }
        return count
    }
}

extension IndicatorResult {
    /// Makes every non-finite value null, with a warning naming `indicator` and how many.
    mutating func nullNonFinite(indicator: String) {
        var count = 0
        for row in rows.indices { count += NonFiniteValues.nullify(&rows[row]) }
        if count > 0 { warnings.append(NonFiniteValues.warning(indicator, count: count)) }
    }
}
