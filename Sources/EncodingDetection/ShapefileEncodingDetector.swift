import Foundation
import Remedies

/// Decides the text encoding of a Shapefile's DBF from its bytes, its `.cpg` and its language-driver byte.
///
/// The rules, in order:
/// 1. `--encoding` wins; bytes that contradict it are reported as warnings.
/// 2. The bytes decide when they are unambiguous: all non-ASCII values valid UTF-8 → UTF-8; values that are not
///    UTF-8 and read as Thai → CP874 (with a warning, unless a Thai code page is declared, saying how to make it
///    explicit). Never from the absence of a `.cpg` alone.
/// 3. A declaration (the `.cpg`, else the LDID) is used when the bytes are ASCII-only or agree with it: 8-bit text
///    that is neither UTF-8 nor Thai agrees with any declared 8-bit code page.
/// 4. Otherwise the decision is undetermined, and the caller asks for `--encoding`.
public enum ShapefileEncodingDetector {
    /// Reads the header and up to `sampleLimit` bytes of records (streamed, spread over the file), examining the
    /// character fields (and field names) of records not marked deleted. `cpgText`: the `.cpg` file's contents.
    public static func decide(
        dbf: URL, cpgText: String?, override: TextEncoding?,
        sampleLimit: Int = 8 << 20
    ) throws -> TextEncodingDecision {
        let (headerBytes, fileSize) = try DBFHeader.readHeaderBytes(dbf)
        let header = try DBFHeader(bytes: headerBytes, fileSize: fileSize, path: dbf.path)
        var evidence = ByteEvidence()
        // Field names are text in the same encoding (GDAL recodes them too); ASCII ones say nothing.
        for field in header.fields where field.nameBytes.contains(where: { $0 >= 0x80 }) {
            evidence.add(field.nameBytes[...], record: nil, field: field.name)
        }
        let sampler = DBFTextSampler(url: dbf, header: header, fileSize: fileSize, budget: max(1, sampleLimit))
        let coverage = try sampler.scan { record, field, value, fills in
            evidence.add(value, record: record, field: field.name, fillsField: fills)
        }
        var decision = decide(
            evidence: evidence, cpgText: cpgText, languageDriver: header.languageDriver,
            override: override, name: dbf.lastPathComponent)
        if header.recordCount > coverage.recordsInFile {
            decision = decision.adding(
                warning: "\(dbf.lastPathComponent): its header counts \(header.recordCount) "
                    + "records but the file holds \(coverage.recordsInFile); it may be cut short")
        }
        if coverage.isPartial {
            decision = decision.noting("sampled \(coverage.recordsRead) of \(coverage.recordsInFile) records")
        }
        return decision
    }

    /// The decision for given evidence and declarations: the rules above, apart from the file reading.
    public static func decide(
        evidence: ByteEvidence, cpgText: String?, languageDriver: UInt8,
        override: TextEncoding?, name: String
    ) -> TextEncodingDecision {
        var rule = Rule(evidence: evidence, cpgText: cpgText, languageDriver: languageDriver, name: name)
        if let override { return rule.overridden(by: override) }
        return rule.decide()
    }
}

// MARK: - The rule

/// One decision in the making: the declarations, the evidence and the warnings gathered so far.
private struct Rule {
    let evidence: ByteEvidence
    let name: String
    let cpg: String?
    let cpgEncoding: TextEncoding?
    let languageDriver: UInt8
    let ldidEncoding: TextEncoding?
    var warnings: [String] = []

    init(evidence: ByteEvidence, cpgText: String?, languageDriver: UInt8, name: String) {
        self.evidence = evidence
        self.name = name
        let firstLine = cpgText?.split(whereSeparator: \.isNewline).first
        let trimmed = firstLine.map { $0.trimmingCharacters(in: .whitespaces.union(["\u{FEFF}"])) }
        cpg = trimmed.flatMap { $0.isEmpty ? nil : $0 }
        cpgEncoding = cpg.flatMap { TextEncoding(cpgText: $0) }
        self.languageDriver = languageDriver
        ldidEncoding = TextEncoding(languageDriver: languageDriver)
        if let cpg, cpgEncoding == nil {
            warnings.append("\(name): its .cpg says \"\(cpg)\", which names no code page; it was ignored")
        } else if let cpgEncoding, !cpgEncoding.isRecognized {
            warnings.append(
                "\(name): its .cpg names \"\(cpgEncoding.gdalName)\", which geoplan cannot check "
                    + "against the bytes; it is passed to GDAL as is")
        }
    }

    /// The declaration in force: the `.cpg` (as GDAL reads it), else the language driver.
    var declared: (encoding: TextEncoding, source: TextEncodingDecision.Source)? {
        if let cpgEncoding, let cpg { return (cpgEncoding, .declaredCPG(cpg)) }
        if let ldidEncoding { return (ldidEncoding, .languageDriver(languageDriver)) }
        return nil
    }

    /// "its .cpg says \"UTF-8\"", "its language driver byte 0x57 says ISO-8859-1", "it has no .cpg and its
    /// language driver byte is 0".
    var declaration: String {
        if let cpg, cpgEncoding != nil { return "its .cpg says \"\(cpg)\"" }
        let file = cpg == nil ? "it has no .cpg" : "its .cpg names no code page"
        if let ldidEncoding {
            return "\(file) and its language driver byte \(TextEncoding.hex(languageDriver)) says "
                + ldidEncoding.gdalName
        }
        return "\(file) and its language driver byte is \(TextEncoding.hex(languageDriver))"
    }

    /// "(no .cpg)", "(.cpg \"874\")", "(language driver 0x57, no .cpg)".
    var context: String {
        guard let cpg else {
            return ldidEncoding == nil ? "(no .cpg)" : "(language driver \(TextEncoding.hex(languageDriver)), no .cpg)"
        }
        return cpgEncoding == nil ? "(.cpg \"\(cpg)\" ignored)" : "(.cpg \"\(cpg)\")"
    }

    var counts: String {
        let values = "\(evidence.nonASCIIValues) of \(evidence.values) text values are non-ASCII"
        if evidence.isASCIIOnly { return "all \(evidence.values) text values are ASCII" }
        if evidence.looksUTF8 { return values + ", all valid UTF-8" }
        let utf8 = evidence.validUTF8Values == 0 ? "none" : "\(evidence.validUTF8Values)"
        let thai = Int((evidence.thaiLikeness * 100).rounded())
        return values + ", \(utf8) valid UTF-8, \(thai) % Thai-like"
    }

    // MARK: Decisions

    mutating func decide() -> TextEncodingDecision {
        if evidence.isASCIIOnly {
            let encoding = declared?.encoding ?? .utf8
            return make(encoding, .asciiOnly, how: "read as \(encoding.gdalName)", example: nil)
        }
        let invalid = evidence.invalidUTF8Values
        if evidence.looksUTF8 { return utf8() }
        if evidence.looksThai {
            // Thai UTF-8 next to Thai TIS-620: two writers appended to one table. The majority wins.
            if evidence.utf8ThaiValues > 0 {
                warnings.append(
                    "\(name): the table mixes two encodings: \(evidence.utf8ThaiValues) values are Thai "
                        + "in UTF-8 and \(invalid) are Thai in TIS-620/CP874; the minority will read "
                        + "wrongly (first UTF-8: \(describe(evidence.firstValidUTF8, as: .utf8)); first "
                        + "TIS-620: \(describe(evidence.firstInvalidUTF8, as: .cp874)))")
                if evidence.utf8ThaiValues > invalid { return utf8() }
            }
            return thai()
        }
        // A few broken values in a UTF-8 table (a bad edit, a copy cut short) do not make it another encoding.
        if evidence.validUTF8Values >= 19 * invalid {
            warnings.append(
                "\(name): \(invalid) of \(evidence.nonASCIIValues) non-ASCII values are not valid "
                    + "UTF-8 although the rest are (\(describe(evidence.firstInvalidUTF8, as: .utf8))); "
                    + "they will read wrongly")
            return utf8()
        }
        if let declared, declared.encoding != .utf8 {
            return eightBit(declared.encoding, declared.source)
        }
        let against = cpgEncoding == .utf8 ? "\(declaration), but" : "\(declaration), and"
        return make(
            .utf8, .detected, how: "undetermined", example: evidence.firstInvalidUTF8,
            undetermined: true,
            text: "undetermined: \(against) \(invalid) of \(evidence.nonASCIIValues) non-ASCII values are "
                + "neither UTF-8 nor Thai TIS-620 (\(describe(evidence.firstInvalidUTF8, as: .latin1)))")
    }

    private mutating func utf8() -> TextEncodingDecision {
        if evidence.truncatedUTF8Values > 0 {
            warnings.append(
                "\(name): \(evidence.truncatedUTF8Values) UTF-8 values were cut inside a character at "
                    + "the field's width (the writer counted bytes); their last character is lost")
        }
        guard let declared else {
            return make(.utf8, .detected, how: "detected from the bytes", example: evidence.firstValidUTF8)
        }
        if declared.encoding == .utf8 {
            return make(
                .utf8, declared.source, how: "declared and confirmed by the bytes",
                example: evidence.firstValidUTF8)
        }
        warnings.append(
            "\(name): \(declaration), but all its non-ASCII text is valid UTF-8 "
                + "(\(describe(evidence.firstValidUTF8, as: .utf8))); decoded as UTF-8. To silence this, "
                + "write UTF-8 in its .cpg, or give \(Remedy.encoding("UTF-8").token)")
        return make(
            .utf8, .detected, how: "detected from the bytes against the declaration",
            example: evidence.firstValidUTF8)
    }

    private mutating func thai() -> TextEncodingDecision {
        if let declared, declared.encoding.isThai {
            return make(
                .cp874, declared.source, how: "declared and confirmed by the bytes",
                example: evidence.firstInvalidUTF8)
        }
        let because = declared == nil ? "because \(declaration)" : "although \(declaration)"
        let fix = cpg == nil ? "add a .cpg file containing 874 beside it" : "write 874 in its .cpg"
        warnings.append(
            "\(name): decoded as Thai TIS-620/CP874 from the bytes, \(because): "
                + "\(evidence.invalidUTF8Values) values are not UTF-8 and read as Thai "
                + "(\(describe(evidence.firstInvalidUTF8, as: .cp874, mojibake: true))). "
                + "To silence this, \(fix), or give \(Remedy.encoding("CP874").token)")
        let how = declared == nil ? "detected from the bytes" : "detected from the bytes against the declaration"
        return make(.cp874, .detected, how: how, example: evidence.firstInvalidUTF8)
    }

    /// 8-bit text that is neither UTF-8 nor Thai, with an 8-bit code page declared: nothing contradicts it.
    private mutating func eightBit(_ encoding: TextEncoding, _ source: TextEncodingDecision.Source)
        -> TextEncodingDecision
    {
        if encoding.isThai, evidence.undefinedInCP874 > 0 {
            warnings.append(
                "\(name): \(declaration), but the text does not read as Thai and holds "
                    + "\(evidence.undefinedInCP874) bytes CP874 does not define "
                    + "(\(describe(evidence.firstUndefinedInCP874, as: .latin1))); check the names read")
        }
        if encoding == .latin1, evidence.c1Bytes > 0 {
            warnings.append(
                "\(name): \(evidence.c1Bytes) bytes lie in 0x80–0x9F, control characters in "
                    + "ISO-8859-1; if they should be ’ “ ” € – …, give \(Remedy.encoding("CP1252").token)")
        }
        return make(encoding, source, how: "as declared", example: evidence.firstInvalidUTF8)
    }

    mutating func overridden(by encoding: TextEncoding) -> TextEncodingDecision {
        let given = "\(Remedy.encoding(encoding.gdalName).token) was given"
        if encoding == .utf8, evidence.invalidUTF8Values > 0 {
            let thai = evidence.looksThai ? "; they read as Thai TIS-620 (\(Remedy.encoding("CP874").token))" : ""
            warnings.append(
                "\(name): \(given), but \(evidence.invalidUTF8Values) values are not UTF-8 "
                    + "(\(describe(evidence.firstInvalidUTF8, as: .latin1)))\(thai)")
        } else if encoding != .utf8, evidence.looksUTF8 {
            warnings.append(
                "\(name): \(given), but all its non-ASCII text is valid UTF-8 "
                    + "(\(describe(evidence.firstValidUTF8, as: .utf8))); check the names read")
        } else if encoding.isThai, evidence.invalidUTF8Values > 0, !evidence.looksThai {
            warnings.append(
                "\(name): \(given), but the text does not read as Thai "
                    + "(\(describe(evidence.firstInvalidUTF8, as: .cp874))); check the names read")
        } else if !encoding.isThai, encoding != .utf8, evidence.looksThai {
            warnings.append(
                "\(name): \(given), but the text reads as Thai TIS-620/CP874 "
                    + "(\(describe(evidence.firstInvalidUTF8, as: .cp874))); check the names read")
        }
        let example = evidence.firstInvalidUTF8 ?? evidence.firstValidUTF8
        return make(encoding, .userOverride, how: "as given with \(Remedy.encoding().token)", example: example)
    }

    // MARK: Wording

    /// `record 0, field NAME: 5A FC 72 … "Zürich"`, decoded by `encoding`; with `mojibake`, also how GDAL's
    /// default would show it.
    func describe(_ sample: ByteEvidence.Sample?, as encoding: TextEncoding, mojibake: Bool = false) -> String {
        guard let sample else { return "no example" }
        var text = example(sample, encoding).description
        if mojibake, let latin = TextEncoding.latin1.preview(sample.bytes) {
            text += ", which ISO-8859-1 would show as \"\(latin)\""
        }
        return text
    }

    func example(_ sample: ByteEvidence.Sample, _ encoding: TextEncoding) -> TextEncodingDecision.Example {
        TextEncodingDecision.Example(
            record: sample.record, field: sample.field, bytes: sample.bytes,
            decoded: encoding.preview(sample.bytes))
    }

    func make(
        _ encoding: TextEncoding, _ source: TextEncodingDecision.Source, how: String,
        example sample: ByteEvidence.Sample?, undetermined: Bool = false,
        text: String? = nil
    ) -> TextEncodingDecision {
        let lead = source == .asciiOnly ? "ASCII" : encoding.displayName
        let ldid =
            source == .languageDriver(languageDriver) || cpg == nil && ldidEncoding != nil
            ? "" : "; language driver \(TextEncoding.hex(languageDriver))"
        let summary = text ?? "\(lead), \(how) \(context): \(counts)\(ldid) — decoded as \(encoding.gdalName)"
        return TextEncodingDecision(
            encoding: encoding, source: source, evidence: evidence,
            example: sample.map { example($0, encoding) }, warnings: warnings,
            isUndetermined: undetermined, summary: summary)
    }
}

// MARK: - Amending a decision

extension TextEncodingDecision {
    func adding(warning: String) -> TextEncodingDecision {
        TextEncodingDecision(
            encoding: encoding, source: source, evidence: evidence, example: example,
            warnings: warnings + [warning], isUndetermined: isUndetermined, summary: summary)
    }

    /// Appends a parenthesised note to the summary ("… (sampled 1,200 of 90,000 records)").
    func noting(_ note: String) -> TextEncodingDecision {
        TextEncodingDecision(
            encoding: encoding, source: source, evidence: evidence, example: example,
            warnings: warnings, isUndetermined: isUndetermined, summary: "\(summary) (\(note))")
    }
}
