import Testing

@testable import GeoPlan

/// Statistics of hand-made pixel lists whose answers are worked out by hand.
@Suite struct ZonalAccumulatorTests {
    /// The textbook set 2, 4, 4, 4, 5, 5, 7, 9: mean 5, population standard deviation 2. Its median by
    /// exactextract's rule: the points 2, 4, 5, 7, 9 weigh 1, 3, 2, 1, 1 and sit at 0, 7, 20, 27, 32 on a scale
    /// of 32, so the median (16) is 4 + (16 − 7)/(20 − 7) = 4 + 9/13.
    @Test func wholePixels() {
        var stats = ZonalAccumulator(statistics: [.count, .sum, .mean, .stdev, .min, .max, .quantile(0.5)])
        for value in [2.0, 4, 4, 4, 5, 5, 7, 9] { stats.add(value: value, coverage: 1, pixelArea: 100) }
        #expect(stats.value(of: .count) == 8)
        #expect(stats.value(of: .sum) == 40)
        #expect(stats.value(of: .mean) == 5)
        #expect(abs((stats.value(of: .stdev) ?? 0) - 2) < 1e-12)
        #expect(stats.value(of: .min) == 2)
        #expect(stats.value(of: .max) == 9)
        #expect(abs((stats.value(of: .quantile(0.5)) ?? 0) - (4 + 9.0 / 13)) < 1e-12)
    }

    /// 0 covered a quarter, 10 three quarters: count 1, sum 7.5, mean 7.5,
    /// variance (0.25 · 7.5² + 0.75 · 2.5²) / 1 = 18.75.
    @Test func partialPixelsWeighByTheirCoverage() {
        var stats = ZonalAccumulator(statistics: [.count, .sum, .mean, .stdev])
        stats.add(value: 0, coverage: 0.25, pixelArea: 1)
        stats.add(value: 10, coverage: 0.75, pixelArea: 1)
        stats.add(value: 1000, coverage: 0, pixelArea: 1)  // touched by the box, not by the area
        #expect(stats.value(of: .count) == 1)
        #expect(stats.value(of: .sum) == 7.5)
        #expect(stats.value(of: .mean) == 7.5)
        #expect(abs((stats.value(of: .stdev) ?? 0) - 18.75.squareRoot()) < 1e-12)
    }

    /// Classes 1 (two pixels of 100 m², one half covered) and 2 (one pixel of 300 m²): ground areas 150 and
    /// 300 m², so fractions 1/3 and 2/3; majority by covered pixels: 1 (1.5 against 1).
    @Test func classesByGroundArea() {
        var stats = ZonalAccumulator(statistics: [.fraction, .area, .majority, .minority, .variety])
        stats.add(value: 1, coverage: 1, pixelArea: 100)
        stats.add(value: 1, coverage: 0.5, pixelArea: 100)
        stats.add(value: 2, coverage: 1, pixelArea: 300)
        let fractions = stats.values(of: .fraction, classes: [1, 2, 3], unitSquareMetres: 1)
        #expect(abs((fractions[0] ?? 0) - 1.0 / 3) < 1e-15)
        #expect(abs((fractions[1] ?? 0) - 2.0 / 3) < 1e-15)
        #expect(fractions[2] == 0)
        #expect(stats.values(of: .area, classes: [1, 2], unitSquareMetres: 100) == [1.5, 3])
        #expect(stats.value(of: .majority) == 1)
        #expect(stats.value(of: .minority) == 2)
        #expect(stats.value(of: .variety) == 2)
    }

    @Test func tiesGoToTheSmallerValue() {
        var stats = ZonalAccumulator(statistics: [.majority, .minority])
        for value in [5.0, 3, 4] { stats.add(value: value, coverage: 1, pixelArea: 1) }
        #expect(stats.value(of: .majority) == 3)
        #expect(stats.value(of: .minority) == 3)
    }

    /// Night lights 10 and 20 under 1 and 3 people: population-weighted mean (10 + 60) / 4 = 17.5.
    @Test func weightedByASecondRaster() {
        var stats = ZonalAccumulator(statistics: [.weightedMean, .weightedSum, .mean])
        stats.add(value: 10, coverage: 1, pixelArea: 1, weight: 1)
        stats.add(value: 20, coverage: 1, pixelArea: 1, weight: 3)
        #expect(stats.value(of: .weightedMean) == 17.5)
        #expect(stats.value(of: .weightedSum) == 70)
        #expect(stats.value(of: .mean) == 15)
    }

    @Test func noDataIsNullNotZero() {
        var stats = ZonalAccumulator(statistics: [.count, .sum, .mean, .variety])
        #expect(stats.value(of: .count) == 0)
        #expect(stats.value(of: .variety) == 0)
        #expect(stats.value(of: .sum) == nil)
        #expect(stats.value(of: .mean) == nil)
    }

    @Test func statisticNames() {
        #expect(ZonalStatistic(name: "q90") == .quantile(0.9))
        #expect(ZonalStatistic(name: "median") == .quantile(0.5))
        #expect(ZonalStatistic(name: "q2.5")?.description == "q2_5")
        #expect(ZonalStatistic(name: "q101") == nil)
        #expect(ZonalStatistic(name: "Weighted_Mean") == .weightedMean)
        #expect(ZonalStatistic(name: "average") == nil)
    }
}
