import Foundation
import GeoplanTestSupport
import Testing

@testable import GeoPlan

@Suite struct FisherJenksTests {
    /// The textbook O(k·n²) programme over every value, one by one (no ties merged, no divide and conquer): the
    /// reference the fast version must equal. Returns the least total sum of squared deviations.
    static func bruteForceCost(_ sorted: [Double], classes: Int) -> Double {
        let n = sorted.count
        // table[start][end]: the sum of squared deviations of sorted[start..<end], by Welford's running update.
        var table = [[Double]](repeating: [Double](repeating: 0, count: n + 1), count: n + 1)
        for start in 0..<n {
            var mean = 0.0
            var squares = 0.0
            for end in (start + 1)...n {
                let value = sorted[end - 1]
                let delta = value - mean
                mean += delta / Double(end - start)
                squares += delta * (value - mean)
                table[start][end] = squares
            }
        }
        func cost(_ start: Int, _ end: Int) -> Double { table[start][end] }
        var best = (0...n).map { cost(0, $0) }
        for level in 1..<classes {
            var next = [Double](repeating: .infinity, count: n + 1)
            for end in (level + 1)...n {
                for split in level..<end {
                    next[end] = min(next[end], best[split] + cost(split, end))
                }
            }
            best = next
        }
        return best[n]
    }

    /// The total within-class sum of squared deviations of the classes that `breaks` make.
    static func cost(of breaks: [Double], _ sorted: [Double]) -> Double {
        var total = 0.0
        var start = 0
        for upper in breaks {
            let end = sorted.lastIndex { $0 <= upper }.map { $0 + 1 } ?? start
            let run = sorted[start..<end]
            let mean = run.reduce(0, +) / Double(max(run.count, 1))
            total += run.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
            start = end
        }
        return total
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8])
    func equalsTheBruteForceProgrammeOnSeededData(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let count = Int.random(in: 20...160, using: &random)
        // Every other seed rounds to whole numbers, so that ties are common.
        let values = (0..<count).map { _ in
            let value = exp(Double.random(in: 0...6, using: &random))
            return seed % 2 == 0 ? value.rounded() : value
        }.sorted()
        let (distinct, weights) = Classifier.distinctValues(values)
        for classes in 2...min(7, distinct.count) {
            let breaks = FisherJenks.breaks(distinct: distinct, weights: weights, classes: classes)
            #expect(breaks.count == classes)
            #expect(breaks.last == values.last)
            #expect(zip(breaks, breaks.dropFirst()).allSatisfy { $0 < $1 })
            let reference = Self.bruteForceCost(values, classes: classes)
            let made = Self.cost(of: breaks, values)
            #expect(abs(made - reference) <= 1e-9 * max(reference, 1), "seed \(seed), k=\(classes)")
        }
    }

    @Test func oneClassPerDistinctValueWhenAskedForAsMany() {
        #expect(FisherJenks.breaks(distinct: [1, 2, 3], weights: [4, 1, 2], classes: 3) == [1, 2, 3])
        #expect(FisherJenks.breaks(distinct: [1, 2, 3], weights: [4, 1, 2], classes: 1) == [3])
    }

    @Test func largeValuesCloseTogetherKeepTheirBreaks() {
        // Shifted by the mean before squaring: 1e9 + small differences still split where they should.
        let base = 1_000_000_000.0
        let values = [0.0, 0.1, 0.2, 10, 10.1, 10.2, 20, 20.1].map { base + $0 }
        let breaks = FisherJenks.breaks(distinct: values, weights: Array(repeating: 1, count: 8), classes: 3)
        #expect(breaks == [base + 0.2, base + 10.2, base + 20.1])
    }

    /// The brief asks for ~10,000 values "quickly": this debug build does 10,000 distinct values in 9 classes in
    /// well under a second (the O(k·n²) programme would take 9·10⁸/2 steps).
    @Test func tenThousandDistinctValuesTakeLittleTime() {
        var random = SplitMix64(seed: 42)
        let values = (0..<10_000).map { _ in Double.random(in: 0...1, using: &random) * 1000 }.sorted()
        let (distinct, weights) = Classifier.distinctValues(values)
        let clock = ContinuousClock()
        let took = clock.measure {
            _ = FisherJenks.breaks(distinct: distinct, weights: weights, classes: 9)
        }
        #expect(took < .seconds(3), "took \(took)")
    }
}
