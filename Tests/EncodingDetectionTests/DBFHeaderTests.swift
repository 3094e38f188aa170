import Foundation
import Testing

@testable import EncodingDetection

@Suite struct DBFHeaderTests {
    @Test func readsWhatTheWriterWrote() throws {
        var table = DBFFixture(
            fields: [
                .init(name: "NAME", length: 40),
                .init(name: "AREA", type: "N", length: 19, decimals: 11),
                .init(name: "WIDE", length: 300),  // a character field over 255 bytes: its width's high byte in byte 17
                .init(name: "DAY", type: "D", length: 8),
            ], records: [[Array("a".utf8), Array("1.5".utf8), [], Array("20240115".utf8)]])
        table.languageDriver = 0x7C
        let header = try DBFHeader(bytes: table.bytes, path: "t.dbf")
        #expect(header.version == 0x03)
        #expect(header.lastUpdate == DBFHeader.Date(year: 2024, month: 1, day: 15))
        #expect(header.recordCount == 1)
        #expect(header.headerLength == 32 + 4 * 32 + 1)
        #expect(header.recordLength == 1 + 40 + 19 + 300 + 8)
        #expect(header.languageDriver == 0x7C)
        #expect(header.fields.map(\.name) == ["NAME", "AREA", "WIDE", "DAY"])
        #expect(header.fields.map(\.type) == ["C", "N", "C", "D"])
        #expect(header.fields.map(\.length) == [40, 19, 300, 8])
        #expect(header.fields.map(\.decimalCount) == [0, 11, 0, 0])
        #expect(header.fields.map(\.offset) == [1, 41, 60, 360])
        #expect(header.textFields.map(\.name) == ["NAME", "WIDE"])
    }

    /// The shipped Phuket table, against what `ogrinfo -so phuket.dbf` (GDAL 3.6.2) reports: 17 features,
    /// Shape_Leng Real (24.15), then twelve String (80.0) fields.
    @Test func readsTheShippedPhuketTable() throws {
        let header = try DBFHeader(contentsOf: EncodingReference.tambons("phuket", "dbf"))
        #expect(header.recordCount == 17)
        #expect(header.languageDriver == 0)
        #expect(header.fields.count == 14)
        #expect(header.fields[0].name == "Shape_Leng" && header.fields[0].length == 24)
        #expect(header.fields[0].decimalCount == 15)
        #expect(header.textFields.count == 12 && header.textFields.allSatisfy { $0.length == 80 })
        #expect(header.textFields.map(\.name).contains("ADM3_TH"))
        #expect(header.fields.first?.offset == 1)
        #expect(header.recordLength == 1 + 2 * 24 + 12 * 80)
    }

    @Test func nonUTF8FieldNamesKeepTheirBytes() throws {
        let table = DBFFixture(
            fields: [.init(name: "x", nameBytes: [0xAA, 0xD7, 0xE8, 0xCD])],  // ชื่อ in TIS-620
            records: [])
        let field = try #require(try DBFHeader(bytes: table.bytes, path: "t.dbf").fields.first)
        #expect(field.nameBytes == [0xAA, 0xD7, 0xE8, 0xCD])
        #expect(field.name.unicodeScalars.map(\.value) == [0xAA, 0xD7, 0xE8, 0xCD])  // shown byte by byte
    }

    // MARK: - Bad headers

    /// Each damage gives an error of the right kind that names the file.
    @Test func truncatedOrCorruptHeadersAreErrorsNamingTheFile() throws {
        let good = DBFFixture(values: [Array("abc".utf8)]).bytes
        func damaged(_ change: (inout [UInt8]) -> Void) -> [UInt8] {
            var bytes = good
            change(&bytes)
            return bytes
        }
        let cases: [(bytes: [UInt8], truncated: Bool, words: String)] = [
            (Array(good.prefix(20)), true, "fewer than the 32"),
            (Array(good.prefix(50)), true, "claims 65 bytes but the file has 50"),
            (
                damaged {
                    $0[8] = 0xFF
                    $0[9] = 0xFF
                }, true, "claims 65535 bytes"
            ),
            (
                damaged {
                    $0[8] = 32
                    $0[9] = 0
                }, false, "less than the 33"
            ),
            (
                damaged {
                    $0[10] = 0
                    $0[11] = 0
                }, false, "record length is 0"
            ),
            (damaged { $0[64] = 0x20 }, false, "0x0D"),
            (
                damaged {
                    $0[10] = 20
                    $0[11] = 0
                }, false, "need 41 bytes"
            ),
            (
                damaged {
                    $0[8] = 70
                    $0[9] = 0
                    $0[64] = 0x41
                }, false, "0x0D within its 70-byte header"
            ),
        ]
        for (bytes, truncated, words) in cases {
            do {
                _ = try DBFHeader(bytes: bytes, path: "/data/tambon.dbf")
                Issue.record("no error for \(words)")
            } catch let error as EncodingDetectionError {
                let text = "\(error)"
                #expect(text.contains("/data/tambon.dbf") && text.contains(words), "\(text)")
                if case .truncatedHeader = error { #expect(truncated, "\(text)") } else { #expect(!truncated) }
            }
        }
    }

    @Test func aFileCutInsideItsHeaderIsTruncated() throws {
        let scratch = try EncodingScratch()
        let url = scratch.file("cut.dbf")
        try Data(DBFFixture(values: [Array("abc".utf8)]).bytes.prefix(40)).write(to: url)
        #expect {
            try DBFHeader(contentsOf: url)
        } throws: { error in
            guard let error = error as? EncodingDetectionError, case .truncatedHeader = error else { return false }
            return "\(error)".contains("cut.dbf") && "\(error)".contains("copy the Shapefile's .dbf again")
        }
    }

    @Test func aMissingFileIsUnreadable() {
        #expect {
            try DBFHeader(contentsOf: URL(fileURLWithPath: "/nonexistent/gone.dbf"))
        } throws: { error in
            guard let error = error as? EncodingDetectionError, case .unreadable = error else { return false }
            return "\(error)".contains("/nonexistent/gone.dbf")
        }
    }

    /// 20,000 seeded random inputs: pure noise, and a valid header with random bytes overwritten. Parsing never
    /// crashes, and whatever it accepts is self-consistent.
    @Test func randomBytesNeverCrash() {
        var random = SeededBytes(seed: 7)
        let good = DBFFixture(fields: [.init(name: "A"), .init(name: "B", type: "N", length: 10)], records: []).bytes
        var accepted = 0
        for round in 0..<20_000 {
            var bytes: [UInt8]
            if round % 2 == 0 {
                bytes = random.bytes(random.below(300))
                if bytes.count > 11, random.below(2) == 0 {
                    bytes[8] = UInt8(min(bytes.count, 255))
                    bytes[9] = 0
                }
            } else {
                bytes = good
                for _ in 0..<(1 + random.below(4)) { bytes[random.below(bytes.count)] = random.bytes(1)[0] }
                bytes = Array(bytes.prefix(random.below(bytes.count + 1)))
            }
            guard let header = try? DBFHeader(bytes: bytes, fileSize: bytes.count, path: "fuzz.dbf") else { continue }
            accepted += 1
            #expect(header.headerLength <= bytes.count && header.recordLength > 0)
            #expect(header.fields.allSatisfy { $0.offset + $0.length <= header.recordLength })
        }
        #expect(accepted > 0)  // the mutations keep some headers valid, so the checks above ran
    }
}
