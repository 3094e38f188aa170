import GDAL
import GeoplanTestSupport
import Testing

@testable import GeoPlan

@Suite struct KeyFieldTests {
    @Test func prefersTheTambonCode() throws {
        let layer = try Dataset.open(Fixtures.phuket).layer(at: 0)
        #expect(try KeyField.resolve(nil, in: layer) == "ADM3_PCODE")
        #expect(try KeyField.resolve("adm3_en", in: layer) == "ADM3_EN")
        #expect(throws: GDALError.self) { try KeyField.resolve("NOPE", in: layer) }
    }

    @Test func provincesWithoutACodeUseTheirName() throws {
        // The shipped province layer has ADM0_PCODE (the country, "TH" everywhere) but no ADM1_PCODE.
        let layer = try Dataset.open(Fixtures.provinces).layer(at: 0)
        #expect(try KeyField.resolve(nil, in: layer) == "ADM1_EN")
    }
}
