import Foundation
import Testing

@testable import EncodingDetection

@Suite struct DBFTextSamplerTests {
    /// Writes a table and returns a sampler over it with the given budget.
    func sampler(_ table: DBFFixture, budget: Int = 1 << 20) throws -> (DBFTextSampler, EncodingScratch) {
        let scratch = try EncodingScratch()
        let url = try table.write(to: scratch.file("t.dbf"))
        let header = try DBFHeader(contentsOf: url)
        let size = try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int ?? 0
        return (DBFTextSampler(url: url, header: header, fileSize: size, budget: budget), scratch)
    }

    func collect(_ sampler: DBFTextSampler) throws -> (
        values: [(Int, String, [UInt8], Bool)],
        coverage: DBFTextSampler.Coverage
    ) {
        var values: [(Int, String, [UInt8], Bool)] = []
        let coverage = try sampler.scan { values.append(($0, $1.name, Array($2), $3)) }
        return (values, coverage)
    }

    @Test func readsCharacterFieldsOfLiveRecordsTrimmed() throws {
        var table = DBFFixture(
            fields: [
                .init(name: "NAME", length: 8), .init(name: "N", type: "N", length: 4),
                .init(name: "CODE", length: 3),
            ],
            records: [
                [Array("ab".utf8), Array("12".utf8), Array("XYZ".utf8)],
                [Array("gone".utf8), Array("1".utf8), Array("Q".utf8)],
                [Array("c".utf8) + [0, 0], Array("3".utf8), []],
            ])
        table.deleted = [1]
        let (sampler, scratch) = try sampler(table)
        let (values, coverage) = try collect(sampler)
        _ = scratch
        #expect(values.map(\.0) == [0, 0, 2, 2])
        #expect(values.map(\.1) == ["NAME", "CODE", "NAME", "CODE"])
        #expect(values.map(\.2) == [Array("ab".utf8), Array("XYZ".utf8), Array("c".utf8), []])
        #expect(values.map(\.3) == [false, true, false, false])  // "XYZ" fills its 3 bytes
        #expect(coverage.recordsRead == 3 && coverage.deletedRecords == 1 && !coverage.isPartial)
    }

    @Test func stopsWhereTheFileEnds() throws {
        var table = DBFFixture(values: (0..<5).map { Array("v\($0)".utf8) })
        table.claimedRecordCount = 9  // the header says 9, the file holds 5 (and the 0x1A end mark)
        let (sampler, scratch) = try sampler(table)
        let (values, coverage) = try collect(sampler)
        _ = scratch
        #expect(values.count == 5 && coverage.recordsInFile == 5 && coverage.recordsRead == 5)
    }

    @Test func anEndMarkWhereARecordShouldStartEndsTheScan() throws {
        var bytes = DBFFixture(values: (0..<3).map { Array("v\($0)".utf8) }).bytes
        bytes[65 + 41] = 0x1A  // record 1's deletion flag
        let scratch = try EncodingScratch()
        let url = scratch.file("t.dbf")
        try Data(bytes).write(to: url)
        let sampler = DBFTextSampler(
            url: url, header: try DBFHeader(contentsOf: url), fileSize: bytes.count,
            budget: 1 << 20)
        let (values, _) = try collect(sampler)
        #expect(values.map(\.0) == [0])
    }

    /// Over budget, blocks spread from the first record to the last, never overlap and stay within the budget.
    @Test(arguments: [(10_000, 100, 64 << 10), (10_000, 100, 999_900), (3, 60_000, 10), (500_000, 9, 1 << 20)])
    func planSpreadsBlocksOverTheFile(records: Int, recordLength: Int, budget: Int) throws {
        var header = DBFFixture(fields: [.init(name: "N", length: recordLength - 1)], records: []).bytes
        header.replaceSubrange(4..<8, with: DBFFixture.littleEndian(records, 4))
        let parsed = try DBFHeader(bytes: header, fileSize: header.count, path: "t.dbf")
        let fileSize = parsed.headerLength + records * recordLength
        let plan = DBFTextSampler(
            url: URL(fileURLWithPath: "/dev/null"), header: parsed, fileSize: fileSize,
            budget: budget
        ).plan
        let total = plan.map(\.count).reduce(0, +)
        #expect(plan.first?.lowerBound == 0)
        let wanted = max(1, budget / recordLength)
        #expect(total <= wanted && total > 0)
        #expect(zip(plan, plan.dropFirst()).allSatisfy { $0.upperBound <= $1.lowerBound })
        if wanted < records, wanted >= 2 {
            #expect(plan.count >= 2 && plan.last?.upperBound == records)  // spread: the last block ends the file
        }
    }
}
