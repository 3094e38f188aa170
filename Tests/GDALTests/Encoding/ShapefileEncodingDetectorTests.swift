import Foundation
import GeoplanTestSupport
import Testing

@testable import GDAL

@Suite struct ShapefileEncodingDetectorTests {
    let thai = [ByteEvidenceTests.talatYai, ByteEvidenceTests.kathu, ByteEvidenceTests.nonthaburi]
    let utf8 = ["ตลาดใหญ่", "กะทู้", "นนทบุรี"].map { Array($0.utf8) }
    let latin1: [[UInt8]] = [[0x5A, 0xFC, 0x72, 0x69, 0x63, 0x68], [0x43, 0x61, 0x66, 0xE9]]

    func decide(_ values: [[UInt8]], cpg: String? = nil, ldid: UInt8 = 0,
                override: TextEncoding? = nil) throws -> TextEncodingDecision {
        let folder = try TemporaryFolder()
        let path = try TinyDBF.write(to: folder.path("t.dbf"), values: values, languageDriver: ldid)
        return try ShapefileEncodingDetector.decide(dbf: URL(fileURLWithPath: path), cpgText: cpg, override: override)
    }

    @Test func utf8WithoutCPGIsUTF8() throws {
        let decision = try decide(utf8)
        #expect(decision.encoding == .utf8 && decision.source == .detected)
        #expect(decision.warnings.isEmpty && !decision.isUndetermined)
    }

    @Test func tis620WithoutCPGIsCP874WithAWarningThatSaysHowToSilenceIt() throws {
        let decision = try decide(thai)
        #expect(decision.encoding == .cp874 && decision.source == .detected)
        #expect(decision.warnings.count == 1)
        #expect(decision.warnings[0].contains("874") && decision.warnings[0].contains("record 0"))
    }

    @Test func tis620DeclaredIsQuiet() throws {
        #expect(try decide(thai, cpg: "874").warnings.isEmpty)
        #expect(try decide(thai, ldid: 0x7C).source == .languageDriver(0x7C))
    }

    @Test func utf8DeclaredIsConfirmed() throws {
        let decision = try decide(utf8, cpg: "UTF-8")
        #expect(decision.encoding == .utf8 && decision.source == .declaredCPG("UTF-8") && decision.warnings.isEmpty)
    }

    @Test func aCPGContradictedByTheBytesLosesWithAWarning() throws {
        let decision = try decide(thai, cpg: "UTF-8")
        #expect(decision.encoding == .cp874)
        #expect(decision.warnings.first?.contains("UTF-8") == true)
        let other = try decide(utf8, cpg: "874")
        #expect(other.encoding == .utf8 && other.warnings.count == 1)
    }

    @Test func latin1WithoutDeclarationIsUndetermined() throws {
        let decision = try decide(latin1)
        #expect(decision.isUndetermined)
        #expect(decision.summary.contains("neither UTF-8 nor Thai"))
    }

    @Test func latin1DeclaredByTheLanguageDriverIsRead() throws {
        let decision = try decide(latin1, ldid: 0x57)
        #expect(decision.encoding == .latin1 && !decision.isUndetermined)
    }

    @Test func asciiOnlyUsesTheDeclaration() throws {
        let decision = try decide([Array("TH830101".utf8)], ldid: 0x57)
        #expect(decision.source == .asciiOnly && decision.encoding == .latin1)
    }

    @Test func overrideWinsButContradictionsAreReported() throws {
        let decision = try decide(thai, override: .utf8)
        #expect(decision.encoding == .utf8 && decision.source == .userOverride)
        #expect(decision.warnings.count == 1)
    }

    @Test func shippedTablesAreUTF8AsDeclared() throws {
        for province in ["phuket", "nonthaburi", "samut-songkhram", "nakhon-pathom"] {
            let dbf = URL(fileURLWithPath: Fixtures.shape("tambons/\(province)/\(province).dbf"))
            let decision = try ShapefileEncodingDetector.decide(dbf: dbf, cpgText: "UTF-8", override: nil)
            #expect(decision.encoding == .utf8 && decision.warnings.isEmpty, "\(province)")
        }
    }

    @Test func deletedRecordsAreSkipped() throws {
        let folder = try TemporaryFolder()
        let path = try TinyDBF.write(to: folder.path("d.dbf"), values: [thai[0], Array("A".utf8)])
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        bytes[65] = UInt8(ascii: "*")  // first record's deletion flag (header is 65 bytes)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let decision = try ShapefileEncodingDetector.decide(dbf: URL(fileURLWithPath: path), cpgText: nil, override: nil)
        #expect(decision.source == .asciiOnly)
    }
}
