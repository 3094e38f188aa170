import Foundation
import Testing

@testable import GeoPlan

/// Specs written as a planner would, and the mistakes a planner makes: each must name the line and column,
/// what was found, and the likely fix.
@Suite struct SpecParserTests {
    // MARK: - Valid specs

    static let full = """
        boundaries:
          - name: tambons
            path: ../shapes/tambons/nonthaburi/nonthaburi.shp
            layer: nonthaburi
            id: ADM3_PCODE
            names: [ADM3_TH, ADM3_EN]
            where: "ADM2_EN = 'Pak Kret'"
            assume_crs: EPSG:4326
            encoding: CP874
          - name: districts-2024
            path: districts.gpkg
            id: ADM2_PCODE
            names: ADM2_EN
        inputs:
          - name: facilities
            type: points
            path: facilities.geojson
            where: "amenity = 'school'"
          - name: roads
            type: lines
            path: roads.fgb
            layer: roads
          - name: landuse
            type: polygons
            path: landuse.gpkg
            assume_crs: EPSG:32647
          - name: population
            type: table
            path: population.csv
            code: tambon_code
            encoding: UTF-8
        indicators:
          - id: area_km2
            type: area
            label: {th: พื้นที่, en: Area}
          - id: area_rai
            type: area
            unit: ไร่
            measure: planar
            crs: EPSG:32647
          - id: perimeter_km
            type: perimeter
            label: Perimeter
          - id: compactness
            type: compactness
          - id: schools
            type: count
            input: facilities
            where: "level = 'primary'"
            by: level
          - id: road_km
            type: length
            input: roads
            by: highway
          - id: green_share
            type: share
            input: landuse
            by: class
          - id: landuse_mix
            type: mix
            input: landuse
            by: class
            where: "class <> 'water'"
          - id: population
            type: join
            input: population
            column: pop_2023
          - id: households
            type: join
            input: population
            column: households
            normalize: exact
          - id: schools_per_10k
            type: ratio
            numerator: schools
            denominator: population
            scale: 10000
            unit: per 10,000 people
          - id: density
            type: expression
            expression: population / area_km2
          - id: nearest_school_m
            type: nearest
            input: facilities
        output:
          folder: results
          formats: [geojson, csv, gpkg, fgb, shp]
          precision: 6
          csv_bom: true
        """

    @Test func fullSpecParsesIntoTheModel() throws {
        let spec = try SpecParser.parse(Self.full, path: "plans/nonthaburi.yaml")
        let expected = Spec(
            boundaries: [
                BoundarySpec(
                    name: "tambons", path: "../shapes/tambons/nonthaburi/nonthaburi.shp", layer: "nonthaburi",
                    idField: "ADM3_PCODE", nameFields: ["ADM3_TH", "ADM3_EN"],
                    whereClause: "ADM2_EN = 'Pak Kret'", assumeCRS: "EPSG:4326", encoding: "CP874",
                    location: SourceLocation(line: 2, column: 5)),
                BoundarySpec(
                    name: "districts-2024", path: "districts.gpkg", idField: "ADM2_PCODE",
                    nameFields: ["ADM2_EN"], location: SourceLocation(line: 10, column: 5)),
            ],
            inputs: [
                InputSpec(
                    name: "facilities", kind: .points, path: "facilities.geojson",
                    whereClause: "amenity = 'school'", location: SourceLocation(line: 15, column: 5)),
                InputSpec(
                    name: "roads", kind: .lines, path: "roads.fgb", layer: "roads",
                    location: SourceLocation(line: 19, column: 5)),
                InputSpec(
                    name: "landuse", kind: .polygons, path: "landuse.gpkg", assumeCRS: "EPSG:32647",
                    location: SourceLocation(line: 23, column: 5)),
                InputSpec(
                    name: "population", kind: .table, path: "population.csv", encoding: "UTF-8",
                    codeField: "tambon_code", location: SourceLocation(line: 27, column: 5)),
            ],
            indicators: [
                IndicatorSpec(
                    id: "area_km2", kind: .area(unit: .squareKilometres),
                    label: Label(thai: "พื้นที่", english: "Area"),
                    location: SourceLocation(line: 33, column: 5)),
                IndicatorSpec(
                    id: "area_rai", kind: .area(unit: .rai), unit: "ไร่", measure: .planar(crs: "EPSG:32647"),
                    location: SourceLocation(line: 36, column: 5)),
                IndicatorSpec(
                    id: "perimeter_km", kind: .perimeter, label: Label(english: "Perimeter"),
                    location: SourceLocation(line: 41, column: 5)),
                IndicatorSpec(id: "compactness", kind: .compactness, location: SourceLocation(line: 44, column: 5)),
                IndicatorSpec(
                    id: "schools",
                    kind: .count(
                        input: "facilities", whereClause: "level = 'primary'",
                        by: "level"),
                    location: SourceLocation(line: 46, column: 5)),
                IndicatorSpec(
                    id: "road_km", kind: .length(input: "roads", whereClause: nil, by: "highway"),
                    location: SourceLocation(line: 51, column: 5)),
                IndicatorSpec(
                    id: "green_share", kind: .share(input: "landuse", by: "class", whereClause: nil),
                    location: SourceLocation(line: 55, column: 5)),
                IndicatorSpec(
                    id: "landuse_mix",
                    kind: .mix(
                        input: "landuse", by: "class",
                        whereClause: "class <> 'water'"),
                    location: SourceLocation(line: 59, column: 5)),
                IndicatorSpec(
                    id: "population",
                    kind: .join(
                        input: "population", column: "pop_2023",
                        normalization: .thai),
                    location: SourceLocation(line: 64, column: 5)),
                IndicatorSpec(
                    id: "households",
                    kind: .join(
                        input: "population", column: "households",
                        normalization: .exact),
                    location: SourceLocation(line: 68, column: 5)),
                IndicatorSpec(
                    id: "schools_per_10k", kind: .expression("(schools) / (population) * 10000"),
                    unit: "per 10,000 people", location: SourceLocation(line: 73, column: 5)),
                IndicatorSpec(
                    id: "density", kind: .expression("population / area_km2"),
                    location: SourceLocation(line: 79, column: 5)),
                IndicatorSpec(
                    id: "nearest_school_m", kind: .nearest(input: "facilities", whereClause: nil),
                    location: SourceLocation(line: 82, column: 5)),
            ],
            output: OutputSpec(
                folder: "results", formats: [.geoJSON, .csv, .geoPackage, .flatGeobuf, .shapefile],
                precision: 6, csvBOM: true),
            path: "plans/nonthaburi.yaml")
        #expect(spec.boundaries == expected.boundaries)
        #expect(spec.inputs == expected.inputs)
        #expect(spec.indicators == expected.indicators)
        #expect(spec.output == expected.output)
        #expect(spec == expected)
        #expect(SpecParser.diagnose(Self.full).isEmpty)
    }

    static let minimal = """
        boundaries:
          - name: tambons
            path: tambons.shp
            id: ADM3_PCODE
        indicators:
          - id: area
            type: area
        """

    @Test func defaultsApplyWhenOmitted() throws {
        let spec = try SpecParser.parse(Self.minimal)
        #expect(spec.inputs.isEmpty)
        #expect(spec.output == OutputSpec())
        #expect(spec.output.folder == "out")
        #expect(spec.output.formats == [.geoJSON, .csv, .geoPackage])
        #expect(spec.indicators[0].kind == .area(unit: .squareKilometres))
        #expect(spec.indicators[0].measure == .geodesic)
        #expect(spec.indicators[0].unit == nil)
        #expect(spec.indicators[0].label == nil)
        #expect(spec.boundaries[0].nameFields.isEmpty)
        #expect(spec.path == nil)
    }

    @Test func ratioScaleDefaultsToOneAndKeepsFractions() throws {
        let spec = try SpecParser.parse(
            Self.minimal + """

                  - id: half
                    type: ratio
                    numerator: area
                    denominator: area
                    scale: 0.5
                  - id: same
                    type: ratio
                    numerator: area
                    denominator: area
                """)
        #expect(spec.indicators[1].kind == .expression("(area) / (area) * 0.5"))
        #expect(spec.indicators[2].kind == .expression("(area) / (area) * 1"))
    }

    @Test func thaiTextInLabelsAndFieldsIsPreserved() throws {
        let spec = try SpecParser.parse(
            """
            boundaries:
              - name: tambons
                path: ตำบล/นนทบุรี.shp
                id: รหัส
                names: [ชื่อตำบล]
            indicators:
              - id: area
                type: area
                unit: ไร่
                label: {th: "พื้นที่ (ไร่)", en: "Area (rai)"}
              - id: perimeter
                type: perimeter
                label:
                  th: เส้นรอบรูป
            """)
        #expect(spec.boundaries[0].path == "ตำบล/นนทบุรี.shp")
        #expect(spec.boundaries[0].idField == "รหัส")
        #expect(spec.boundaries[0].nameFields == ["ชื่อตำบล"])
        #expect(spec.indicators[0].label == Label(thai: "พื้นที่ (ไร่)", english: "Area (rai)"))
        #expect(spec.indicators[0].kind == .area(unit: .rai))
        #expect(spec.indicators[1].label == Label(thai: "เส้นรอบรูป"))
    }

    @Test func loadReadsTheFileAndKeepsItsPath() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("SpecParserTests-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("spec.yaml").path
        try Data(("\u{FEFF}" + Self.minimal).utf8).write(to: URL(fileURLWithPath: file))
        let spec = try SpecParser.load(file)
        #expect(spec.path == file)
        #expect(spec.boundaries[0].path == "tambons.shp")
    }

    @Test func loadNamesAMissingFile() {
        let error = #expect(throws: SpecError.self) { try SpecParser.load("/nonexistent/plan.yaml") }
        #expect(error?.path == "/nonexistent/plan.yaml")
        #expect(error?.location == nil)
        #expect(error?.description == "/nonexistent/plan.yaml: cannot read the spec: no such file")
    }

    @Test func loadRejectsTextThatIsNotUTF8() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("SpecParserTests-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("tis620.yaml").path
        // "label: พื้น" in TIS-620, as Thai Windows editors save it.
        let tis620: [UInt8] = [0x6C, 0x61, 0x62, 0x65, 0x6C, 0x3A, 0x20, 0xBE, 0xD7, 0xE9, 0xB9]
        try Data(tis620).write(to: URL(fileURLWithPath: file))
        let error = #expect(throws: SpecError.self) { try SpecParser.load(file) }
        #expect(error?.description.hasPrefix("\(file): ") == true)
        #expect(error?.message.contains("UTF-8") == true)
    }

    // MARK: - Errors

    /// The first error of `text`, which must fail.
    private func firstError(_ text: String, path: String? = "spec.yaml") -> SpecError? {
        #expect(throws: SpecError.self) { try SpecParser.parse(text, path: path) }
        do {
            _ = try SpecParser.parse(text, path: path)
            return nil
        } catch {
            return error as? SpecError
        }
    }

    @Test func unknownTopLevelKey() {
        let error = firstError(Self.minimal + "\noutputs:\n  folder: out\n")
        #expect(error?.location == SourceLocation(line: 8, column: 1))
        #expect(
            error?.description == "spec.yaml:8:1: unknown key \"outputs\" in the spec; did you mean \"output\"? "
                + "(keys: boundaries, inputs, indicators, output)")
    }

    @Test func misspelledIndicatorType() {
        let error = firstError(
            """
            boundaries:
              - {name: tambons, path: t.shp, id: CODE}
            inputs:
              - {name: facilities, type: points, path: f.geojson}
            indicators:
              - id: schools
                type: cuont
                input: facilities
            """)
        #expect(error?.location == SourceLocation(line: 7, column: 11))
        #expect(
            error?.description == "spec.yaml:7:11: unknown indicator type \"cuont\"; did you mean \"count\"? "
                + "(types: area, perimeter, compactness, count, length, share, mix, join, ratio, expression, nearest, zonal, interpolate)"
        )
    }

    @Test func misspelledKeySuggestsTheRightOne() {
        let error = firstError(
            """
            boundaries:
              - {name: tambons, path: t.shp, id: CODE}
            inputs:
              - {name: facilities, type: points, path: f.geojson}
            indicators:
              - id: schools
                type: count
                inptu: facilities
            """)
        // The misspelled key comes first in the file, before the missing `input` it causes.
        #expect(error?.location == SourceLocation(line: 6, column: 5))
        let errors = SpecParser.diagnose(
            """
            boundaries:
              - {name: tambons, path: t.shp, id: CODE}
            indicators:
              - id: schools
                type: count
                inptu: facilities
            """)
        #expect(errors.map(\.location) == [SourceLocation(line: 4, column: 5), SourceLocation(line: 6, column: 5)])
        #expect(errors.first?.message == "indicator \"schools\" is missing the required key \"input\"")
        #expect(
            errors.last?.message == "unknown key \"inptu\" in indicator \"schools\"; did you mean \"input\"? "
                + "(keys: id, type, label, unit, measure, crs, kind, weight, map, input, where, by)")
        _ = error
    }

    @Test func keyOfAnotherIndicatorType() {
        let error = firstError(Self.minimal + "\n    column: pop\n")
        #expect(error?.location == SourceLocation(line: 8, column: 5))
        #expect(error?.message.hasPrefix("\"column\" is not used by indicators of type area") == true)
    }

    @Test func wrongTypeForAList() {
        let error = firstError(
            """
            boundaries:
              - name: tambons
                path: t.shp
                id: CODE
                names: 3
            indicators:
              - {id: area, type: area}
            """)
        #expect(error?.location == SourceLocation(line: 5, column: 12))
        #expect(error?.message == "names: expected a list of strings, found a number (3)")
    }

    @Test func wrongScalarTypes() {
        let errors = SpecParser.diagnose(
            Self.minimal + """

                output:
                  precision: 20
                  csv_bom: "no"
                  formats: [geojson, geosjon]
                  folder: [a]
                """)
        #expect(
            errors.map(\.message) == [
                "precision: expected a whole number from 0 to 15, found a number (20)",
                "csv_bom: expected true or false, found text \"no\"",
                "unknown output format \"geosjon\"; did you mean \"geojson\"? (formats: geojson, gpkg, fgb, csv, shp)",
                "folder: expected a string, found a list",
            ])
        #expect(errors.map(\.location?.line) == [9, 10, 11, 12])
        #expect(errors[2].location == SourceLocation(line: 11, column: 22))
        let output = firstError(Self.minimal + "\noutput: [geojson]\n")
        #expect(output?.location == SourceLocation(line: 8, column: 9))
        #expect(
            output?.message == "output: expected a mapping with folder, formats, precision, csv_bom and csv_raw, "
                + "found a list")
    }

    @Test func csvRawIsTrueOrFalse() throws {
        #expect(try SpecParser.parse(Self.minimal).output.csvRaw == false)
        #expect(try SpecParser.parse(Self.minimal + "\noutput:\n  csv_raw: true\n").output.csvRaw == true)
        let error = firstError(Self.minimal + "\noutput:\n  csv_raw: maybe\n")
        #expect(error?.location == SourceLocation(line: 9, column: 12))
        #expect(error?.message == "csv_raw: expected true or false, found text \"maybe\"")
        let misspelt = firstError(Self.minimal + "\noutput:\n  csv_rav: true\n")
        #expect(misspelt?.message.contains("did you mean \"csv_raw\"") == true, "\(misspelt?.message ?? "")")
    }

    @Test func numberWhereTextIsExpectedSuggestsQuotes() {
        let error = firstError(
            """
            boundaries:
              - {name: tambons, path: t.shp, id: CODE, layer: 2020}
            indicators:
              - {id: area, type: area}
            """)
        #expect(error?.location == SourceLocation(line: 2, column: 51))
        #expect(
            error?.message == "layer: expected a string, found a number (2020); write \"2020\" in quotes if it is "
                + "meant as text")
    }

    @Test func missingRequiredKeys() {
        let errors = SpecParser.diagnose(
            """
            boundaries:
              - name: tambons
                path: t.shp
            """)
        #expect(
            errors.map(\.description) == [
                "line 1, column 1: the spec is missing the required key \"indicators\"",
                "line 2, column 5: boundary set \"tambons\" is missing the required key \"id\"",
            ])
        let empty = firstError("boundaries: []\nindicators:\n  - {id: a, type: area}\n")
        #expect(empty?.location == SourceLocation(line: 1, column: 13))
        #expect(empty?.message == "boundaries: expected at least one boundary set, found an empty list")
        let noValue = firstError(
            "boundaries:\n  - name: t\n    path:\n    id: X\nindicators:\n  - {id: a, type: area}\n")
        #expect(noValue?.location == SourceLocation(line: 3, column: 5))
        #expect(noValue?.message == "path: boundary set \"t\" needs a value here")
    }

    @Test func duplicateIdsAndNames() {
        let errors = SpecParser.diagnose(
            """
            boundaries:
              - {name: tambons, path: t.shp, id: CODE}
            inputs:
              - {name: facilities, type: points, path: a.geojson}
              - {name: facilities, type: points, path: b.geojson}
            indicators:
              - id: area
                type: area
              - id: area
                type: perimeter
            """)
        #expect(
            errors.map(\.description) == [
                "line 5, column 12: duplicate input name \"facilities\" (first at line 4, column 12)",
                "line 9, column 9: duplicate indicator id \"area\" (first at line 7, column 9)",
            ])
    }

    @Test func duplicateKeyInOneMapping() {
        let error = firstError(Self.minimal + "\n    type: perimeter\n")
        #expect(error?.location == SourceLocation(line: 8, column: 5))
        #expect(
            error?.message == "invalid YAML: the key \"type\" is written twice in the same mapping "
                + "(first at line 7, column 5)")
    }

    static let withInputs = """
        boundaries:
          - {name: tambons, path: t.shp, id: CODE}
        inputs:
          - {name: facilities, type: points, path: f.geojson}
          - {name: roads, type: lines, path: r.fgb}
          - {name: population, type: table, path: p.csv, code: tambon_code}
        indicators:

        """

    @Test func unknownInputSuggestsTheDeclaredOne() {
        let error = firstError(Self.withInputs + "  - {id: schools, type: count, input: facilites}\n")
        #expect(error?.location == SourceLocation(line: 8, column: 39))
        #expect(
            error?.message == "unknown input \"facilites\"; did you mean \"facilities\"? "
                + "(inputs: facilities, roads, population)")
    }

    @Test func inputOfTheWrongKind() {
        let errors = SpecParser.diagnose(
            Self.withInputs + """
                  - {id: schools, type: count, input: roads}
                  - {id: near, type: nearest, input: population}
                  - {id: pop, type: join, input: facilities, column: pop}
                """)
        #expect(
            errors.map(\.description) == [
                "line 8, column 39: input \"roads\" is lines, but a count indicator needs points",
                "line 9, column 38: input \"population\" is table, but a nearest indicator needs one of points, lines, "
                    + "polygons",
                "line 10, column 34: input \"facilities\" is points, but a join indicator needs table",
            ])
    }

    @Test func expressionNamingAnUnknownIndicator() {
        let error = firstError(
            Self.minimal + """

                  - id: schools
                    type: perimeter
                  - id: per_area
                    type: expression
                    expression: "(schols + 1) / area"
                """)
        // Column of `schols` itself inside the quoted expression.
        #expect(error?.location == SourceLocation(line: 12, column: 19))
        #expect(
            error?.message == "unknown indicator \"schols\" in expression; did you mean \"schools\"? "
                + "(indicators: area, schools)")
    }

    @Test func ratioNamingAnUnknownIndicator() {
        let error = firstError(
            Self.minimal + """

                  - id: per_area
                    type: ratio
                    numerator: aera
                    denominator: area
                """)
        #expect(error?.location == SourceLocation(line: 10, column: 16))
        #expect(error?.message.hasPrefix("unknown indicator \"aera\" in ratio; did you mean \"area\"?") == true)
    }

    @Test func cycleBetweenExpressions() {
        let errors = SpecParser.diagnose(
            Self.minimal + """

                  - id: a
                    type: expression
                    expression: b * 2
                  - id: b
                    type: ratio
                    numerator: c
                    denominator: area
                  - id: c
                    type: expression
                    expression: a + area
                  - id: d
                    type: expression
                    expression: d + 1
                """)
        #expect(
            errors.map(\.description) == [
                "line 10, column 17: expressions refer to each other in a cycle: a → b → c → a",
                "line 20, column 17: expressions refer to each other in a cycle: d → d",
            ])
    }

    @Test func expressionsMayReferToLaterIndicatorsNumbersAndFunctions() throws {
        let spec = try SpecParser.parse(
            Self.minimal + """

                  - id: scaled
                    type: expression
                    expression: max(later, 1) * 1.5e-3 + 2E+4 / round (area - 10000, 2)
                  - id: later
                    type: perimeter
                """)
        #expect(spec.indicators[1].kind == .expression("max(later, 1) * 1.5e-3 + 2E+4 / round (area - 10000, 2)"))
        #expect(
            SpecReader.identifiers(in: "a1 + 3.5e-2 * _b / พื้นที่ + sqrt(c)").map(\.name)
                == ["a1", "_b", "พื้นที่", "c"])
        #expect(SpecReader.identifiers(in: "พื้นที่ + x").map(\.offset) == [0, 10])
    }

    @Test func expressionSyntaxErrorsAreReported() {
        let error = firstError(
            Self.minimal + """

                  - id: broken
                    type: expression
                    expression: area * (2 +
                """)
        // The text ends too soon: the column just past its end.
        #expect(error?.location == SourceLocation(line: 10, column: 28))
        #expect(error?.message.hasPrefix("expression: ") == true)
        #expect(error?.message.contains("\"area * (2 +\"") == true)
        let errors = SpecParser.diagnose(
            Self.minimal + """

                  - id: f
                    type: expression
                    expression: "mean(area)"
                """)
        #expect(errors.map(\.location) == [SourceLocation(line: 10, column: 18)])
        #expect(errors.first?.message.contains("mean") == true)
    }

    @Test func planarMeasureNeedsACRS() {
        let error = firstError(Self.minimal + "\n    measure: planar\n")
        #expect(error?.location == SourceLocation(line: 8, column: 14))
        #expect(error?.message == "measure: planar needs the projected CRS to measure in, such as crs: EPSG:32647")
        let stray = firstError(Self.minimal + "\n    crs: EPSG:32647\n")
        #expect(stray?.location == SourceLocation(line: 8, column: 5))
        #expect(stray?.message == "\"crs\" is only used with measure: planar")
        let typo = firstError(Self.minimal + "\n    measure: planer\n")
        #expect(typo?.message == "unknown measure \"planer\"; did you mean \"planar\"? (values: geodesic, planar)")
    }

    @Test func tableNeedsCodeAndOthersRefuseIt() {
        let errors = SpecParser.diagnose(
            """
            boundaries:
              - {name: tambons, path: t.shp, id: CODE}
            inputs:
              - name: population
                type: table
                path: p.csv
              - name: facilities
                type: points
                path: f.geojson
                code: tambon_code
            indicators:
              - {id: area, type: area}
            """)
        #expect(
            errors.map(\.description) == [
                "line 4, column 5: input \"population\" (a table) is missing the required key \"code\"",
                "line 10, column 5: \"code\" is only used by inputs of type table; input \"facilities\" is points",
            ])
    }

    @Test func enumValuesSuggest() {
        let errors = SpecParser.diagnose(
            """
            boundaries:
              - {name: tambons, path: t.shp, id: CODE}
            inputs:
              - {name: facilities, type: point, path: f.geojson}
              - {name: population, type: table, path: p.csv, code: c}
            indicators:
              - {id: area, type: area, unit: kmm2}
              - {id: pop, type: join, input: population, column: pop, normalize: thia}
            """)
        #expect(
            errors.map(\.message) == [
                "unknown input type \"point\"; did you mean \"points\"? (types: points, lines, polygons, table, raster)",
                "unknown area unit \"kmm2\"; did you mean \"km2\"? (units: km2, ha, m2, rai, ไร่)",
                "unknown normalize value \"thia\"; did you mean \"thai\"? (values: exact, thai)",
            ])
    }

    @Test func invalidNamesAndIds() {
        let errors = SpecParser.diagnose(
            """
            boundaries:
              - {name: 2tambons, path: t.shp, id: CODE}
            indicators:
              - {id: area-km2, type: area}
            """)
        #expect(errors.map(\.location) == [SourceLocation(line: 2, column: 12), SourceLocation(line: 4, column: 10)])
        #expect(errors.first?.message.contains("is not a valid name") == true)
        #expect(errors.last?.message.contains("is not a valid indicator id") == true)
    }

    @Test func invalidYAMLNamesItsLocation() {
        let error = firstError("boundaries:\n  - name: [tambons\n    path: t.shp\n")
        #expect(error?.location != nil)
        #expect(error?.message.hasPrefix("invalid YAML: ") == true)
        let tab = firstError("boundaries:\n\t- name: tambons\n")
        #expect(tab?.location == SourceLocation(line: 2, column: 1))
        #expect(tab?.description.hasPrefix("spec.yaml:2:1: invalid YAML: ") == true)
    }

    @Test func emptyDocument() {
        for text in ["", "   \n", "# only a comment\n"] {
            let error = firstError(text)
            #expect(error?.location == SourceLocation(line: 1, column: 1))
            #expect(error?.message == "the spec is empty; expected a mapping with \"boundaries\" and \"indicators\"")
        }
        let list = firstError("- a\n- b\n")
        #expect(list?.message.hasPrefix("expected a mapping with \"boundaries\"") == true)
        #expect(list?.message.hasSuffix("found a list") == true)
    }

    @Test func errorsComeInDocumentOrderAndAllAreReported() {
        let errors = SpecParser.diagnose(
            """
            boundaries:
              - {name: tambons, path: t.shp, id: CODE, nmes: [A]}
            inputs:
              - {name: facilities, type: points, path: f.geojson}
            indicators:
              - {id: schools, type: count, input: facilites}
              - {id: a, type: expression, expression: scools + 1}
            output:
              formats: geojsn
            """)
        #expect(errors.map(\.location?.line) == [2, 6, 7, 9])
        #expect(errors[0].message.contains("did you mean \"names\"?"))
        #expect(errors[1].message.contains("did you mean \"facilities\"?"))
        #expect(errors[2].message.contains("did you mean \"schools\"?"))
        #expect(errors[3].message.contains("did you mean \"geojson\"?"))
    }

    @Test func suggestionsStayClose() {
        #expect(Suggestion.closest(to: "cuont", among: ["count", "mix"]) == "count")
        #expect(Suggestion.closest(to: "Count", among: ["count"]) == "count")
        #expect(Suggestion.closest(to: "population", among: ["area", "schools"]) == nil)
        #expect(Suggestion.editDistance(Array("kitten".unicodeScalars), Array("sitting".unicodeScalars)) == 3)
    }
}
