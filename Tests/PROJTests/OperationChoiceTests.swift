import CPROJ
import Testing

@testable import PROJ

@Suite struct OperationChoiceTests {
    /// Indian 1975 → WGS 84 forced through EPSG:1304 written every way; `cct -d 9 EPSG:1304` (PROJ 9.1.1) on
    /// "13.7567 100.5018" gives 13.758364188 100.498518790. Tolerance 1e-8° (1 mm).
    @Test(arguments: ["EPSG:1304", "epsg:1304", "1304", "urn:ogc:def:coordinateOperation:EPSG::1304"])
    func anOperationCanBeNamedEveryWay(definition: String) throws {
        let context = try ProjContext()
        let transformer = try Transformer(
            from: CRS("EPSG:4240", context: context),
            to: CRS("EPSG:4326", context: context),
            operation: .definition(definition), context: context)
        #expect(transformer.operation?.identifier == "EPSG:1304")
        let result = try transformer.transform(XY(x: 100.5018, y: 13.7567))
        #expect(abs(result.x - 100.498518790) < 1e-8 && abs(result.y - 13.758364188) < 1e-8)
    }

    @Test func itsWKTAndPROJJSONWorkToo() throws {
        let context = try ProjContext()
        let operation = try OperationChoice.makeOperation("EPSG:1304", context: context)
        defer { proj_destroy(operation) }
        let wkt = try #require(proj_as_wkt(context.handle, operation, PJ_WKT2_2019, nil).map { String(cString: $0) })
        let json = try #require(proj_as_projjson(context.handle, operation, nil).map { String(cString: $0) })
        for definition in [wkt, json] {
            let transformer = try Transformer(
                from: CRS("EPSG:4240", context: context),
                to: CRS("EPSG:4326", context: context),
                operation: .definition(definition), context: context)
            #expect(transformer.operation?.name == "Indian 1975 to WGS 84 (2)")
        }
    }

    @Test(arguments: [
        ("EPSG:4326", #"EPSG:4326 is the coordinate reference system "WGS 84", not a coordinate operation"#),
        ("4326", #"EPSG:4326 is the coordinate reference system "WGS 84", not a coordinate operation"#),
        ("EPSG:99999", "PROJ's database has no coordinate operation EPSG:99999"),
        ("urn:ogc:def:ellipsoid:EPSG::7030", "it is an ellipsoid, not a coordinate operation"),
        ("+proj=longlat +datum=WGS84 +type=crs", "it is a coordinate reference system, not a coordinate operation"),
        ("", "the definition is empty"),
    ])
    func whatIsNotAnOperationIsRefusedAndNamed(definition: String, message: String) throws {
        let context = try ProjContext()
        #expect {
            try OperationChoice.makeOperation(definition, context: context)
        } throws: { error in
            error as? PROJError == .invalidOperation(definition: definition, message: message)
        }
        #expect(context.messages.isEmpty && context.errorNumber == 0)
    }

    @Test func nonsenseGivesPROJsReason() throws {
        let context = try ProjContext()
        #expect {
            try OperationChoice.makeOperation("+proj=pipeline +step +proj=nosuchthing", context: context)
        } throws: { error in
            "\(error)".hasPrefix(#"cannot use coordinate operation "+proj=pipeline +step +proj=nosuchthing": "#)
                && "\(error)".contains("Bad step definition: proj=nosuchthing")
        }
    }
}
