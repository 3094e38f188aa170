import Testing

@testable import GeoPlan

@Suite struct ColumnNameTests {
    @Test func classesThatComeOutAlikeAreSuffixedInTheirOrderMissingFirst() {
        let names = ColumnName.grouped("c", ["A B", "A-B", "A.B", "a_b", "unclassified", nil])
        #expect(names == ["c_a_b", "c_a_b_2", "c_a_b_3", "c_a_b_4", "c_unclassified_2", "c_unclassified"])
    }

    @Test func aSuffixNeverTakesAnotherClassesOwnName() {
        #expect(ColumnName.grouped("c", ["a b", "a-b", "a_b_2"]) == ["c_a_b", "c_a_b_3", "c_a_b_2"])
        #expect(ColumnName.grouped("c", ["School", "school"]) == ["c_school", "c_school_2"])
    }

    @Test func emptyTextIsAMissingClass() {
        #expect(ColumnName.grouped("c", [""]) == ["c_unclassified"])
        #expect(ColumnName.grouped("c", ["ถนน", "x"]) == ["c_ถนน", "c_x"])
    }
}
