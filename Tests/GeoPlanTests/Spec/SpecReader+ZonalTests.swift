import Testing

@testable import GeoPlan

/// `type: zonal` as a planner writes it, and the mistakes each get a message naming the fix.
@Suite struct SpecReaderZonalTests {
    static let head = """
        boundaries:
          - {name: tambons, path: t.shp, id: ADM3_PCODE}
        inputs:
          - {name: worldpop, type: raster, path: worldpop.tif}
          - {name: lights, type: raster, path: viirs.tif}
          - {name: roads, type: lines, path: roads.gpkg}
        indicators:

        """

    @Test func aFullZonalIndicator() throws {
        let spec = try SpecParser.parse(
            Self.head + """
                  - id: pop
                    type: zonal
                    input: worldpop
                    stats: [sum, mean, q90, fraction, area]
                    classes: [1, 2.5]
                    band: 2
                    coverage: centre
                    unit: rai
                  - id: ntl
                    type: zonal
                    raster: lights
                    stats: weighted_mean
                    weights: worldpop
                  - {id: rgb, type: zonal, raster: lights, band: [3, 1], stats: mean}
                """)
        #expect(
            spec.indicators[0].kind
                == .zonal(
                    ZonalRequest(
                        input: "worldpop", bands: [2], statistics: [.sum, .mean, .quantile(0.9), .fraction, .area],
                        classes: [1, 2.5],
                        coverage: .centre, areaUnit: .rai)))
        #expect(
            spec.indicators[1].kind
                == .zonal(
                    ZonalRequest(
                        input: "lights", statistics: [.weightedMean], weights: "worldpop")))
        #expect(spec.inputs[0].kind == .raster)
        #expect(spec.indicators[2].kind == .zonal(ZonalRequest(input: "lights", bands: [3, 1], statistics: [.mean])))
    }

    @Test func mistakesAreNamed() {
        let messages = SpecParser.diagnose(
            Self.head + """
                  - {id: a, type: zonal, input: worldpop, stats: [sum, average]}
                  - {id: b, type: zonal, input: worldpop, stats: [fraction]}
                  - {id: c, type: zonal, input: worldpop, stats: [sum], weights: lights}
                  - {id: d, type: zonal, input: worldpop, stats: [weighted_mean]}
                  - {id: e, type: zonal, input: roads, stats: [sum]}
                  - {id: f, type: zonal, input: worldpop, stats: [sum], classes: [1]}
                  - {id: g, type: zonal, input: worldpop, stats: [sum], weights: roads, band: 0}
                  - {id: h, type: zonal, raster: worldpop, input: lights, stats: [sum]}
                  - {id: i, type: zonal, stats: [sum]}
                  - {id: j, type: zonal, raster: roads, stats: [sum]}
                  - {id: k, type: zonal, raster: worldpop, stats: [weighted_mean], weights: roads}
                """
        ).map(\.message)
        #expect(messages.contains { $0.contains("unknown statistic \"average\"") && $0.contains("weighted_mean") })
        #expect(messages.contains { $0.contains("fraction and area need the pixel values") })
        #expect(messages.contains { $0.contains("weights are only used by weighted_sum") })
        #expect(messages.contains { $0.contains("weighted statistics need a second raster") })
        #expect(messages.contains { $0.contains("input \"roads\" is lines, but a zonal indicator needs raster") })
        #expect(messages.contains { $0.contains("classes are only used by the fraction and area statistics") })
        #expect(messages.contains { $0.contains("band: expected a whole number from 1") })
        #expect(messages.contains { $0.contains("give the raster once") })
        #expect(messages.contains { $0.contains("missing") && $0.contains("raster") && $0.contains("\"i\"") })
        #expect(messages.filter { $0.contains("input \"roads\" is lines") }.count == 3)  // e, j, and k's weights
    }

    @Test func vectorKeysOnARasterInputAreRefused() {
        let messages = SpecParser.diagnose(
            """
            boundaries:
              - {name: tambons, path: t.shp, id: ADM3_PCODE}
            inputs:
              - {name: dem, type: raster, path: dem.tif, where: "x > 1"}
            indicators:
              - {id: height, type: zonal, input: dem, stats: mean}
            """
        ).map(\.message)
        #expect(messages == ["\"where\" is only used by vector inputs; input \"dem\" is a raster"])
    }
}
