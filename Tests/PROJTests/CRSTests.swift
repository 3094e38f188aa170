import Foundation
import Testing

@testable import PROJ

@Suite struct CRSTests {
    @Test(arguments: ["EPSG:32647", "32647", "urn:ogc:def:crs:EPSG::32647", "+proj=utm +zone=47 +datum=WGS84 +units=m"])
    func understandsEveryWayToWriteUTM47N(definition: String) throws {
        let context = try ProjContext()
        let crs = try CRS(definition, context: context)
        #expect(crs.kind == .projected)
        #expect(crs.identifier?.description == "EPSG:32647")
    }

    @Test func identifiesTheESRIPrjShippedWithTheTambons() throws {
        // shapes/tambons/phuket/phuket.prj is ESRI WKT without an EPSG identifier.
        let prj = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shapes/tambons/phuket/phuket.prj")
        let crs = try CRS(try String(contentsOf: prj, encoding: .utf8), context: ProjContext())
        #expect(crs.isGeographic)
        #expect(crs.identifier?.description == "EPSG:4326")
        #expect(try crs.geodeticCRS().name.contains("WGS"))
    }

    @Test func wktAndPROJJSONRoundTrip() throws {
        let context = try ProjContext()
        let utm = try CRS("EPSG:32647", context: context)
        #expect(try CRS(utm.wkt, context: context).isEquivalent(to: utm))
        #expect(try CRS(utm.projJSON, context: context).isEquivalent(to: utm))
        let area = try #require(utm.areaOfUse)
        #expect(area.west == 96 && area.east == 102)
    }

    @Test func badDefinitionsSayWhyAndLeaveNoStaleError() throws {
        let context = try ProjContext()
        #expect {
            try CRS("EPSG:99999", context: context)
        } throws: { error in
            "\(error)".contains("EPSG:99999") && "\(error)".contains("not found")
        }
        #expect {
            try CRS("+proj=pipeline +step +proj=axisswap +order=2,1", context: context)
        } throws: { error in
            "\(error)".contains("cannot understand")
        }
        // An ellipsoid is not a CRS.
        #expect(throws: PROJError.self) { try CRS("EPSG:7030", context: context) }
        // The same context still works, and reports no old error.
        #expect(try CRS("EPSG:4326", context: context).name == "WGS 84")
        #expect(context.messages.isEmpty)
    }
}
