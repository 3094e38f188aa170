import Foundation
import Testing

@testable import GeoPlan

@Suite struct PartitionPlanTests {
    /// Tambon-like P-codes (`TH100001`…), province after province.
    func pcodes(provinces: [Int], perProvince: (Int) -> Int) -> [String] {
        provinces.flatMap { province in
            (1...perProvince(province)).map { String(format: "TH%02d%04d", province, $0) }
        }
    }

    /// Every partition's positions, K = 1…N.
    func split(_ keys: [String], into count: Int) throws -> [[Int]] {
        try (1...count).map {
            PartitionPlan.positions(keys: keys, request: try PartitionRequest(index: $0, count: count))
        }
    }

    // MARK: - Grouping

    @Test func thaiPCodesAreGroupedByProvince() {
        let (keys, groupedBy) = PartitionPlan.groupKeys(ids: ["TH100101", "TH100102", "TH830102", "TH120301"])
        #expect(keys == ["TH10", "TH10", "TH83", "TH12"])
        #expect(groupedBy == "province: first 2 digits after TH")
    }

    @Test(arguments: [
        ["A", "B", "C"],  // no digits
        ["TH10", "TH11"],  // provinces themselves: only 2 digits
        ["TH100101", "TH10010"],  // lengths differ
        ["TH100101", "XX100102"],  // prefixes differ
        ["100101", "100102"],  // no alphabetic prefix
        ["TH1001A1", "TH100102"],  // not all digits
    ])
    func idsWithoutAHierarchyAreTheirOwnGroups(ids: [String]) {
        let (keys, groupedBy) = PartitionPlan.groupKeys(ids: ids)
        #expect(keys == ids)
        #expect(groupedBy == "none: ids have no hierarchy")
    }

    @Test func aNamedFieldGroupsByItsValues() {
        let (keys, groupedBy) = PartitionPlan.groupKeys(values: ["North", nil, "North", "South"], field: "region")
        #expect(keys == ["North", "", "North", "South"])
        #expect(groupedBy == "field region")
    }

    // MARK: - Positions

    @Test func groupsAreDealtAsContiguousRunsByTheAreasBeforeThem() throws {
        // Groups of 3, 1, 4, 2 areas (10 in all) into 2 partitions: targets 0 and 5. A starts at 0 → 1;
        // B at 3 → 1; C at 4 → 1 (4 < 5); D at 8 → 2.
        let keys = ["A", "A", "A", "B", "C", "C", "C", "C", "D", "D"]
        #expect(
            PartitionPlan.positions(keys: keys, request: try PartitionRequest(index: 1, count: 2))
                == [0, 1, 2, 3, 4, 5, 6, 7])
        #expect(PartitionPlan.positions(keys: keys, request: try PartitionRequest(index: 2, count: 2)) == [8, 9])
    }

    @Test func aProvinceScatteredThroughTheLayerStaysInOnePartition() throws {
        // An unsorted layer: province 10's tambons at the start, the middle and the end.
        let ids = ["TH100101", "TH200101", "TH200102", "TH100102", "TH300101", "TH300102", "TH100103", "TH400101"]
        let keys = PartitionPlan.groupKeys(ids: ids).keys
        for count in 1...5 {
            let parts = try split(keys, into: count)
            let holding = parts.filter { part in part.contains { ids[$0].hasPrefix("TH10") } }
            #expect(holding.count == 1, "N = \(count)")
            #expect(holding.first.map { Set([0, 3, 6]).isSubset(of: $0) } == true)
            for part in parts { #expect(part == part.sorted()) }
        }
    }

    @Test(arguments: [1, 2, 3, 7, 8, 13, 77, 100])
    func partitionsAreDisjointCoverEveryAreaAndAreBalanced(count: Int) throws {
        // 77 provinces of 40 to 140 tambons, like Thailand's 7,425.
        let ids = pcodes(provinces: Array(10...86)) { 40 + ($0 * 37) % 101 }
        let keys = PartitionPlan.groupKeys(ids: ids).keys
        let largestGroup = Dictionary(grouping: keys, by: { $0 }).values.map(\.count).max() ?? 0
        var seen = Set<Int>()
        var total = 0
        for part in try split(keys, into: count) {
            #expect(part == part.sorted())
            #expect(seen.isDisjoint(with: part))
            seen.formUnion(part)
            total += part.count
            // Each partition is within one group of its share (see PartitionPlan): |size − total/N| < largest.
            #expect(abs(Double(part.count) - Double(ids.count) / Double(count)) < Double(largestGroup))
        }
        #expect(total == ids.count && seen == Set(0..<ids.count))
    }

    @Test func morePartitionsThanGroupsLeavesSomeEmpty() throws {
        let keys = ["A", "A", "B", "B"]
        let parts = try split(keys, into: 5)
        // A starts at 0 → partition 1; B at 2 → ⌊2 × 5 / 4⌋ + 1 = 3.
        #expect(parts == [[0, 1], [], [2, 3], [], []])
    }

    @Test func ungroupedIdsSplitEvenly() throws {
        let keys = (0..<10).map(String.init)
        let sizes = try split(keys, into: 3).map(\.count)
        #expect(sizes == [4, 3, 3])  // targets 0, 3.33, 6.67: areas 0–3, 4–6, 7–9
    }

    @Test func theRecordCarriesThePlan() throws {
        let record = PartitionPlan.record(
            keys: ["A", "A", "B"], groupedBy: "field x",
            request: try PartitionRequest(index: 2, count: 2))
        #expect(record == PartitionRecord(index: 2, count: 2, areas: 3, groupedBy: "field x", positions: [2]))
    }

    // MARK: - Requests

    @Test(arguments: [("3/8", 3, 8), ("1/1", 1, 1), (" 2 / 4 ", 2, 4)])
    func requestsParse(text: String, index: Int, count: Int) throws {
        let request = try PartitionRequest(parsing: text)
        #expect(request.index == index && request.count == count)
        #expect(request.description == "\(index)/\(count)")
    }

    @Test(arguments: ["0/8", "9/8", "3", "3/0", "a/b", "3/8/1", "", "-1/2", "1/-2"])
    func badRequestsSayWhatIsExpected(text: String) {
        #expect(throws: PartitionRequestError.self) { try PartitionRequest(parsing: text) }
        let message = "\(PartitionRequestError(text: text))"
        #expect(message == "--partition must be K/N with 1 ≤ K ≤ N, e.g. 3/8; got \"\(text)\"")
        #expect(throws: PartitionRequestError.self) { try PartitionRequest(index: 0, count: 2) }
    }
}
