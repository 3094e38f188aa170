import Foundation
import GeoplanTestSupport
import Testing

@testable import GeoPlan

@Suite struct CSVPartTests {
    @Test func recordsFollowQuotesAcrossLineBreaks() throws {
        let folder = try TemporaryFolder()
        let text = "\u{FEFF}code,name\r\nA,\"one\r\ntwo, \"\"three\"\"\"\r\nB,\r\nC,\"\n\"\r\n"
        let path = try folder.write(text, to: "part.csv")
        let part = try CSVPart.read(path)
        #expect(String(decoding: part.bytes(part.head), as: UTF8.self) == "\u{FEFF}code,name\r\n")
        #expect(
            part.rows.map { String(decoding: part.bytes($0), as: UTF8.self) }
                == ["A,\"one\r\ntwo, \"\"three\"\"\"\r\n", "B,\r\n", "C,\"\n\"\r\n"])
        #expect(part.tail.isEmpty)
    }

    @Test func geoplansOwnCSVSplitsIntoItsRows() throws {
        let fixture = try PartitionFixture()
        let path = fixture.path("all.csv")
        try fixture.write(path, format: .csv)
        let part = try CSVPart.read(path)
        #expect(part.rows.count == fixture.rows.count)
        #expect(part.rows.allSatisfy { String(decoding: part.bytes($0), as: UTF8.self).hasPrefix("TH") })
    }

    @Test(arguments: ["", "code,name\r\nA,b", "code,name\r\nA,\"open\r\n"])
    func emptyOrCutShortFilesAreRefusedByName(text: String) throws {
        let folder = try TemporaryFolder()
        let path = try folder.write(text, to: "part.csv")
        #expect(throws: GeoPlanError.self) { try CSVPart.read(path) }
        do {
            _ = try CSVPart.read(path)
        } catch {
            #expect("\(error)".hasPrefix("\"\(path)\": "))
        }
    }
}
