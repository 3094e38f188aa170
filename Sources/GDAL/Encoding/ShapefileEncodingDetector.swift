import Foundation

/// Decides the text encoding of a Shapefile's DBF from its bytes, its `.cpg` and its language-driver byte.
///
/// Bytes are authoritative when they are unambiguous: valid UTF-8 (with non-ASCII) is UTF-8; invalid UTF-8 that
/// looks Thai is TIS-620/CP874 (with a warning unless declared). A declaration is used when the bytes are ASCII
/// only or agree with it. Never decides from the absence of a `.cpg` alone.
public enum ShapefileEncodingDetector {
    /// Reads the header and up to `sampleLimit` bytes of records (streaming; not the whole file), examining the
    /// character fields of records not marked deleted.
    public static func decide(dbf: URL, cpgText: String?, override: TextEncoding?,
                              sampleLimit: Int = 8 << 20) throws -> TextEncodingDecision {
        let header = try DBFHeader(contentsOf: dbf)
        let evidence = try examine(dbf: dbf, header: header, sampleLimit: sampleLimit)
        return decide(evidence: evidence, cpgText: cpgText, languageDriver: header.languageDriver, override: override,
                      name: dbf.lastPathComponent)
    }

    /// The decision for given evidence and declarations (the rule itself, separate from the file reading).
    public static func decide(evidence: ByteEvidence, cpgText: String?, languageDriver: UInt8,
                              override: TextEncoding?, name: String) -> TextEncodingDecision {
        let cpg = cpgText.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
        let cpgEncoding = cpg.flatMap(TextEncoding.init(parsing:))
        let ldidEncoding = TextEncoding(languageDriver: languageDriver)
        let declared: (encoding: TextEncoding, source: TextEncodingDecision.Source)? =
            cpgEncoding.map { ($0, .declaredCPG(cpg ?? "")) } ?? ldidEncoding.map { ($0, .languageDriver(languageDriver)) }
        let declaredText = cpg.map { "its .cpg says \"\($0)\"" }
            ?? (ldidEncoding != nil ? "its language driver byte says \(ldidEncoding?.displayName ?? "")" : nil)
        let counts = "\(evidence.values) text values, \(evidence.nonASCIIValues) non-ASCII"
        var warnings: [String] = []
        if let cpg, cpgEncoding == nil {
            warnings.append("\(name): the .cpg names an encoding geoplan does not know (\"\(cpg)\"); it was ignored")
        }

        func make(_ encoding: TextEncoding, _ source: TextEncodingDecision.Source, _ why: String,
                  undetermined: Bool = false) -> TextEncodingDecision {
            let lead = source == .asciiOnly ? "ASCII" : encoding.displayName
            return TextEncodingDecision(encoding: encoding, source: source, evidence: evidence, warnings: warnings,
                                        isUndetermined: undetermined, summary: "\(lead), \(why) (\(counts))")
        }

        if let override {
            if override == .utf8, evidence.invalidUTF8Values > 0, let sample = evidence.firstInvalid {
                warnings.append("\(name): --encoding UTF-8 was given, but \(evidence.invalidUTF8Values) values are not "
                                + "UTF-8 (\(sample.excerpt))")
            } else if override != .utf8, evidence.looksUTF8 {
                warnings.append("\(name): --encoding \(override.gdalName) was given, but the text is valid UTF-8; "
                                + "check the names read")
            }
            return make(override, .userOverride, "as given with --encoding")
        }

        if evidence.isASCIIOnly {
            let encoding = declared?.encoding ?? .utf8
            return make(encoding, .asciiOnly, "which every encoding reads the same")
        }

        if evidence.looksUTF8 {
            if let declared, declared.encoding != .utf8, let declaredText {
                warnings.append("\(name): \(declaredText), but all its text is valid UTF-8; decoded as UTF-8")
                return make(.utf8, .detected, "detected from the bytes against the declaration")
            }
            if let declared { return make(.utf8, declared.source, "declared and confirmed by the bytes") }
            return make(.utf8, .detected, "detected from the bytes (no .cpg)")
        }

        let sample = evidence.firstInvalid.map { " (\($0.excerpt))" } ?? ""
        if evidence.looksThai {
            if let declared, declared.encoding.isThai {
                return make(.cp874, declared.source, "declared and confirmed by the bytes")
            }
            let because = declaredText.map { "\($0), but the bytes are not that" }
                ?? "it has no .cpg and no language driver byte"
            warnings.append("\(name): decoded as Thai TIS-620/CP874 from the bytes: \(because)\(sample). To silence "
                            + "this, add a .cpg file containing 874 beside it, or pass --encoding CP874")
            return make(.cp874, .detected, "detected from the bytes")
        }

        if let declared, declared.encoding != .utf8 {
            return make(declared.encoding, declared.source, "as declared (the bytes are not UTF-8 or Thai)")
        }
        let because = declaredText.map { "\($0), but" } ?? "no encoding is declared and"
        return make(.utf8, .detected, "cannot tell: \(because) the text is neither UTF-8 nor Thai TIS-620\(sample)",
                    undetermined: true)
    }

    /// Streams the records and gathers byte evidence from their character fields.
    static func examine(dbf: URL, header: DBFHeader, sampleLimit: Int) throws -> ByteEvidence {
        var evidence = ByteEvidence()
        let fields = header.textFields
        guard !fields.isEmpty, header.recordCount > 0 else { return evidence }
        let handle: FileHandle
        do {
            handle = try FileHandle(forReadingFrom: dbf)
        } catch {
            throw EncodingDetectionError.unreadable(path: dbf.path, reason: error.localizedDescription)
        }
        defer { try? handle.close() }
        try? handle.seek(toOffset: UInt64(header.headerLength))
        let perChunk = max(1, (1 << 20) / header.recordLength)
        var record = 0
        var read = 0
        while record < header.recordCount, read < sampleLimit {
            let wanted = min(perChunk, header.recordCount - record) * header.recordLength
            guard let data = try? handle.read(upToCount: wanted), !data.isEmpty else { break }
            read += data.count
            let bytes = [UInt8](data)
            var start = 0
            while start + header.recordLength <= bytes.count {
                if bytes[start] != UInt8(ascii: "*") {  // '*' marks a deleted record
                    for field in fields {
                        let from = start + field.offset
                        var to = from + field.length
                        while to > from, bytes[to - 1] == 0x20 || bytes[to - 1] == 0 { to -= 1 }
                        evidence.add(bytes[from..<to], record: record, field: field.name)
                    }
                }
                start += header.recordLength
                record += 1
            }
        }
        return evidence
    }
}
