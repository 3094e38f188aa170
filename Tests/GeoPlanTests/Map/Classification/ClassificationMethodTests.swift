import Testing

@testable import GeoPlan

@Suite struct ClassificationMethodTests {
    @Test(arguments: [
        ("quantiles", ClassificationMethod.quantiles), ("Quantile", .quantiles),
        ("equal_interval", .equalInterval), ("jenks", .naturalBreaks), ("natural-breaks", .naturalBreaks),
        ("fisher-jenks", .naturalBreaks), ("stddev", .standardDeviation),
        ("standard-deviation", .standardDeviation),
    ])
    func namesAndAliases(name: String, method: ClassificationMethod) throws {
        #expect(try ClassificationMethod.named(name) == method)
    }

    @Test func everyCanonicalNameRoundTrips() throws {
        for name in ClassificationMethod.names where name != "manual" {
            #expect(try ClassificationMethod.named(name).name == name)
        }
        #expect(try ClassificationMethod.named("manual", breaks: [1, 2]) == .manual(breaks: [1, 2]))
    }

    @Test func anUnknownNameSuggestsTheClosest() {
        #expect(throws: ClassificationError.unknownMethod(name: "quantils", known: ClassificationMethod.names)) {
            try ClassificationMethod.named("quantils")
        }
        let message = ClassificationError.unknownMethod(name: "quantils", known: ClassificationMethod.names)
            .description
        #expect(message.hasPrefix("unknown classification method \"quantils\"; did you mean \"quantiles\"? (methods: "))
    }

    @Test func breaksGoWithManualOnly() {
        #expect(throws: ClassificationError.self) { try ClassificationMethod.named("manual") }
        #expect(throws: ClassificationError.self) { try ClassificationMethod.named("jenks", breaks: [1]) }
    }
}
