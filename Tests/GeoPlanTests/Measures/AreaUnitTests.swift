import Testing

@testable import GeoPlan

@Suite struct AreaUnitTests {
    @Test func raiIsSixteenHundredSquareMetres() {
        #expect(AreaUnit.rai.value(ofSquareMetres: 1_600) == 1)
        #expect(AreaUnit.squareKilometres.value(ofSquareMetres: 1_000_000) == 1)
        // 1 km² = 625 rai.
        #expect(AreaUnit.rai.value(ofSquareMetres: 1_000_000) == 625)
        #expect(AreaUnit(parsing: "ไร่") == .rai)
        #expect(AreaUnit(parsing: "km²") == .squareKilometres)
        #expect(AreaUnit(parsing: "acre") == nil)
    }

    @Test func raiNganWaSplitsAsThaiSurveyorsWrite() {
        // 4 rai 2 ngan 25 square wa = 4 × 1600 + 2 × 400 + 25 × 4 = 7,300 m².
        #expect(RaiNganWa(squareMetres: 7_300)?.description == "4-2-25")
        #expect(RaiNganWa(squareMetres: 1_600)?.description == "1-0-0")
        // 399 m² = 99.75 square wa, rounded to 100, which carries into a whole ngan.
        #expect(RaiNganWa(squareMetres: 399)?.description == "0-1-0")
        // No form, rather than a trap, for what a vertex beyond a pole or an overflow gives.
        for area in [Double.nan, .infinity, -.infinity, 1e300] { #expect(RaiNganWa(squareMetres: area) == nil) }
    }
}
