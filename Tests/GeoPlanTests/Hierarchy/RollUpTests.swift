import Foundation
import GeoplanTestSupport
import Testing

@testable import GeoPlan

/// Roll-ups: sums add, ratios come from the rolled-up sums (never the mean of the ratios), means are weighted.
@Suite struct RollUpTests {
    /// Columns: people, km², density = people / km² (ratio of 0 and 1), mean age weighted by people.
    @Test func aRatioOfRolledUpSumsNotAMeanOfRatios() {
        let rows: [[Double?]] = [
            [1000, 1, 1000, 30],  // a dense small tambon
            [1000, 9, 1000.0 / 9, 50],  // a sparse large one
            [500, 5, 100, 40],
        ]
        let rules: [RollUp.Rule] = [.sum, .sum, .ratio(numerator: 0, denominator: 1, scale: 1), .weightedMean(weight: 0)]
        let groups = RollUp.aggregate(rows, groups: ["D1", "D1", "D2"], rules: rules)
        #expect(groups.map(\.group) == ["D1", "D2"])
        #expect(groups[0].values[0] == 2000)
        #expect(groups[0].values[1] == 10)
        #expect(groups[0].values[2] == 200)  // 2000 / 10, where the mean of the two densities is 555.6
        #expect(groups[0].values[3] == 40)  // (1000·30 + 1000·50) / 2000
        #expect(groups[1].values == [500, 5, 100, 40])
    }

    /// Property: on seeded random tambons grouped into districts and districts into provinces, rolling up in
    /// two steps equals rolling up at once, and the ratio of the rolled-up sums equals the rolled-up ratio.
    @Test func rollingUpInStepsEqualsAtOnce() {
        var random = SplitMix64(seed: 17)
        var rows: [[Double?]] = []
        var districts: [String] = []
        for _ in 0..<200 {
            let people = Double(Int.random(in: 0...50_000, using: &random))
            let area = Double.random(in: 0.5...300, using: &random)
            rows.append([people, area, people / area])
            districts.append("TH\(Int.random(in: 10...12, using: &random))\(Int.random(in: 10...14, using: &random))")
        }
        let rules: [RollUp.Rule] = [.sum, .sum, .ratio(numerator: 0, denominator: 1, scale: 1)]
        let byDistrict = RollUp.aggregate(rows, groups: districts, rules: rules)
        let provincesOfDistricts = byDistrict.map { ParentCode.ancestor(of: $0.group + "01", at: .province) ?? "" }
        let twoSteps = RollUp.aggregate(byDistrict.map(\.values), groups: provincesOfDistricts, rules: rules)
        let oneStep = RollUp.aggregate(rows, groups: districts.map { String($0.prefix(4)) }, rules: rules)
        #expect(twoSteps.map(\.group) == oneStep.map(\.group))
        for (a, b) in zip(twoSteps, oneStep) {
            for (x, y) in zip(a.values, b.values) {
                #expect(abs((x ?? .nan) - (y ?? .nan)) <= 1e-9 * abs(y ?? 1), "\(a.group)")
            }
            #expect(abs((a.values[2] ?? 0) - (a.values[0] ?? 0) / (a.values[1] ?? 1)) <= 1e-12 * (a.values[2] ?? 1))
        }
    }

    @Test func aZeroDenominatorIsNull() {
        let groups = RollUp.aggregate([[5, 0, nil]], groups: ["X"], rules: [.sum, .sum, .ratio(numerator: 0, denominator: 1, scale: 1)])
        #expect(groups[0].values[2] == nil)
    }
}
