import Testing

@testable import GeoPlan

@Suite struct ParentCodeTests {
    @Test func pCodesAndNumericCodesLoseTwoDigitsPerLevel() {
        #expect(ParentCode.ancestor(of: "TH120101", at: .district) == "TH1201")
        #expect(ParentCode.ancestor(of: "TH120101", at: .province) == "TH12")
        #expect(ParentCode.ancestor(of: "TH120101", at: .tambon) == "TH120101")
        #expect(ParentCode.ancestor(of: "830101", at: .district) == "8301")
        #expect(ParentCode.ancestor(of: "TH1201", at: .province) == "TH12")
        #expect(ParentCode.ancestor(of: "TH1201", at: .tambon) == nil)  // a district has no tambon
        #expect(ParentCode.ancestor(of: "TH12A1", at: .province) == nil)
        #expect(ParentCode.ancestor(of: "12010", at: .province) == nil)  // odd digits: not a code
    }

    @Test func statedParentsThatDisagreeAreListed() {
        let wrong = ParentCode.disagreements(
            codes: ["TH120101", "TH120201", "TH830101"],
            statedParents: ["TH1201", "TH1201", "TH8301"], level: .district)
        #expect(wrong.map(\.code) == ["TH120201"])
    }
}
