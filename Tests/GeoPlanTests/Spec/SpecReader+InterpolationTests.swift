import Testing

@testable import GeoPlan

@Suite struct SpecReaderInterpolationTests {
    static let head = """
        boundaries:
          - {name: lg, path: municipalities.gpkg, id: LG_CODE}
        inputs:
          - {name: tambons, type: polygons, path: tambons.shp}
          - {name: people, type: table, path: people.csv, code: tambon}
          - {name: worldpop, type: raster, path: worldpop.tif}
          - {name: villages, type: points, path: villages.geojson}
        indicators:

        """

    @Test func anInterpolation() throws {
        let spec = try SpecParser.parse(
            Self.head + """
                  - {id: pop, type: interpolate, from: tambons, code: ADM3_PCODE, table: people, column: population,
                     kind: extensive, weights: worldpop}
                """)
        #expect(
            spec.indicators[0].kind
                == .interpolate(
                    InterpolationRequest(
                        from: "tambons", code: "ADM3_PCODE", table: "people", column: "population", kind: .extensive,
                        weights: "worldpop")))
    }

    @Test func mistakesAreNamed() {
        let messages = SpecParser.diagnose(
            Self.head + """
                  - {id: a, type: interpolate, from: people, code: c, table: people, column: p, kind: extensive}
                  - {id: b, type: interpolate, from: tambons, code: c, table: tambons, column: p, kind: extensive}
                  - {id: c, type: interpolate, from: tambons, code: c, table: people, column: p, kind: sum}
                  - {id: d, type: interpolate, from: tambons, code: c, table: people, column: p}
                  - {id: e, type: interpolate, from: tambons, code: c, table: people, column: p, kind: intensive, weights: people}
                """
        ).map(\.message)
        #expect(
            messages.contains { $0.contains("input \"people\" is table, but an interpolate indicator needs polygons") })
        #expect(
            messages.contains { $0.contains("input \"tambons\" is polygons, but an interpolate indicator needs table") }
        )
        #expect(messages.contains { $0.contains("unknown kind \"sum\"") })
        #expect(messages.contains { $0.contains("kind") && $0.contains("\"d\"") })
        #expect(
            messages.contains {
                $0.contains("input \"people\" is table, but an interpolate indicator needs one of raster, points")
            })
    }

    @Test func villagesCountedOrTheirHouseholdsSummed() throws {
        let spec = try SpecParser.parse(
            Self.head + """
                  - {id: a, type: interpolate, from: tambons, code: c, table: people, column: p, kind: extensive,
                     weights: villages}
                  - {id: b, type: interpolate, from: tambons, code: c, table: people, column: p, kind: extensive,
                     weights: villages, weight_field: households}
                """)
        #expect(
            spec.indicators[0].kind
                == .interpolate(
                    InterpolationRequest(
                        from: "tambons", code: "c", table: "people", column: "p", kind: .extensive, weights: "villages")
                ))
        #expect(
            spec.indicators[1].kind
                == .interpolate(
                    InterpolationRequest(
                        from: "tambons", code: "c", table: "people", column: "p", kind: .extensive, weights: "villages",
                        weightField: "households")))
    }

    /// A field of points needs points: with a raster or with no weights it is refused at its line.
    @Test func aWeightFieldNeedsPointWeights() {
        let errors = SpecParser.diagnose(
            Self.head + """
                  - {id: a, type: interpolate, from: tambons, code: c, table: people, column: p, kind: extensive,
                     weights: worldpop, weight_field: households}
                  - {id: b, type: interpolate, from: tambons, code: c, table: people, column: p, kind: extensive,
                     weight_field: households}
                """)
        #expect(
            errors.contains {
                $0.message.contains("input \"worldpop\" is raster, but an interpolate indicator needs points")
                    && $0.location?.line == 10
            }, "\(errors)")
        #expect(
            errors.contains {
                $0.message.contains("weight_field") && $0.message.contains("no weights")
                    && $0.location?.line == 12
            }, "\(errors)")
    }
}
