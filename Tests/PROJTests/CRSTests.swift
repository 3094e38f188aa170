import Foundation
import Testing

@testable import PROJ

@Suite struct CRSTests {
    /// Fixtures/utm47n-wkt1-gdal.wkt, from `projinfo EPSG:32647 -o WKT1_GDAL --single-line | sed -n 2p`
    /// (PROJ 9.1.1).
    static let utm47WKT1 = (try? String(contentsOf: TestData.fixture("utm47n-wkt1-gdal.wkt"), encoding: .utf8)) ?? ""

    // MARK: - Definitions

    @Test(arguments: [
        "EPSG:32647", "32647", " 32647\n", "epsg:32647", "urn:ogc:def:crs:EPSG::32647", utm47WKT1,
        "+proj=utm +zone=47 +datum=WGS84 +units=m +no_defs",
        "+proj=utm +zone=47 +datum=WGS84 +type=crs",
    ])
    func everyWayToWriteUTM47NIsUnderstood(definition: String) throws {
        let crs = try CRS(definition, context: ProjContext())
        #expect(crs.kind == .projected)
        #expect(!crs.isGeographic)
        #expect(crs.identifier == CRSIdentifier(authority: "EPSG", code: "32647"))
    }

    @Test func wkt2AndPROJJSONRoundTrip() throws {
        let context = try ProjContext()
        let utm = try CRS("EPSG:32647", context: context)
        let wkt = try utm.wkt
        #expect(wkt.hasPrefix(#"PROJCRS["WGS 84 / UTM zone 47N""#))
        #expect(try CRS(wkt, context: context).isEquivalent(to: utm))
        let json = try utm.projJSON
        #expect(json.contains(#""type": "ProjectedCRS""#))
        #expect(try CRS(json, context: context).identifier?.description == "EPSG:32647")
        // `projinfo EPSG:32647 -o PROJ` → +proj=utm +zone=47 +datum=WGS84 +units=m +no_defs +type=crs
        #expect(utm.projString == "+proj=utm +zone=47 +datum=WGS84 +units=m +no_defs +type=crs")
    }

    @Test func describesItself() throws {
        let context = try ProjContext()
        let utm = try CRS("EPSG:32647", context: context)
        #expect(utm.name == "WGS 84 / UTM zone 47N")
        #expect(utm.description == "WGS 84 / UTM zone 47N (EPSG:32647)")
        // `projinfo EPSG:32647`: "Area of use: - name: Between 96°E and 102°E, northern hemisphere between
        // equator and 84°N, onshore and offshore. … - bounding box: 96, 0, 102, 84"
        let area = try #require(utm.areaOfUse)
        #expect(area.box == LonLatBox(west: 96, south: 0, east: 102, north: 84))
        #expect(area.name?.hasPrefix("Between 96°E and 102°E") == true)
        #expect(try CRS("+proj=longlat +ellps=WGS84", context: context).areaOfUse == nil)
    }

    @Test func kinds() throws {
        let context = try ProjContext()
        #expect(try CRS.wgs84(context: context).kind == .geographic2D)
        #expect(try CRS("EPSG:4979", context: context).kind == .geographic3D)
        #expect(try CRS("EPSG:4978", context: context).kind == .geocentric)
        #expect(try CRS("EPSG:5705", context: context).kind == .vertical)
        #expect(try CRS("EPSG:9518", context: context).kind == .compound)  // WGS 84 + EGM2008 height
        // A CRS bound to WGS 84 by +towgs84 is the kind of its base: here geographic.
        let bound = try CRS("+proj=longlat +ellps=evrst30 +towgs84=210,814,289", context: context)
        #expect(bound.kind == .geographic2D && bound.isGeographic)
    }

    @Test func geodeticCRSUnderAProjection() throws {
        let context = try ProjContext()
        let base = try CRS("EPSG:32647", context: context).geodeticCRS()
        #expect(base.identifier?.description == "EPSG:4326")
        #expect(base.isEquivalent(to: try .wgs84(context: context)))
    }

    // MARK: - Refusals

    @Test func anUnknownCodeSaysCRSNotFound() throws {
        let context = try ProjContext()
        #expect {
            try CRS("EPSG:99999", context: context)
        } throws: { error in
            "\(error)" == #"cannot understand CRS "EPSG:99999": crs not found"#
        }
    }

    @Test(arguments: [
        (
            "EPSG:1304",
            #"EPSG:1304 is a transformation "Indian 1975 to WGS 84 (2)", not a coordinate reference system"#
        ),
        ("EPSG:7030", #"EPSG:7030 is an ellipsoid "WGS 84", not a coordinate reference system"#),
        ("urn:ogc:def:ellipsoid:EPSG::7030", "it is an ellipsoid, not a coordinate reference system"),
        ("urn:ogc:def:coordinateOperation:EPSG::1304", "it is a transformation, not a coordinate reference system"),
        (
            "+proj=pipeline +step +proj=axisswap +order=2,1",
            "it is a coordinate operation, not a coordinate reference system"
        ),
    ])
    func whatIsNotACRSIsNamed(definition: String, message: String) throws {
        let context = try ProjContext()
        #expect {
            try CRS(definition, context: context)
        } throws: { error in
            error as? PROJError == .invalidDefinition(definition: definition, message: message)
        }
    }

    @Test(arguments: ["", "   ", "hello", #"GEOGCS["x",DATUM["#, "+proj=foo"])
    func nonsenseIsRefusedWithPROJsReason(definition: String) throws {
        let context = try ProjContext()
        #expect {
            try CRS(definition, context: context)
        } throws: { error in
            guard case let .invalidDefinition(quoted, message)? = error as? PROJError else { return false }
            return quoted == definition && !message.isEmpty && !message.contains("Unknown error")
        }
    }

    @Test func aFailureLeavesNothingForTheNextCall() throws {
        let context = try ProjContext()
        #expect(throws: PROJError.self) { try CRS("EPSG:99999", context: context) }
        #expect(throws: PROJError.self) { try CRS("+proj=foo", context: context) }
        let next = try CRS("EPSG:4326", context: context)
        #expect(next.name == "WGS 84")
        #expect(context.messages.isEmpty && context.errorNumber == 0)
        // A later failure reports its own reason, not the earlier ones.
        #expect {
            try CRS("EPSG:99998", context: context)
        } throws: { error in
            "\(error)" == #"cannot understand CRS "EPSG:99998": crs not found"#
        }
    }
}
