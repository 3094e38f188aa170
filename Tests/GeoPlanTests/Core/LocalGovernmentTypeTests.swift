import Testing

@testable import GeoPlan

@Suite struct LocalGovernmentTypeTests {
    @Test(arguments: [
        ("city", LocalGovernmentType.city), ("City Municipality", .city), ("nakhon", .city),
        ("Thesaban Nakhon", .city),
        ("นคร", .city), ("เทศบาลนคร", .city), ("ทน.", .city),
        ("town", .town), ("Town municipality", .town), ("mueang", .town), ("MUANG", .town), ("เมือง", .town),
        ("เทศบาลเมือง", .town), ("ทม.", .town), (" thesaban  mueang ", .town),
        ("subdistrict", .subdistrict), ("sub-district", .subdistrict), ("tambon", .subdistrict),
        ("ตำบล", .subdistrict),
        ("เทศบาลตำบล", .subdistrict), ("ทต.", .subdistrict), ("Subdistrict Municipality", .subdistrict),
        ("sao", .sao), ("อบต.", .sao), ("องค์การบริหารส่วนตำบล", .sao),
    ])
    func readsEnglishRomanisedAndThaiSpellings(text: String, type: LocalGovernmentType) {
        #expect(LocalGovernmentType(parsing: text) == type)
    }

    /// Whole values only: a name that merely contains a class word is not guessed at.
    @Test(arguments: ["", "เทศบาล", "municipality", "เทศบาลตำบลบางเมือง", "village", "3"])
    func refusesWhatNamesNoClass(text: String) {
        #expect(LocalGovernmentType(parsing: text) == nil)
    }

    @Test func anUnknownValueIsAnErrorNamingTheFeature() {
        #expect(throws: GeoPlanError.governance(.unknownType(feature: "municipality 5120101", value: "village"))) {
            try LocalGovernmentType.parse("village", feature: "municipality 5120101")
        }
        let message = "\(GovernanceError.unknownType(feature: "municipality 5120101", value: "village"))"
        #expect(message.contains("municipality 5120101") && message.contains("\"village\""))
        #expect(message.contains("ทม."))
        #expect(throws: GeoPlanError.governance(.unknownType(feature: "municipality X", value: ""))) {
            try LocalGovernmentType.parse(nil, feature: "municipality X")
        }
    }

    @Test func namesEachClassInThai() {
        #expect(
            LocalGovernmentType.allCases.map(\.thaiName) == [
                "เทศบาลนคร", "เทศบาลเมือง", "เทศบาลตำบล",
                "องค์การบริหารส่วนตำบล",
            ])
        #expect(LocalGovernmentType.allCases.filter(\.isMunicipality) == [.city, .town, .subdistrict])
    }
}
