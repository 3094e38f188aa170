import Testing

@testable import GeoPlan

/// CSV text a spreadsheet would run as a formula gets a leading `'` and quotes; numbers never change.
@Suite struct SpreadsheetTextTests {
    @Test func formulaLikeTextIsNeutralised() {
        for text in [
            "=1+2", "+A1", "-A1", "@SUM(A1)", "\t=1", "\r=1", "=HYPERLINK(\"http://x\")", "-", "+", "=",
            "-5+cmd|' /C calc'!A0", "-1e5x",
        ] {
            #expect(SpreadsheetText.isFormulaLike(text), "\(text)")
            #expect(SpreadsheetText.neutralised(text) == "'" + text)
            #expect(SpreadsheetText.restored(SpreadsheetText.neutralised(text)) == text)
        }
    }

    @Test func otherTextAndPlainNumbersAreKept() {
        for text in ["TH120101", "ตำบลบางกระสอ", " =1", "a=1", "'=1", "", "-5", "+3.5", "-.5e-3", "-12.25", "5"] {
            #expect(SpreadsheetText.neutralised(text) == text, "\(text)")
        }
        #expect(SpreadsheetText.restored("'quoted") == "'quoted")  // not a neutralised cell
        #expect(SpreadsheetText.restored("'-5") == "'-5")  // geoplan never writes this
    }

    @Test func csvCellsAreNeutralisedAndQuotedButNumbersAreNot() {
        var table = CSVTable(header: ["code", "value"])
        table.append([.text("=1+2"), .number(-5)])
        table.append([.text("-A, B"), .integer(-7)])
        table.append([.text("-5"), .number(-0.25)])
        #expect(
            table.rows.map { $0.map(CSVTable.cell) } == [[#""'=1+2""#, "-5"], [#""'-A, B""#, "-7"], ["-5", "-0.25"]])
        var raw = CSVTable(header: ["code"], rawText: true)
        raw.append([.text("=1+2")])
        #expect(raw.rows.map { $0.map(CSVTable.cell) } == [["=1+2"]])
    }
}
