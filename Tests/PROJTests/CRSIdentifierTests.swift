import Foundation
import Testing

@testable import PROJ

@Suite struct CRSIdentifierTests {
    @Test func theTambonsESRIPrjIsIdentifiedAsEPSG4326() throws {
        // shapes/tambons/phuket/phuket.prj is ESRI WKT ("GCS_WGS_1984") with no identifier: PROJ's proj_identify
        // finds EPSG:4326 with a confidence of at least 70 %.
        let prj = try String(contentsOf: TestData.shape("tambons/phuket/phuket.prj"), encoding: .utf8)
        #expect(prj.hasPrefix(#"GEOGCS["GCS_WGS_1984""#) && !prj.contains("AUTHORITY"))
        let crs = try CRS(prj, context: ProjContext())
        #expect(crs.isGeographic)
        #expect(crs.identifier == CRSIdentifier(authority: "EPSG", code: "4326"))
    }

    @Test func anESRIProjectedPrjIsIdentifiedToo() throws {
        // Fixtures/indian1975-utm47n-esri.prj, from `projinfo EPSG:24047 -o WKT1_ESRI --single-line | sed -n 2p`
        // (PROJ 9.1.1): Indian 1975 / UTM zone 47N as ESRI writes it, without an identifier.
        let esri = try String(contentsOf: TestData.fixture("indian1975-utm47n-esri.prj"), encoding: .utf8)
        #expect(esri.hasPrefix(#"PROJCS["Indian_1975_UTM_Zone_47N""#) && !esri.contains("AUTHORITY"))
        #expect(try CRS(esri, context: ProjContext()).identifier?.description == "EPSG:24047")
    }

    @Test func aCustomCRSHasNoIdentifier() throws {
        // A transverse Mercator no authority defines.
        let custom = try CRS("+proj=tmerc +lon_0=100.123 +k=1 +x_0=0 +datum=WGS84 +units=m", context: ProjContext())
        #expect(custom.identifier == nil)
        #expect(custom.description == custom.name)
    }

    @Test func codesAreParsed() {
        #expect(CRSIdentifier(parsing: "EPSG:4326") == CRSIdentifier(authority: "EPSG", code: "4326"))
        #expect(CRSIdentifier(parsing: "esri:102003")?.description == "ESRI:102003")
        #expect(CRSIdentifier(parsing: "urn:ogc:def:crs:EPSG::4326") == nil)
        #expect(CRSIdentifier(parsing: "+proj=utm") == nil)
        #expect(CRSIdentifier(parsing: "EPSG:") == nil)
    }
}
