import Testing

@testable import GeoPlan

@Suite struct PaletteTests {
    @Test func colourListsAreColorBrewers() throws {
        // colorbrewer2.org, 5-class YlOrRd and 3-class RdBu, as every ColorBrewer copy lists them.
        #expect(
            try Palette.named("YlOrRd").colors(count: 5) == ["#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"])
        #expect(try Palette.named("RdBu").colors(count: 3) == ["#ef8a62", "#f7f7f7", "#67a9cf"])
        #expect(try Palette.named("Spectral").colors(count: 11).count == 11)
    }

    @Test func theNamesTheBriefListsAreThere() throws {
        for name in [
            "YlOrRd", "YlGnBu", "Blues", "Greens", "Reds", "Purples", "OrRd", "PuBu", "BuGn", "RdYlBu",
            "RdBu", "BrBG", "PiYG", "Spectral",
        ] {
            let palette = try Palette.named(name)
            #expect(palette.name == name)
            #expect(palette.classRange.upperBound == (palette.kind == .sequential ? 9 : 11))
            for count in palette.classRange {
                let colours = try palette.colors(count: count)
                #expect(colours.count == count)
                #expect(colours.allSatisfy { $0.count == 7 && $0.hasPrefix("#") })
                #expect(!colours.contains(Palette.nullColor))
            }
        }
        #expect(Palette.names.count == 27)
        #expect(Palette.names.first == "Blues" && Palette.names.last == "Spectral")
    }

    @Test func reversedRunsTheOtherWay() throws {
        let palette = try Palette.named("Blues")
        #expect(try palette.reversed.colors(count: 4) == palette.colors(count: 4).reversed())
        #expect(try Palette.named("blues-r") == palette.reversed)
        #expect(try Palette.named("Blues_r").spelledName == "Blues-r")
        #expect(palette.reversed.reversed == palette)
    }

    @Test func fewerThanThreeClassesTakeFromTheThreeColourList() throws {
        let three = try Palette.named("Greens").colors(count: 3)
        #expect(try Palette.named("Greens").colors(count: 1) == [three[1]])
        #expect(try Palette.named("Greens").colors(count: 2) == [three[0], three[2]])
    }

    @Test func anUnknownNameListsTheNamesAndSuggestsOne() {
        #expect(throws: ClassificationError.unknownPalette(name: "YlOrRed", known: Palette.names)) {
            try Palette.named("YlOrRed")
        }
        let message = ClassificationError.unknownPalette(name: "YlOrRed", known: Palette.names).description
        #expect(message.hasPrefix("unknown palette \"YlOrRed\"; did you mean \"YlOrRd\"? (palettes: Blues, BuGn, "))
        #expect(message.contains("Spectral"))
    }

    @Test func tooManyClassesForThePaletteIsAnError() throws {
        let palette = try Palette.named("YlOrRd")
        #expect(throws: ClassificationError.paletteTooSmall(name: "YlOrRd", asked: 10, available: 1...9)) {
            try palette.colors(count: 10)
        }
        #expect(throws: ClassificationError.self) { try palette.colors(count: 0) }
    }
}
