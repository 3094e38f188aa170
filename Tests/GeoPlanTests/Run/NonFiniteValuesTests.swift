import Foundation
import Testing

@testable import GeoPlan

/// Infinity and NaN: told apart from null by expressions, made null and counted by the runner, averaged without
/// overflow in summaries, and written as null by every JSON report.
@Suite struct NonFiniteValuesTests {
    @Test func anExpressionTellsAnOverflowFromAnUndefinedValue() throws {
        func kept(_ text: String, _ values: [String: Double] = [:]) throws -> Double? {
            try Expression(text).evaluateKeepingOverflow { values[$0] }
        }
        #expect(try kept("1e308 * 10") == .infinity)
        #expect(try kept("-1e308 * 10") == -.infinity)
        #expect(try kept("1e308 * 10 / 100") == .infinity)  // a later step does not bring it back
        #expect(try kept("min(1e308 * 10, 5)") == .infinity)  // nor does a function
        #expect(try kept("a * 4e306", ["a": 120]) == .infinity)
        #expect(try kept("a * 4e306", ["a": 12]) == 12 * 4e306)
        #expect(try kept("1 / 0") == nil && kept("sqrt(-1)") == nil && kept("a + 1") == nil)
        #expect(try Expression("1e308 * 10").evaluate { _ in nil } == nil)  // evaluate never gives infinity
    }

    @Test func nonFiniteValuesBecomeNullAndAreCounted() {
        var result = IndicatorResult(
            columns: [
                IndicatorColumn(name: "x", type: .real, indicator: "x"),
                IndicatorColumn(name: "x_2", type: .real, indicator: "x"),
            ],
            rows: [[.number(1), .number(.infinity)], [.number(.nan), .null], [.number(-.infinity), .number(2)]])
        result.nullNonFinite(indicator: "x")
        #expect(result.rows == [[.number(1), .null], [.null, .null], [.null, .number(2)]])
        #expect(result.warnings == ["x: 3 values were not finite numbers (overflow or NaN) and are written as null"])
        var clean = IndicatorResult(columns: [], rows: [[.number(1)]])
        clean.nullNonFinite(indicator: "y")
        #expect(clean.warnings.isEmpty)
        #expect(IndicatorValue.number(.nan).fieldValue == .null)
    }

    @Test func aColumnMeanDoesNotOverflow() {
        #expect(ColumnSummary.mean([1.7e308, 1.7e308, 1.5e308]) == 1.7e308 / 3 + 1.7e308 / 3 + 1.5e308 / 3)
        #expect(ColumnSummary.mean([-1.7e308, -1.7e308]) == -1.7e308)
        #expect(ColumnSummary.mean([1, 2, 4]) == 7.0 / 3)  // as before when the sum fits
        #expect(ColumnSummary.mean([]) == nil)
        let summary = ColumnSummary(
            name: "big", values: [.number(1.7e308), .number(1.7e308), .number(.infinity), .null])
        #expect(summary.mean == 1.7e308 && summary.maximum == 1.7e308)
    }

    @Test func reportJSONWritesNonFiniteNumbersAsNull() throws {
        struct Report: Encodable {
            var mean: Double
            var values: [Double?]
            var byName: [String: Double]
            var text: String
        }
        let report = Report(
            mean: .infinity, values: [1.5, .nan, nil, -.infinity], byName: ["a": .nan],
            text: "\u{0}not a marker, \"quoted\" and / kept")
        let data = try ReportJSON.encode(report, pretty: false)
        let text = String(decoding: data, as: UTF8.self)
        #expect(
            text == #"{"byName":{"a":null},"mean":null,"text":"\u0000not a marker, \"quoted\" and / kept","#
                + #""values":[1.5,null,null,null]}"#, "\(text)")
        #expect(try JSONSerialization.jsonObject(with: data) is [String: Any])
        // Finite numbers are untouched.
        #expect(
            String(decoding: try ReportJSON.encode([0.1, 1e308, -5], pretty: false), as: UTF8.self)
                == "[0.1,1e+308,-5]")
    }
}
