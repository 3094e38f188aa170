/// `expression` and `ratio`: arithmetic over other indicators of the same area (`schools / population * 10000`).
/// Any null operand or a division by zero gives null; an overflow is kept as infinity here, for the runner to
/// write as null and count (`IndicatorResult.nullNonFinite`) — never infinity or NaN in an output.
struct ExpressionIndicator: IndicatorComputer {
    let spec: IndicatorSpec
    let expression: Expression

    init(spec: IndicatorSpec, text: String) throws {
        self.spec = spec
        expression = try Expression(text)
    }

    func compute(_ run: RunContext) throws -> IndicatorResult {
        let count = run.boundaries.areas.count
        let rows: [[IndicatorValue]] = (0..<count).map { area in
            [.finite(expression.evaluateKeepingOverflow { name in run.values[name]?[area].number })]
        }
        return IndicatorResult(columns: [IndicatorColumn(name: spec.id, type: .real, indicator: spec.id)], rows: rows)
    }
}
