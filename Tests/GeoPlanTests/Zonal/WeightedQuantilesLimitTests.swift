import GeoplanTestSupport
import Testing

@testable import GeoPlan

/// The memory bound of quantiles: equal values are merged as pixels come in (so a raster of classes keeps one pair
/// per class, whatever the pixel count), and more distinct values than the limit are flagged, never kept without
/// end. References: the same values added to an unlimited `WeightedQuantiles` (merging is exact for equal values
/// up to the order weights are summed in: within 1e-12).
@Suite struct WeightedQuantilesLimitTests {
    /// 100,000 seeded pixels of 7 classes with random weights under a limit of 8: merged again and again, never
    /// flagged, every quantile as without the limit.
    @Test func manyPixelsOfFewValuesStayWithinTheLimit() {
        var limited = WeightedQuantiles()
        limited.limit = 8
        var unlimited = WeightedQuantiles()
        unlimited.limit = 1 << 40
        var random = SplitMix64(seed: 14)
        for _ in 0..<100_000 {
            let value = Double(Int.random(in: 0..<7, using: &random) * 10)
            let weight = Double.random(in: 0.01...1, using: &random)
            limited.add(value, weight: weight)
            unlimited.add(value, weight: weight)
        }
        #expect(!limited.exceedsLimit)
        for q in [0, 0.1, 0.25, 0.5, 0.9, 1] {
            let expected = unlimited.quantile(q) ?? .nan
            #expect(abs((limited.quantile(q) ?? .nan) - expected) <= 1e-12 * max(1, abs(expected)), "q \(q)")
        }
    }

    /// Nine distinct values under a limit of 4: flagged, and the pairs kept stop growing.
    @Test func moreDistinctValuesThanTheLimitAreFlagged() {
        var quantiles = WeightedQuantiles()
        quantiles.limit = 4
        for value in 0..<9 { quantiles.add(Double(value), weight: 1) }
        #expect(quantiles.exceedsLimit)
        var accumulator = ZonalAccumulator(statistics: [.majority])
        #expect(!accumulator.exceedsDistinctValues)
        for value in 0...ZonalLimits.maximumDistinctValues {
            accumulator.add(value: Double(value), coverage: 1, pixelArea: 1)
        }
        #expect(accumulator.exceedsDistinctValues)
    }
}
