import Foundation
import GeoplanTestSupport
import Testing

@testable import GeoPlan

/// Roll-ups: sums add, ratios come from the rolled-up sums (never the mean of the ratios), means are weighted.
@Suite struct RollUpTests {
    static let density = try? Expression("people / km2")

    /// People, km² and mean age of three tambons; the first two form one district.
    @Test func aRatioOfRolledUpSumsNotAMeanOfRatios() throws {
        let people: [Double?] = [1000, 1000, 500]
        let km2: [Double?] = [1, 9, 5]
        let age: [Double?] = [30, 50, 40]
        let district = [0, 1]
        let sums = (people: RollUp.sum(people, of: district), km2: RollUp.sum(km2, of: district))
        #expect(sums.people == 2000 && sums.km2 == 10)
        let density = try #require(Self.density).evaluate { $0 == "people" ? sums.people : sums.km2 }
        #expect(density == 200)  // 2000 / 10, where the mean of the two densities is 555.6
        #expect(RollUp.weightedMean(age, weights: people, of: district) == 40)  // (1000·30 + 1000·50) / 2000
        #expect(RollUp.weightedMean(age, weights: km2, of: district) == 48)  // (1·30 + 9·50) / 10
    }

    @Test func aMemberWithoutAValueLeavesTheGroupWithout() {
        #expect(RollUp.sum([1, nil, 3], of: [0, 2]) == 4)
        #expect(RollUp.sum([1, nil, 3], of: [0, 1]) == nil)
        #expect(RollUp.weightedMean([1, nil], weights: [1, 1], of: [0, 1]) == nil)
        #expect(RollUp.weightedMean([1, 2], weights: [0, nil], of: [0, 1]) == nil)  // nothing to weigh by
        #expect(RollUp.weightedMean([1, 2], weights: [1, nil], of: [0, 1]) == 1)
    }

    /// Property: on seeded random tambons grouped into districts and districts into provinces, rolling up in
    /// two steps equals rolling up at once, and so does the ratio of the rolled-up sums.
    @Test func rollingUpInStepsEqualsAtOnce() throws {
        var random = SplitMix64(seed: 17)
        var people: [Double?] = []
        var km2: [Double?] = []
        var districts: [String] = []
        for _ in 0..<200 {
            people.append(Double(Int.random(in: 0...50_000, using: &random)))
            km2.append(Double.random(in: 0.5...300, using: &random))
            districts.append("TH\(Int.random(in: 10...12, using: &random))\(Int.random(in: 10...14, using: &random))")
        }
        func groups(_ codes: [String]) -> [String: [Int]] {
            Dictionary(grouping: codes.indices, by: { codes[$0] })
        }
        let byDistrict = groups(districts).sorted { $0.key < $1.key }
        let districtPeople = byDistrict.map { RollUp.sum(people, of: $0.value) }
        let districtKm2 = byDistrict.map { RollUp.sum(km2, of: $0.value) }
        let provinceOfDistrict = byDistrict.map { ParentCode.ancestor(of: $0.key + "01", at: .province) ?? "" }
        let oneStep = groups(districts.map { String($0.prefix(4)) })
        for (province, members) in groups(provinceOfDistrict) {
            let twoStepPeople = try #require(RollUp.sum(districtPeople, of: members))
            let twoStepKm2 = try #require(RollUp.sum(districtKm2, of: members))
            let atOnce = try #require(oneStep[province])
            let onePeople = try #require(RollUp.sum(people, of: atOnce))
            let oneKm2 = try #require(RollUp.sum(km2, of: atOnce))
            #expect(twoStepPeople == onePeople)
            #expect(abs(twoStepKm2 - oneKm2) <= 1e-9 * oneKm2)
            let twoStepDensity = try #require(Self.density?.evaluate { $0 == "people" ? twoStepPeople : twoStepKm2 })
            #expect(abs(twoStepDensity - onePeople / oneKm2) <= 1e-9 * twoStepDensity)
        }
    }

    @Test func aZeroDenominatorIsNull() throws {
        #expect(try #require(Self.density).evaluate { $0 == "people" ? 5 : 0 } == nil)
    }
}
