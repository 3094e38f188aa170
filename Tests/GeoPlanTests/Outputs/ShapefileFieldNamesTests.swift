import Testing

@testable import GeoPlan

@Suite struct ShapefileFieldNamesTests {
    @Test func namesThatFitAreKeptAndLongOnesCutThenNumbered() {
        let names = [
            "ADM3_PCODE", "population", "population_total", "population_density", "road_km_primary",
            "road_km_private",
        ]
        let short = ShapefileFieldNames.shortNames(names)
        #expect(
            short == [
                "ADM3_PCODE": "ADM3_PCODE", "population": "population", "population_total": "populati_1",
                "population_density": "populati_2", "road_km_primary": "road_km_pr",
                "road_km_private": "road_km_1",
            ])
    }

    @Test func aNumberedNameNeverTakesOneThatFitsOrDiffersOnlyInCase() {
        let short = ShapefileFieldNames.shortNames(["abcdefghijk", "ABCDEFGHIJ", "abcdefgh_1"])
        #expect(short["ABCDEFGHIJ"] == "ABCDEFGHIJ" && short["abcdefgh_1"] == "abcdefgh_1")
        #expect(short["abcdefghijk"] == "abcdefgh_2")
    }

    /// Thai letters take 3 bytes in UTF-8: a name is cut on whole characters, never inside one.
    @Test func thaiNamesAreCutOnWholeCharacters() {
        #expect(ShapefileFieldNames.shortNames(["ประชากร", "ประชากรรวม"]) == ["ประชากร": "ประ", "ประชากรรวม": "ปร_1"])
    }
}
