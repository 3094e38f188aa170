import Testing

@testable import GeoPlan

struct AreaCodeTests {
    // MARK: - normalize

    @Test func thaiSpellingsOfOneTambonAgree() {
        // COD-AB, DOPA, a spreadsheet's leading zero, padding and case, a numeric export.
        let spellings = [
            "TH830101", "830101", "0830101", " th830101 ", "830101.0", "830101.00", "Th0830101.0",
            "\t830101\n",
        ]
        for code in spellings {
            #expect(AreaCode.normalize(code, thai: true) == "830101", "\(code)")
        }
    }

    @Test func thaiEdgeCases() {
        #expect(AreaCode.normalize("000", thai: true) == "0")  // all zeros keep one
        #expect(AreaCode.normalize("TH00", thai: true) == "0")
        #expect(AreaCode.normalize("10", thai: true) == "10")  // only leading zeros go
        #expect(AreaCode.normalize("830101.5", thai: true) == "830101.5")  // not a numeric export's ".0"
        #expect(AreaCode.normalize("MUN-01", thai: true) == "MUN-01")
        #expect(AreaCode.normalize(" mun-01 ", thai: true) == "MUN-01")
        #expect(AreaCode.normalize("TH", thai: true) == "TH")  // no digits after the prefix: text as is
        #expect(AreaCode.normalize("THA", thai: true) == "THA")
        // Thai digits are not ASCII digits: compared as text.
        #expect(AreaCode.normalize("๘๓๐๑๐๑", thai: true) == "๘๓๐๑๐๑")
    }

    @Test func blankIsNil() {
        for thai in [true, false] {
            #expect(AreaCode.normalize("", thai: thai) == nil)
            #expect(AreaCode.normalize("  \t\n", thai: thai) == nil)
        }
    }

    @Test func exactKeepsTheTrimmedCode() {
        #expect(AreaCode.normalize("TH830101", thai: false) == "TH830101")
        #expect(AreaCode.normalize(" 0830101 ", thai: false) == "0830101")
        #expect(AreaCode.normalize("mun-01", thai: false) == "mun-01")
    }

    // MARK: - CodeMatcher

    @Test func matchesAcrossSpellings() {
        let matcher = CodeMatcher(
            [(code: "830101", row: 0), (code: "0830102", row: 1), (code: "MUN-01", row: 2)],
            thai: true)
        #expect(matcher.duplicates.isEmpty)
        #expect(matcher.row(for: "TH830101") == 0)
        #expect(matcher.row(for: "th830102") == 1)
        #expect(matcher.row(for: "mun-01") == 2)  // non-numeric: case-insensitive exact
        #expect(matcher.row(for: "MUN-1") == nil)
        #expect(matcher.row(for: "TH830103") == nil)
        #expect(matcher.row(for: "") == nil)
    }

    @Test func exactMatcherKeepsPrefixesAndCase() {
        let matcher = CodeMatcher([(code: "TH830101", row: "a"), (code: "830101", row: "b")], thai: false)
        #expect(matcher.duplicates.isEmpty)
        #expect(matcher.row(for: "TH830101") == "a")
        #expect(matcher.row(for: " 830101 ") == "b")
        #expect(matcher.row(for: "th830101") == nil)
        #expect(matcher.row(for: "0830101") == nil)
    }

    @Test func duplicatesAreReportedAndMatchNothing() {
        let matcher = CodeMatcher(
            [
                (code: "TH830101", row: 0), (code: "830102", row: 1), (code: "0830101", row: 2),
                (code: "830101.0", row: 3), (code: "mun-01", row: 4), (code: "MUN-01", row: 5),
            ],
            thai: true)
        #expect(
            matcher.duplicates == ["830101": ["TH830101", "0830101", "830101.0"], "MUN-01": ["mun-01", "MUN-01"]])
        #expect(matcher.row(for: "830101") == nil)  // three rows: which would be right?
        #expect(matcher.row(for: "830102") == 1)
        // Under exact codes the same rows are all distinct.
        let exact = CodeMatcher([(code: "TH830101", row: 0), (code: "0830101", row: 1)], thai: false)
        #expect(exact.duplicates.isEmpty)
    }

    @Test func unmatchedInBothDirections() {
        let matcher = CodeMatcher(
            [
                (code: "TH830103", row: 0), (code: "830101", row: 1), (code: "830109", row: 2),
                (code: "  ", row: 3), (code: "0830105", row: 4),
            ], thai: true)
        let (codesWithoutArea, areasWithoutRow) = matcher.unmatched(
            areaCodes: ["TH830101", "TH830104", "TH830103", "TH830102", ""])
        // Table: 830103 and 830101 found; 830109 and 0830105 name no area; the blank row is ignored.
        #expect(codesWithoutArea == ["0830105", "830109"])
        // Areas: 830104 and 830102 have no row, nor does the blank code; sorted as written.
        #expect(areasWithoutRow == ["", "TH830102", "TH830104"])
    }

    @Test func duplicatedCodeWithAnAreaIsNotUnmatched() {
        let matcher = CodeMatcher(
            [
                (code: "830101", row: 0), (code: "0830101", row: 1), (code: "830102", row: 2),
                (code: "TH830102", row: 3),
            ], thai: true)
        let (codesWithoutArea, areasWithoutRow) = matcher.unmatched(areaCodes: ["TH830101"])
        #expect(codesWithoutArea == ["830102", "TH830102"])  // both rows of the unmatched duplicate, as written
        #expect(areasWithoutRow.isEmpty)  // its rows exist; `duplicates` reports the problem
    }
}
