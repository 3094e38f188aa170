import Foundation
import GDAL
import Testing

@testable import GeoPlan

/// Remedies travel as tokens and are rendered by the front-end that shows them; table cells read by one rule.
@Suite struct RemedyAndTableCellTests {
    @Test func remediesRenderOnlyInTheirFrontEnd() {
        let text = "give \(Remedy.assumeCRS("EPSG:4326").token) or \(Remedy.overwrite.token)"
        #expect(SpecWording.render(text) == "give `assume_crs: EPSG:4326` or \(Remedy.overwrite.token)")
        #expect(
            Remedy.render(text, Remedy.plainWording)
                == "give the assume_crs setting (EPSG:4326) or the overwrite setting")
        // An example cannot smuggle characters that would need escaping in JSON or break the token.
        #expect(Remedy.encoding("CP874\"⟧x").example == "CP874x")
        #expect(SpecWording.render("no token") == "no token")
        #expect(SpecWording.render("a ⟦ lone bracket") == "a ⟦ lone bracket")
    }

    @Test(arguments: [
        ("45210", TableCell.number(45210, grouped: false)),
        (" -3.5 ", .number(-3.5, grouped: false)),
        (".5", .number(0.5, grouped: false)),
        ("1.2e3", .number(1200, grouped: false)),
        ("45,210", .number(45210, grouped: true)),
        ("-1,234,567.25", .number(-1_234_567.25, grouped: true)),
        ("1,2", .text("1,2")),
        ("1,2345", .text("1,2345")),
        ("12,34,567", .text("12,34,567")),
        ("45.210,5", .text("45.210,5")),
        ("abc", .text("abc")),
        ("12 %", .text("12 %")),
        ("0x1F", .text("0x1F")),
        ("1e", .text("1e")),
        ("1e309", .nonFinite("1e309")),
        ("NaN", .nonFinite("NaN")),
        ("-inf", .nonFinite("-inf")),
        ("   ", .empty),
    ])
    func cellsReadByTheDocumentedRule(text: String, expected: TableCell) {
        #expect(TableCell(.string(text)) == expected, "\(text)")
    }

    @Test func typedNumbersStayNumbersAndStoredNonFiniteIsSaid() {
        #expect(TableCell(.integer(7)) == .number(7, grouped: false))
        #expect(TableCell(.real(.infinity)) == .nonFinite("inf"))
        #expect(TableCell(.null) == .empty)
    }
}
