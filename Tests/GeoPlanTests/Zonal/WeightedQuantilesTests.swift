import Testing

@testable import GeoPlan

/// Against R's `quantile(type = 7)` for equal weights (values worked by hand from its definition,
/// h = (n − 1)·q) and a weighted case worked by hand from exactextract's rule.
@Suite struct WeightedQuantilesTests {
    @Test func equalWeightsAreRsType7() {
        var quantiles = WeightedQuantiles()
        for value in [4.0, 1, 3, 2] { quantiles.add(value, weight: 1) }
        #expect(quantiles.quantile(0) == 1)
        #expect(quantiles.quantile(0.25) == 1.75)
        #expect(quantiles.quantile(0.5) == 2.5)
        #expect(quantiles.quantile(1) == 4)
        var ten = WeightedQuantiles()
        for value in 1...10 { ten.add(Double(value), weight: 0.5) }  // scaling every weight changes nothing
        #expect(abs((ten.quantile(0.9) ?? 0) - 9.1) < 1e-12)
    }

    /// Values 1, 2, 3 with weights 1, 1, 2: points at 0, 3 and 8 on a scale of 8, so the median (4) is
    /// 2 + (4 − 3)/(8 − 3) = 2.2.
    @Test func unequalWeightsInterpolateBetweenPoints() {
        var quantiles = WeightedQuantiles()
        quantiles.add(3, weight: 2)
        quantiles.add(1, weight: 1)
        quantiles.add(2, weight: 1)
        quantiles.add(99, weight: 0)  // no weight: not a pixel of the area
        #expect(abs((quantiles.quantile(0.5) ?? 0) - 2.2) < 1e-12)
    }

    /// Equal values are one point: 1, 1, 2 is the points 1 (weight 2) and 2 (weight 1) at 0 and 1·1 + 1·2 = 3
    /// on a scale of 3, so the median (1.5) is 1.5, where R's type 7 on the raw list gives 1.
    @Test func equalValuesMergeIntoOnePoint() {
        var quantiles = WeightedQuantiles()
        for value in [1.0, 2, 1] { quantiles.add(value, weight: 1) }
        #expect(quantiles.quantile(0.5) == 1.5)
    }

    @Test func emptyAndSingle() {
        var empty = WeightedQuantiles()
        #expect(empty.quantile(0.5) == nil)
        var single = WeightedQuantiles()
        single.add(7, weight: 0.3)
        #expect(single.quantile(0.1) == 7)
        #expect(single.quantile(0.9) == 7)
        #expect(single.quantile(1.5) == nil)
    }
}
