import Testing

@testable import GeoPlan

/// `municipalities:` and `levels:` of a boundary set, and the `kind:` / `weight:` that say how values roll up.
@Suite struct SpecReaderLevelsTests {
    static func spec(boundary: String, indicators: String) -> String {
        """
        boundaries:
          - name: nonthaburi
            path: tambons.shp
            id: ADM3_PCODE
        \(boundary)
        inputs:
          - {name: people, type: table, path: people.csv, code: tambon}
          - {name: points, type: points, path: points.geojson}
        indicators:
        \(indicators)
        """
    }

    @Test func municipalitiesAndLevels() throws {
        let spec = try SpecParser.parse(
            Self.spec(
                boundary: """
                        municipalities: {path: lg.gpkg, id: CODE, type: TYPE, names: [NAME_TH], snap_metres: 2, min_piece_m2: 50}
                        levels: [local_government, tambon, {level: district, field: AMP_CODE, names: [AMP_TH]}, province]
                    """,
                indicators: """
                      - {id: area_km2, type: area}
                      - {id: people, type: count, input: points}
                      - {id: income, type: join, input: people, column: income, kind: intensive, weight: people}
                      - {id: density, type: ratio, numerator: people, denominator: area_km2}
                    """))
        let boundary = spec.boundaries[0]
        #expect(
            boundary.municipalities
                == MunicipalitySpec(
                    path: "lg.gpkg", idField: "CODE", typeField: "TYPE",
                    nameFields: ["NAME_TH"], snapMetres: 2,
                    minimumPieceSquareMetres: 50))
        #expect(boundary.levels.map(\.level) == [.localGovernment, .tambon, .district, .province])
        #expect(boundary.levels[2].field == "AMP_CODE")
        #expect(boundary.levels[2].nameFields == ["AMP_TH"])
        #expect(spec.indicators.map(\.rollUpRule) == [.recompute, .sum, .weightedMean(weight: "people"), .reevaluate])
    }

    /// Defaults: municipality fields as the shipped synthetic layers write them; snapping as `geoplan partition`.
    @Test func municipalityDefaults() throws {
        let spec = try SpecParser.parse(
            Self.spec(
                boundary: "    municipalities: {path: lg.gpkg}",
                indicators: "  - {id: a, type: area}"))
        let municipalities = try #require(spec.boundaries[0].municipalities)
        #expect(municipalities.idField == "LG_CODE")
        #expect(municipalities.typeField == "LG_TYPE")
        #expect(municipalities.snapMetres == 5)
        #expect(municipalities.minimumPieceSquareMetres == 100)
    }

    /// What each type does without `kind:`: counts and lengths add, shares are area-weighted, ratios are
    /// computed again, shape-dependent values are computed on the dissolved boundary.
    @Test func rulesByType() throws {
        let spec = try SpecParser.parse(
            Self.spec(
                boundary: "",
                indicators: """
                      - {id: n, type: count, input: points}
                      - {id: p, type: perimeter}
                      - {id: e, type: expression, expression: n / 2}
                      - {id: s, type: count, input: points, kind: intensive}
                    """))
        #expect(spec.indicators.map(\.rollUpRule) == [.sum, .recompute, .reevaluate, .weightedMean(weight: nil)])
    }

    @Test func mistakesAreNamed() {
        let messages = SpecParser.diagnose(
            Self.spec(
                boundary: """
                        levels: [district, local_government, district, county]
                    """,
                indicators: """
                      - {id: n, type: count, input: points, kind: ratio}
                      - {id: m, type: count, input: points, weight: nobody}
                      - {id: q, type: count, input: points, weight: m}
                    """)
        ).map(\.message)
        #expect(messages.contains { $0.contains("local_government needs the municipalities") })
        #expect(messages.contains { $0.contains("levels: district is listed twice") })
        #expect(messages.contains { $0.contains("unknown level \"county\"") })
        #expect(messages.contains { $0.contains("kind: ratio is for ratio and expression indicators") })
        #expect(messages.contains { $0.contains("weight: \"nobody\" is not another indicator") })
        #expect(messages.contains { $0.contains("weight: is used by intensive values") })
    }

    /// A join's column may be people or a rate: with levels, the spec must say which.
    @Test func aJoinRolledUpNeedsItsKind() {
        let messages = SpecParser.diagnose(
            Self.spec(
                boundary: "    levels: [district]",
                indicators: """
                      - {id: people, type: join, input: people, column: population}
                    """)
        ).map(\.message)
        #expect(
            messages.contains { $0.contains("indicator \"people\" (join) rolls up to the levels of \"nonthaburi\"") })
    }

    /// Units split their tambon: a join would give each the tambon's whole value.
    @Test func anExtensiveJoinOnUnitsIsRefused() {
        let messages = SpecParser.diagnose(
            Self.spec(
                boundary: "    municipalities: {path: lg.gpkg}",
                indicators: """
                      - {id: people, type: join, input: people, column: population, kind: extensive}
                      - {id: rate, type: join, input: people, column: rate, kind: intensive}
                    """)
        ).map(\.message)
        #expect(messages.count == 1)
        #expect(messages.contains { $0.contains("indicator \"people\" joins a table by tambon to the units") })
    }

    @Test func mapsAreReadAndTheirNamesChecked() throws {
        let spec = try SpecParser.parse(
            Self.spec(
                boundary: "",
                indicators: """
                      - {id: a, type: area, map: true}
                      - {id: b, type: area, map: {method: quantiles, classes: 4, palette: Blues-r}}
                      - {id: c, type: area, map: {breaks: [1, 10, 100]}}
                      - {id: d, type: area, map: false}
                    """))
        #expect(
            spec.indicators.map(\.map) == [
                MapSpec(), MapSpec(method: .quantiles, classes: 4, palette: "Blues-r"),
                MapSpec(method: .manual(breaks: [1, 10, 100])), nil,
            ])
        let messages = SpecParser.diagnose(
            Self.spec(
                boundary: "",
                indicators: """
                      - {id: a, type: area, map: {method: kmeans}}
                      - {id: b, type: area, map: {palette: YlOrRed}}
                      - {id: c, type: area, map: {classes: 99, colours: x}}
                    """)
        ).map(\.message)
        #expect(messages.contains { $0.contains("map:") && $0.contains("kmeans") })
        #expect(messages.contains { $0.contains("YlOrRd") })
        #expect(messages.contains { $0.contains("classes: expected a whole number from 1 to 32") })
        #expect(messages.contains { $0.contains("unknown key \"colours\" in map of indicator \"c\"") })
    }

    /// Without levels a join needs no kind: nothing is rolled up.
    @Test func aJoinWithoutLevelsNeedsNoKind() throws {
        let spec = try SpecParser.parse(
            Self.spec(
                boundary: "",
                indicators: """
                      - {id: people, type: join, input: people, column: population}
                    """))
        #expect(spec.indicators[0].rollUpRule == nil)
    }
}
