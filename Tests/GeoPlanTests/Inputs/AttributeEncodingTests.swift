import Foundation
import GeoplanTestSupport
import Testing

@testable import GeoPlan

@Suite struct AttributeEncodingTests {
    @Test func otherFormatsAreUTF8UnlessTold() throws {
        let plain = try AttributeEncoding.decide(for: "/tmp/x.geojson", override: nil)
        #expect(plain.openOptions.textDecoding == .utf8)
        let told = try AttributeEncoding.decide(for: "/tmp/x.csv", override: "TIS-620")
        #expect(told.openOptions.textDecoding == .recode(from: "CP874"))
    }

    @Test func shapefilesGetTheDecisionAsGDALsOpenOption() throws {
        let decided = try AttributeEncoding.decide(for: Fixtures.phuket, override: nil)
        #expect(decided.openOptions.driverOptions == ["ENCODING": "UTF-8"])
        #expect(decided.report.name == "UTF-8")
    }

    @Test func aFolderOfShapefilesInDifferentEncodingsIsRefused() throws {
        let folder = try TemporaryFolder()
        TinyDBFPair.write(folder: folder, name: "a", values: [Array("ตลาด".utf8)])
        TinyDBFPair.write(folder: folder, name: "b", values: [[0xB5, 0xC5, 0xD2, 0xB4, 0xE3, 0xCB, 0xAD, 0xE8]])
        #expect {
            try AttributeEncoding.decide(for: folder.url.path, override: nil)
        } throws: { error in
            "\(error)".contains("different text encodings")
        }
    }
}

/// A `.dbf` with an empty `.shp` name beside it, so the folder counts as a folder of shapefiles.
enum TinyDBFPair {
    static func write(folder: TemporaryFolder, name: String, values: [[UInt8]]) {
        _ = try? TinyDBF.write(to: folder.path("\(name).dbf"), values: values)
        _ = try? folder.write([], to: "\(name).shp")
    }
}
