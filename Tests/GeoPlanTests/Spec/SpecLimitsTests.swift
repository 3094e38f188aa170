import Foundation
import Testing

@testable import GeoPlan

/// Hostile specs are refused quickly with the limit they cross, at their line and column; large honest ones are
/// checked in linear time and without deep recursion.
@Suite struct SpecLimitsTests {
    // MARK: - Inputs

    /// `levels` anchors of nine aliases of the one before (`a1: &a1 [*a0, …]`), then `tail` (which may use `*aN`).
    static func aliasBomb(levels: Int, tail: String) -> String {
        var lines = ["a0: &a0 x"]
        for level in 1...levels {
            let aliases = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
            lines.append("a\(level): &a\(level) [\(aliases)]")
        }
        return (lines + [tail]).joined(separator: "\n") + "\n"
    }

    /// `count` indicators: an area, then expressions each reading the one before (`i3: i2 + 1`).
    static func chainedSpec(_ count: Int, loop: Bool = false) -> String {
        var text = """
            boundaries:
              - name: tambons
                path: tambons.shp
                id: ADM3_PCODE
            indicators:
              - id: i0
                type: \(loop ? "expression\n    expression: i\(count - 1) * 2" : "area")

            """
        for index in 1..<count {
            text += "  - id: i\(index)\n    type: expression\n    expression: i\(index - 1) + 1\n"
        }
        return text
    }

    private func errors(_ text: String) -> [SpecError] {
        SpecParser.diagnose(text, path: "spec.yaml")
    }

    /// Seconds `body` takes.
    private func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = Date()
        try body()
        return Date().timeIntervalSince(start)
    }

    // MARK: - Aliases

    /// Nine levels: 9⁹ nodes once expanded. Before the limit, Yams hashed the alias key's whole expansion (minutes);
    /// now the expansion is refused where it crosses a million nodes, before anything is composed.
    @Test func anAliasBombIsRefusedAtOnce() {
        var found: [SpecError] = []
        let elapsed = seconds { found = errors(Self.aliasBomb(levels: 9, tail: "y: {? *a9 : 1}")) }
        #expect(found.count == 1)
        // a7 is 9⁷ = 4,782,969 nodes: the first to cross the limit, at its first alias.
        #expect(
            found.first?.description.hasPrefix(
                "spec.yaml:8:10: the YAML has more than 1 million nodes here, "
                    + "counting each alias (*name) as all it stands for") == true,
            "\(found)")
        #expect(elapsed < 5, "took \(elapsed) s")
    }

    @Test func anAliasBombAsAValueIsRefusedToo() {
        let found = errors(Self.aliasBomb(levels: 9, tail: "y: *a9"))
        #expect(found.map(\.location) == [SourceLocation(line: 8, column: 10)])
    }

    @Test func anAliasUsedAsAKeyIsRefused() {
        // Five levels (66,430 nodes) keep within the node limit: the key itself is refused.
        let found = errors(Self.aliasBomb(levels: 5, tail: "y: {? *a5 : 1}"))
        #expect(
            found.map(\.description) == [
                "spec.yaml:7:7: the alias *a5 is used as a key; a spec's keys are "
                    + "words: write the key out (aliases may stand for values only)"
            ])
    }

    @Test func anAliasInsideAKeyIsRefused() {
        let found = errors("a: &a x\ny: {? [b, *a] : 1}\n")
        #expect(found.map(\.location) == [SourceLocation(line: 2, column: 11)])
        #expect(found.first?.message.hasPrefix("the alias *a is used inside a key") == true, "\(found)")
    }

    /// Aliases as values stay plain YAML: an anchored label used twice reads as the label written twice.
    @Test func aliasesAsValuesAreRead() throws {
        let spec = try SpecParser.parse(
            """
            boundaries:
              - name: tambons
                path: tambons.shp
                id: ADM3_PCODE
            indicators:
              - id: a
                type: area
                label: &label {en: Area}
              - id: b
                type: area
                unit: rai
                label: *label
            """)
        #expect(spec.indicators.map(\.label) == [Label(english: "Area"), Label(english: "Area")])
    }

    // MARK: - Nesting

    private func nested(_ depth: Int) -> String {
        String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
    }

    @Test func nestingAtTheLimitIsReadAndBeyondItRefused() {
        // 64 levels are YAML the reader judges (a list is not a spec); 65 are refused at the 65th "[".
        let atLimit = errors(nested(YAMLLimits.maximumDepth))
        #expect(
            atLimit.map(\.message) == [
                "expected a mapping with \"boundaries\", \"inputs\", \"indicators\" and "
                    + "\"output\", found a list"
            ])
        let beyond = errors(nested(YAMLLimits.maximumDepth + 1))
        #expect(
            beyond.map(\.description) == [
                "spec.yaml:1:65: the YAML is nested more than 64 levels deep here (a "
                    + "spec needs about six); flatten it"
            ])
    }

    @Test func deepNestingIsRefusedBeforeLibyamlsOwnLimit() {
        // libyaml's scanner reads brackets ahead and stops at 1,000 before the 65th event: said in our words.
        #expect(
            errors(nested(5_000)).map(\.message) == [
                "the YAML is nested more than 64 levels deep here (a spec "
                    + "needs about six); flatten it"
            ])
        // Block style: the 65th mapping starts at the 65th key.
        var block = ""
        for level in 0..<70 { block += String(repeating: " ", count: level) + "k\(level):\n" }
        #expect(errors(block).map(\.location) == [SourceLocation(line: 65, column: 65)])
    }

    // MARK: - Expressions

    private func expressionSpec(_ expression: String) -> String {
        """
        boundaries:
          - name: tambons
            path: tambons.shp
            id: ADM3_PCODE
        indicators:
          - id: a
            type: area
          - id: e
            type: expression
            expression: \(expression)
        """
    }

    @Test func anExpressionAtTheLengthLimitIsReadAndALongerOneRefused() throws {
        // "a " then "+a" 4,999 times: 10,000 characters.
        let atLimit = "a " + String(repeating: "+a", count: (ExpressionParser.maximumLength - 2) / 2)
        #expect(atLimit.count == ExpressionParser.maximumLength)
        #expect(throws: Never.self) { try Expression(atLimit) }
        #expect(errors(expressionSpec(atLimit)).isEmpty)

        let beyond = atLimit + "0"
        #expect(ExpressionParser.tooLong(atLimit) == nil)
        #expect(
            ExpressionParser.tooLong(beyond)?.message
                == "the expression is 10001 characters long; an expression has at most 10000")
        // At the first character past the limit: line 10, after the 16 columns of "    expression: ".
        #expect(
            errors(expressionSpec(beyond)).map(\.description)
                == [
                    "spec.yaml:10:10017: expression: the expression is 10001 characters long; an expression has at "
                        + "most 10000"
                ])
    }

    @Test func parenthesesAtTheDepthLimitAreReadAndDeeperRefused() {
        let depth = ExpressionParser.maximumDepth
        let atLimit = String(repeating: "(", count: depth) + "a" + String(repeating: ")", count: depth)
        #expect(errors(expressionSpec(atLimit)).isEmpty)
        let beyond = "(" + atLimit + ")"
        #expect(errors(expressionSpec(beyond)).first?.message.contains("nested more than 100 deep") == true)
    }

    // MARK: - Many indicators

    /// 10,000 chained expressions: read, checked and ordered in linear time (the quadratic checks took about
    /// 10 s for this in a release build and minutes in a debug one; a debug build now takes a few seconds).
    @Test func aLongChainOfExpressionsIsCheckedInLinearTime() throws {
        let text = Self.chainedSpec(10_000)
        var spec: Spec?
        let elapsed = try seconds { spec = try SpecParser.parse(text, path: "spec.yaml") }
        #expect(elapsed < 30, "took \(elapsed) s")
        let order = try Runner.evaluationOrder(try #require(spec).indicators)
        #expect(order.map(\.id) == (0..<10_000).map { "i\($0)" })
    }

    /// The loop through all 10,000 is found without recursion, and reported once, its members listed in short.
    @Test func aLongLoopIsReportedOnceInShort() {
        let found = errors(Self.chainedSpec(10_000, loop: true))
        #expect(found.count == 1)
        // i0 reads i9999, which reads i9998…: the loop from i0, the member written first.
        let loop =
            (["i0"] + (9_982...9_999).reversed().map { "i\($0)" }).joined(separator: " → ")
            + " → … (10000 in all) → i0"
        #expect(found.first?.description == "spec.yaml:8:17: expressions refer to each other in a cycle: \(loop)")
    }

    /// Thousands of unknown references: each named, and none lists every id or costs a pass over them all.
    @Test func manyUnknownReferencesStayLinear() {
        var text = Self.chainedSpec(3)
        for index in 0..<5_000 { text += "  - id: x\(index)\n    type: expression\n    expression: y\(index) + 1\n" }
        var found: [SpecError] = []
        let elapsed = seconds { found = errors(text) }
        #expect(found.count == 5_000)
        // y0 is one letter from i0 (x0 is the indicator itself); the list leaves x0 out, so x17 is the 20th.
        #expect(
            found.first?.message == "unknown indicator \"y0\" in expression; did you mean \"i0\"? (indicators: "
                + "i0, i1, i2, x1, x2, x3, x4, x5, x6, x7, x8, x9, x10, x11, x12, x13, x14, x15, x16, x17, … "
                + "(5002 in all))")
        #expect(found.last?.message.contains("did you mean") == false)
        #expect(elapsed < 30, "took \(elapsed) s")
    }
}

/// The run's order: other indicators first, then each expression after those it reads, the first written first.
@Suite struct EvaluationOrderTests {
    private func expression(_ id: String, _ text: String) -> IndicatorSpec {
        IndicatorSpec(id: id, kind: .expression(text))
    }

    @Test func expressionsFollowWhatTheyRead() throws {
        let indicators = [
            expression("e1", "e3 + 1"), IndicatorSpec(id: "a", kind: .perimeter),
            expression("e2", "a * 2"), expression("e3", "e2 - a"), expression("e4", "a"),
        ]
        // e2 and e4 are ready at once (e2 written first); e3 after e2; e1 after e3.
        #expect(try EvaluationOrder.of(indicators).map(\.id) == ["a", "e2", "e3", "e1", "e4"])
    }

    @Test func aCycleIsAnError() {
        let indicators = [IndicatorSpec(id: "a", kind: .perimeter), expression("x", "y + a"), expression("y", "x")]
        let error = #expect(throws: GeoPlanError.self) { try EvaluationOrder.of(indicators) }
        #expect("\(error.map { "\($0)" } ?? "")".contains("cycle: x, y"))
    }

    /// 40,000 expressions each reading the one before, written last first: a loop, not a recursion, and n log n.
    @Test func aChainOf40000IsOrderedQuickly() throws {
        let count = 40_000
        let indicators = (0..<count).reversed().map { index in
            index == 0 ? IndicatorSpec(id: "i0", kind: .perimeter) : expression("i\(index)", "i\(index - 1) + 1")
        }
        var order: [IndicatorSpec] = []
        let start = Date()
        order = try EvaluationOrder.of(indicators)
        #expect(Date().timeIntervalSince(start) < 10)
        #expect(order.map(\.id) == (0..<count).map { "i\($0)" })
    }
}
