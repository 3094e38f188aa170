import Foundation
import Testing

@testable import EncodingDetection

/// Every fixture is a DBF written byte by byte at test time (`DBFFixture`), in a scratch folder.
@Suite struct ShapefileEncodingDetectorTests {
    let thai = ThaiSamples.tis620
    let utf8 = ThaiSamples.utf8
    let latin1 = ThaiSamples.latin1

    func decide(
        _ values: [[UInt8]], cpg: String? = nil, ldid: UInt8 = 0, override: TextEncoding? = nil,
        width: Int = 40
    ) throws -> TextEncodingDecision {
        try decide(DBFFixture(values: values, width: width, languageDriver: ldid), cpg: cpg, override: override)
    }

    func decide(
        _ table: DBFFixture, cpg: String? = nil, override: TextEncoding? = nil,
        sampleLimit: Int = 8 << 20
    ) throws -> TextEncodingDecision {
        let scratch = try EncodingScratch()
        let url = try table.write(to: scratch.file("t.dbf"))
        return try ShapefileEncodingDetector.decide(
            dbf: url, cpgText: cpg, override: override,
            sampleLimit: sampleLimit)
    }

    // MARK: - The bytes decide

    @Test func utf8ThaiWithoutCPGIsUTF8() throws {
        let decision = try decide(utf8)
        #expect(decision.encoding == .utf8 && decision.source == .detected)
        #expect(decision.warnings.isEmpty && !decision.isUndetermined)
        #expect(
            decision.summary == "UTF-8, detected from the bytes (no .cpg): 3 of 3 text values are non-ASCII, "
                + "all valid UTF-8; language driver 0x00 — decoded as UTF-8")
        #expect(decision.example?.record == 0 && decision.example?.decoded == "ตลาดใหญ่")
    }

    @Test func tis620WithoutCPGIsCP874WithAWarningThatSaysHowToSilenceIt() throws {
        let decision = try decide(thai)
        #expect(decision.encoding == .cp874 && decision.source == .detected && !decision.isUndetermined)
        #expect(
            decision.summary == "TIS-620/CP874 (Thai), detected from the bytes (no .cpg): 3 of 3 text values "
                + "are non-ASCII, none valid UTF-8, 100 % Thai-like; language driver 0x00 — decoded as CP874")
        #expect(
            decision.warnings == [
                "t.dbf: decoded as Thai TIS-620/CP874 from the bytes, because it has no .cpg and its language driver "
                    + "byte is 0x00: 3 values are not UTF-8 and read as Thai (record 0, field NAME: B5 C5 D2 B4 E3 CB AD "
                    + "E8 \"ตลาดใหญ่\", which ISO-8859-1 would show as \"µÅÒ´ãË\u{AD}è\"). To silence this, add a .cpg "
                    + "file containing 874 beside it, or give ⟦encoding=CP874⟧"
            ])
        #expect(decision.example?.bytes == ThaiSamples.talatYai && decision.example?.field == "NAME")
    }

    @Test func tis620DeclaredIsQuiet() throws {
        let byCPG = try decide(thai, cpg: "874")
        #expect(byCPG.encoding == .cp874 && byCPG.source == .declaredCPG("874") && byCPG.warnings.isEmpty)
        #expect(byCPG.summary.hasPrefix("TIS-620/CP874 (Thai), declared and confirmed by the bytes (.cpg \"874\")"))
        for ldid: UInt8 in [0x50, 0x7C] {
            let byLDID = try decide(thai, ldid: ldid)
            #expect(byLDID.encoding == .cp874 && byLDID.source == .languageDriver(ldid) && byLDID.warnings.isEmpty)
        }
        #expect(try decide(thai, cpg: "TIS-620").warnings.isEmpty)
    }

    @Test func utf8DeclaredIsConfirmed() throws {
        let decision = try decide(utf8, cpg: "UTF-8\r\n")
        #expect(decision.encoding == .utf8 && decision.source == .declaredCPG("UTF-8") && decision.warnings.isEmpty)
        #expect(decision.summary.contains("declared and confirmed by the bytes"))
    }

    // MARK: - Declarations the bytes contradict

    @Test func aCPGSayingUTF8OverTIS620BytesLosesWithAWarningNamingBoth() throws {
        let decision = try decide(thai, cpg: "UTF-8")
        #expect(decision.encoding == .cp874 && decision.source == .detected)
        #expect(decision.warnings.count == 1)
        let warning = try #require(decision.warnings.first)
        #expect(
            warning.hasPrefix(
                "t.dbf: decoded as Thai TIS-620/CP874 from the bytes, although its .cpg says "
                    + "\"UTF-8\""))
        #expect(warning.hasSuffix("To silence this, write 874 in its .cpg, or give ⟦encoding=CP874⟧"))
    }

    /// ArcGIS writes LDID 0x57 ("ANSI": the machine's code page, 874 on Thai Windows); GDAL reads ISO-8859-1.
    @Test func languageDriverANSIOverThaiBytesIsThai() throws {
        let decision = try decide(thai, ldid: 0x57)
        #expect(decision.encoding == .cp874 && decision.source == .detected)
        #expect(
            decision.warnings.first?.contains(
                "although it has no .cpg and its language driver byte 0x57 says "
                    + "ISO-8859-1") == true)
    }

    @Test func utf8BytesUnderAThaiDeclarationAreUTF8() throws {
        let decision = try decide(utf8, cpg: "874")
        #expect(decision.encoding == .utf8 && decision.source == .detected)
        #expect(decision.warnings.count == 1)
        #expect(
            decision.warnings.first?.contains("its .cpg says \"874\", but all its non-ASCII text is valid UTF-8")
                == true)
    }

    // MARK: - Neither UTF-8 nor Thai

    @Test func latin1WithoutDeclarationIsUndetermined() throws {
        let decision = try decide(latin1)
        #expect(decision.isUndetermined)
        #expect(
            decision.summary == "undetermined: it has no .cpg and its language driver byte is 0x00, and 2 of 2 "
                + "non-ASCII values are neither UTF-8 nor Thai TIS-620 (record 0, field NAME: 5A FC 72 69 63 68 "
                + "\"Zürich\")")
        #expect(decision.example?.record == 0)
    }

    @Test func latin1UnderACPGSayingUTF8IsUndetermined() throws {
        let decision = try decide(latin1, cpg: "UTF-8")
        #expect(decision.isUndetermined)
        #expect(decision.summary.hasPrefix("undetermined: its .cpg says \"UTF-8\", but 2 of 2"))
    }

    @Test func latin1DeclaredByTheLanguageDriverIsRead() throws {
        let decision = try decide(latin1, ldid: 0x57)
        #expect(decision.encoding == .latin1 && decision.source == .languageDriver(0x57))
        #expect(!decision.isUndetermined && decision.warnings.isEmpty)
        #expect(
            decision.summary == "ISO-8859-1 (Latin-1), as declared (language driver 0x57, no .cpg): 2 of 2 text "
                + "values are non-ASCII, none valid UTF-8, 0 % Thai-like — decoded as ISO-8859-1")
        #expect(decision.example?.decoded == "Zürich")
    }

    @Test func latin1WithWindowsPunctuationSuggestsCP1252() throws {
        let decision = try decide([[0x49, 0x74, 0x92, 0x73, 0x20, 0xE9]], ldid: 0x57)  // "It’s é" in CP1252
        #expect(decision.encoding == .latin1)
        #expect(decision.warnings.first?.contains("give ⟦encoding=CP1252⟧") == true)
    }

    @Test func aThaiDeclarationOverBytesCP874LacksIsKeptWithAWarning() throws {
        let decision = try decide(latin1, cpg: "874")
        #expect(decision.encoding == .cp874 && decision.source == .declaredCPG("874"))
        #expect(decision.warnings.first?.contains("1 bytes CP874 does not define") == true)
    }

    // MARK: - ASCII

    @Test func asciiOnlyTakesTheDeclarationOrUTF8() throws {
        let values = [Array("TH830101".utf8), Array("Talat Yai".utf8)]
        let plain = try decide(values)
        #expect(plain.source == .asciiOnly && plain.encoding == .utf8 && plain.warnings.isEmpty)
        #expect(
            plain.summary == "ASCII, read as UTF-8 (no .cpg): all 2 text values are ASCII; language driver 0x00 "
                + "— decoded as UTF-8")
        #expect(plain.example == nil)
        let ansi = try decide(values, ldid: 0x57)
        #expect(ansi.source == .asciiOnly && ansi.encoding == .latin1)
        #expect(try decide(values, cpg: "874").encoding == .cp874)
    }

    // MARK: - --encoding

    @Test func overrideWinsAndContradictionsAreReported() throws {
        let utf8OverThai = try decide(thai, override: .utf8)
        #expect(utf8OverThai.encoding == .utf8 && utf8OverThai.source == .userOverride)
        #expect(utf8OverThai.warnings.count == 1)
        #expect(utf8OverThai.warnings.first?.contains("they read as Thai TIS-620 (⟦encoding=CP874⟧)") == true)
        #expect(try decide(utf8, override: .cp874).warnings.first?.contains("valid UTF-8") == true)
        #expect(try decide(thai, override: .latin1).warnings.first?.contains("reads as Thai") == true)
        #expect(try decide(latin1, override: .cp874).warnings.first?.contains("does not read as Thai") == true)
    }

    @Test func overrideThatAgreesIsQuiet() throws {
        let decision = try decide(thai, cpg: "UTF-8", override: .cp874)
        #expect(decision.encoding == .cp874 && decision.source == .userOverride && decision.warnings.isEmpty)
        #expect(decision.summary.hasPrefix("TIS-620/CP874 (Thai), as given with ⟦encoding⟧ (.cpg \"UTF-8\")"))
        #expect(try decide(latin1, override: .latin1).warnings.isEmpty)
        #expect(try decide(utf8, override: .utf8).warnings.isEmpty)
    }

    // MARK: - Damaged and mixed tables

    @Test func mixedUTF8AndTIS620TakesTheMajorityAndSaysSo() throws {
        let mostlyTIS = try decide(thai + [utf8[0]])
        #expect(mostlyTIS.encoding == .cp874)
        #expect(mostlyTIS.warnings.first?.contains("mixes two encodings: 1 values are Thai in UTF-8 and 3") == true)
        let mostlyUTF8 = try decide(utf8 + utf8 + [thai[0]])
        #expect(mostlyUTF8.encoding == .utf8)
        #expect(mostlyUTF8.warnings.first?.contains("mixes two encodings") == true)
    }

    @Test func aFewBrokenValuesInAUTF8TableAreReportedNotObeyed() throws {
        let values = Array(repeating: utf8[0], count: 40) + [latin1[0]]
        let decision = try decide(values, cpg: "UTF-8")
        #expect(decision.encoding == .utf8 && decision.source == .declaredCPG("UTF-8"))
        #expect(decision.warnings.first?.contains("1 of 41 non-ASCII values are not valid UTF-8") == true)
        #expect(decision.warnings.first?.contains("record 40") == true)
    }

    @Test func utf8CutAtTheFieldWidthIsUTF8WithAWarning() throws {
        // 8 bytes of "ตลาด" (3 bytes a letter) in an 8-byte field: the third letter is cut after 2 bytes.
        let decision = try decide([Array("ตลาด".utf8)], width: 8)
        #expect(decision.encoding == .utf8)
        #expect(decision.warnings.first?.contains("cut inside a character at the field's width") == true)
    }

    @Test func deletedRecordsAreSkipped() throws {
        var table = DBFFixture(values: [thai[0], Array("A".utf8)])
        table.deleted = [0]
        #expect(try decide(table).source == .asciiOnly)
    }

    @Test func aHeaderCountingMoreRecordsThanTheFileHoldsIsReported() throws {
        var table = DBFFixture(values: thai)
        table.claimedRecordCount = 10
        let decision = try decide(table)
        #expect(decision.encoding == .cp874)
        #expect(
            decision.warnings.last == "t.dbf: its header counts 10 records but the file holds 3; it may be cut "
                + "short")
    }

    @Test func thaiFieldNamesCountAsText() throws {
        let table = DBFFixture(
            fields: [.init(name: "x", length: 10, nameBytes: [0xAA, 0xD7, 0xE8, 0xCD])],
            records: [[Array("TH8301".utf8)]])
        let decision = try decide(table)
        #expect(decision.encoding == .cp874)
        #expect(decision.example?.record == nil && decision.example?.decoded == "ชื่อ")
    }

    @Test func unknownAndUnusableCPGs() throws {
        let klingon = try decide(utf8, cpg: "klingon/1")
        #expect(klingon.encoding == .utf8 && klingon.source == .detected)
        #expect(klingon.warnings.first?.contains("its .cpg says \"klingon/1\", which names no code page") == true)
        let big5 = try decide(latin1, cpg: "EUC-TW")
        #expect(big5.encoding.gdalName == "EUC-TW" && big5.source == .declaredCPG("EUC-TW"))
        #expect(big5.warnings.first?.contains("geoplan cannot check") == true)
    }

    // MARK: - Reading

    /// A 2.4 MB table sampled with a 64 KB budget: the Thai text sits only in its last tenth, and the spread
    /// sample still finds it; the summary says it was a sample.
    @Test func aSpreadSampleFindsTextLateInALargeFile() throws {
        let count = 40_000
        let values = (0..<count).map { $0 < count * 9 / 10 ? Array("TH\($0)".utf8) : thai[$0 % 3] }
        let decision = try decide(DBFFixture(values: values, width: 60), sampleLimit: 64 << 10)
        #expect(decision.encoding == .cp874)
        #expect(decision.evidence.values < count / 10)
        #expect(decision.summary.hasSuffix("records)") && decision.summary.contains("sampled"))
    }

    @Test func truncatedHeaderIsAnErrorNamingTheFile() throws {
        let scratch = try EncodingScratch()
        let url = scratch.file("legacy.dbf")
        try Data(DBFFixture(values: thai).bytes.prefix(48)).write(to: url)
        #expect {
            try ShapefileEncodingDetector.decide(dbf: url, cpgText: nil, override: nil)
        } throws: { error in
            "\(error)".contains("legacy.dbf") && (error as? EncodingDetectionError)?.path == url.path
        }
    }

    /// 600 seeded files: noise, and valid tables with bytes overwritten anywhere. The detector throws an
    /// `EncodingDetectionError` or decides; it never crashes, and what it decides is a complete decision.
    @Test func randomBytesNeverCrash() throws {
        let scratch = try EncodingScratch()
        var random = SeededBytes(seed: 2024)
        let good = DBFFixture(
            fields: [.init(name: "NAME", length: 12), .init(name: "N", type: "N", length: 5)],
            records: (0..<20).map { [thai[$0 % 3], Array("\($0)".utf8)] }
        ).bytes
        for round in 0..<600 {
            var bytes = round % 3 == 0 ? random.bytes(random.below(700)) : good
            if round % 3 != 0 {
                for _ in 0..<(1 + random.below(12)) { bytes[random.below(bytes.count)] = random.bytes(1)[0] }
                if round % 3 == 2 { bytes = Array(bytes.prefix(random.below(bytes.count + 1))) }
            }
            let url = scratch.file("fuzz\(round).dbf")
            try Data(bytes).write(to: url)
            do {
                let decision = try ShapefileEncodingDetector.decide(
                    dbf: url, cpgText: nil, override: nil,
                    sampleLimit: random.below(2) == 0 ? 1 : 1 << 20)
                #expect(!decision.summary.isEmpty && !decision.encoding.gdalName.isEmpty)
            } catch {
                #expect(error is EncodingDetectionError, "\(error)")
                #expect("\(error)".contains("fuzz\(round).dbf"))
            }
        }
    }

    // MARK: - The shipped data

    @Test(arguments: EncodingReference.provinces)
    func shippedTablesAreUTF8AsDeclared(province: String) throws {
        let dbf = EncodingReference.tambons(province, "dbf")
        let cpg = try String(contentsOf: EncodingReference.tambons(province, "cpg"), encoding: .utf8)
        let declared = try ShapefileEncodingDetector.decide(dbf: dbf, cpgText: cpg, override: nil)
        #expect(declared.encoding == .utf8 && declared.source == .declaredCPG("UTF-8"))
        #expect(declared.warnings.isEmpty && !declared.isUndetermined)
        #expect(declared.evidence.utf8ThaiValues > 0 && declared.evidence.invalidUTF8Values == 0)
        let undeclared = try ShapefileEncodingDetector.decide(dbf: dbf, cpgText: nil, override: nil)
        #expect(undeclared.encoding == .utf8 && undeclared.source == .detected && undeclared.warnings.isEmpty)
    }

    /// The shipped names recoded to TIS-620 by iconv, in a table shaped like the shipped ones (numbers, codes,
    /// English and Thai names) with a deleted record: what Thai agencies hand out without a `.cpg`.
    @Test(.enabled(if: EncodingReference.hasIconv))
    func shippedNamesInTIS620AreDetected() throws {
        let names = try EncodingReference.shippedThaiNames()
        let tis620 = try EncodingReference.iconv(names, to: "TIS-620")
        var table = DBFFixture(
            fields: [
                .init(name: "Shape_Area", type: "N", length: 24, decimals: 15),
                .init(name: "ADM3_EN", length: 80), .init(name: "ADM3_TH", length: 80),
            ],
            records: tis620.enumerated().map { index, name in
                [Array("0.00\(index)".utf8), Array("Tambon \(index)".utf8), name]
            })
        table.deleted = [0]
        let decision = try decide(table)
        #expect(decision.encoding == .cp874 && decision.source == .detected)
        #expect(decision.evidence.invalidUTF8Values == names.count - 1)
        #expect(decision.example?.record == 1 && decision.example?.decoded == names[1])
        #expect(decision.evidence.thaiLikeness == 1)
    }
}
