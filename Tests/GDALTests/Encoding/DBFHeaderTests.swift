import Foundation
import GeoplanTestSupport
import Testing

@testable import GDAL

@Suite struct DBFHeaderTests {
    @Test func readsTheShippedTambonTable() throws {
        let header = try DBFHeader(contentsOf: URL(fileURLWithPath: Fixtures.shape("tambons/phuket/phuket.dbf")))
        #expect(header.recordCount == 17)
        #expect(header.languageDriver == 0)
        #expect(header.fields.count == 14)
        #expect(header.textFields.map(\.name).contains("ADM3_TH"))
        #expect(header.fields.first?.offset == 1)
    }

    @Test func truncatedOrCorruptHeadersAreErrorsNamingTheFile() throws {
        let folder = try TemporaryFolder()
        let whole = try Data(contentsOf: URL(fileURLWithPath: Fixtures.shape("tambons/phuket/phuket.dbf")))
        let cut = folder.path("cut.dbf")
        try whole.prefix(20).write(to: URL(fileURLWithPath: cut))
        #expect {
            try DBFHeader(contentsOf: URL(fileURLWithPath: cut))
        } throws: { error in
            "\(error)".contains("cut.dbf") && "\(error)".contains("shorter")
        }
        var bytes = [UInt8](whole)
        bytes[8] = 0xFF; bytes[9] = 0xFF  // a header longer than the file
        #expect(throws: EncodingDetectionError.self) {
            try DBFHeader(bytes: bytes, fileSize: bytes.count, path: "bad.dbf")
        }
    }

    @Test func randomBytesNeverCrash() {
        var random = SplitMix64(seed: 7)
        for _ in 0..<2_000 {
            let count = Int(random.next() % 300)
            var bytes = (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            if bytes.count > 11, random.next() % 2 == 0 { bytes[8] = UInt8(min(count, 255)); bytes[9] = 0 }
            _ = try? DBFHeader(bytes: bytes, fileSize: bytes.count, path: "fuzz.dbf")
        }
    }
}
