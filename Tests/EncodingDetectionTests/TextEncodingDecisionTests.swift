import Remedies
import Testing

@testable import EncodingDetection

@Suite struct TextEncodingDecisionTests {
    @Test func examplesShowWhereTheBytesAndTheirReading() {
        let example = TextEncodingDecision.Example(
            record: 3, field: "ADM3_TH", bytes: ThaiSamples.talatYai,
            decoded: "ตลาดใหญ่")
        #expect(example.hex == "B5 C5 D2 B4 E3 CB AD E8")
        #expect(example.description == "record 3, field ADM3_TH: B5 C5 D2 B4 E3 CB AD E8 \"ตลาดใหญ่\"")
        let long = TextEncodingDecision.Example(
            record: nil, field: "NAME", bytes: Array(repeating: 0x0A, count: 13),
            decoded: nil)
        #expect(long.hex.hasSuffix("0A …"))
        #expect(long.description.hasPrefix("the name of field NAME: 0A"))
    }

    @Test func sourcesInAFewWords() {
        func decision(_ source: TextEncodingDecision.Source, undetermined: Bool = false) -> TextEncodingDecision {
            TextEncodingDecision(
                encoding: .utf8, source: source, evidence: ByteEvidence(), example: nil,
                warnings: [], isUndetermined: undetermined, summary: "")
        }
        #expect(decision(.userOverride).sourceDescription == Remedy.encoding().token)
        #expect(decision(.declaredCPG("UTF-8")).sourceDescription == "declared in .cpg (\"UTF-8\")")
        #expect(decision(.languageDriver(0x57)).sourceDescription == "declared by the DBF language driver byte 0x57")
        #expect(decision(.detected).sourceDescription == "detected from the bytes")
        #expect(decision(.detected, undetermined: true).sourceDescription == "undetermined")
        #expect(decision(.asciiOnly).sourceDescription == "all text is ASCII")
    }
}
