import Testing

@testable import PROJ

@Suite struct CoordinateOperationInfoTests {
    @Test func aDatumShiftIsDescribedByItsEPSGEntry() throws {
        // `projinfo EPSG:1812` (PROJ 9.1.1): "Indian 1975 to WGS 84 (4)", accuracy 3.0 m, area "Thailand -
        // onshore." (97.34, 5.63, 105.64, 20.46).
        let context = try ProjContext()
        let transformer = try Transformer(
            from: CRS("EPSG:4240", context: context),
            to: CRS("EPSG:4326", context: context),
            operation: .definition("EPSG:1812"), context: context)
        let info = try #require(transformer.operation)
        #expect(info.name == "Indian 1975 to WGS 84 (4)")
        #expect(info.identifier == "EPSG:1812" && info.definition == "EPSG:1812")
        #expect(info.accuracy == 3)
        #expect(
            info.areaOfUse
                == AreaOfUse(
                    west: 97.34, south: 5.63, east: 105.64, north: 20.46,
                    name: "Thailand - onshore."))
        #expect(info.isInstantiable && !info.isBallpark)
        #expect(info.description == "EPSG:1812 Indian 1975 to WGS 84 (4), 3 m")
    }

    @Test func itsPROJStringIsInLonLatOrder() throws {
        // Normalised like every Transformer: no axis swap at either end (projinfo, in EPSG's lat/lon order,
        // starts and ends with `+step +proj=axisswap +order=2,1`).
        let context = try ProjContext()
        let transformer = try Transformer(
            from: CRS("EPSG:4240", context: context),
            to: CRS("EPSG:4326", context: context),
            operation: .definition("EPSG:1304"), context: context)
        let pipeline = try #require(transformer.operation?.projString)
        #expect(pipeline.hasPrefix("+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad"))
        #expect(pipeline.contains("+proj=helmert +x=210 +y=814 +z=289"))
        #expect(!pipeline.contains("axisswap"))
        // A pipeline passed back is applied as written, and gives the same result.
        let asWritten = try Transformer(
            from: transformer.source, to: transformer.target,
            operation: .definition(pipeline), context: context)
        let point = XY(x: 100.5018, y: 13.7567)
        #expect(try asWritten.transform(point) == transformer.transform(point))
    }

    @Test func aConversionIsExact() throws {
        let context = try ProjContext()
        let transformer = try Transformer(
            from: CRS("EPSG:4326", context: context),
            to: CRS("EPSG:32647", context: context), context: context)
        _ = try transformer.transform(XY(x: 100.5018, y: 13.7567))
        let info = try #require(transformer.lastUsedOperation)
        // `projinfo -s EPSG:4326 -t EPSG:32647` → "EPSG:16047, UTM zone 47N, 0 m"
        #expect(info.identifier == "EPSG:16047" && info.name == "UTM zone 47N")
        #expect(info.accuracy == 0)
        #expect(info.description == "EPSG:16047 UTM zone 47N, exact")
    }

    @Test func aChainOfOperationsIsNamedByItsSteps() throws {
        // `projinfo -s EPSG:4240 -t EPSG:32647 --spatial-test intersects --summary` (PROJ 9.1.1), first line:
        // "unknown id, Indian 1975 to WGS 84 (4) + UTM zone 47N, 3 m, Thailand - onshore."
        let context = try ProjContext()
        let first = try #require(
            try Transformer.candidates(
                from: CRS("EPSG:4240", context: context),
                to: CRS("EPSG:32647", context: context),
                context: context
            ).first)
        #expect(first.name == "Indian 1975 to WGS 84 (4) + UTM zone 47N")
        #expect(first.identifier == nil)
        #expect(first.accuracy == 3)
        // Without a code, its definition is its PROJJSON, which forces it exactly.
        let definition = try #require(first.definition)
        #expect(definition.hasPrefix("{") && definition.contains(#""type":"ConcatenatedOperation""#))
    }

    @Test func aBallparkOperationIsFlagged() throws {
        // Nothing joins Indian 1975 to NAD27 (their areas are far apart): `projinfo -s EPSG:4240 -t EPSG:4267
        // --summary` (PROJ 9.1.1) → "Candidate operations found: 1 / unknown id, Ballpark geographic offset from
        // Indian 1975 to NAD27, unknown accuracy, World, has ballpark transformation".
        let context = try ProjContext()
        let candidates = try Transformer.candidates(
            from: CRS("EPSG:4240", context: context),
            to: CRS("EPSG:4267", context: context), context: context)
        #expect(candidates.count == 1)
        let ballpark = try #require(candidates.last)
        #expect(ballpark.isBallpark)
        #expect(ballpark.name == "Ballpark geographic offset from Indian 1975 to NAD27")
        #expect(ballpark.accuracy == nil)
        #expect(ballpark.description.hasSuffix("accuracy unknown, ballpark"))
    }
}
