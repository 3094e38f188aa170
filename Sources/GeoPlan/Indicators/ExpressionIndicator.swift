import Yams

/// `expression` and `ratio`: arithmetic over other indicators of the same area (`schools / population * 10000`).
/// Any null operand or a division by zero gives null; an overflow is kept as infinity here, for the runner to
/// write as null and count (`IndicatorResult.nullNonFinite`) — never infinity or NaN in an output.
public struct ExpressionIndicator: IndicatorDefinition {
    /// The arithmetic as written (a `ratio` is written as one: `(numerator) / (denominator) * scale`).
    public var text: String

    public var typeName: String { "expression" }
    /// Cheap, and reads whole columns of other indicators.
    var isPerArea: Bool { false }
    var isDerived: Bool { true }
    func readsIndicators() throws -> Set<String> { try Expression(text).identifiers }
    /// A density is the rolled-up people over the rolled-up km², never a mean of densities.
    func defaultRollUp(weight: String?) -> RollUpRule? { .reevaluate }

    static var spellings: [IndicatorSpelling] {
        [
            IndicatorSpelling(
                name: "ratio", keys: ["numerator", "denominator", "scale"], inputKinds: [],
                read: readRatio),
            IndicatorSpelling(name: "expression", keys: ["expression"], inputKinds: [], read: readExpression),
        ]
    }

    func compute(_ indicator: IndicatorSpec, _ run: RunContext) throws -> IndicatorResult {
        let expression = try Expression(text)
        let count = run.boundaries.areas.count
        let rows: [[IndicatorValue]] = (0..<count).map { area in
            [.finite(expression.evaluateKeepingOverflow { name in run.values[name]?[area].number })]
        }
        return IndicatorResult(
            columns: [IndicatorColumn(name: indicator.id, type: .real, indicator: indicator.id)],
            rows: rows)
    }

    private static func readExpression(
        _ reader: SpecReader, _ fields: Fields, owner: String,
        _ draft: inout SpecReader.Draft
    ) -> (any IndicatorType)? {
        guard let expression = reader.requiredText(fields, "expression", owner: owner),
            let node = fields["expression"]
        else { return nil }
        draft.expressionNode = node
        let parsed: Expression
        do {
            if let tooLong = ExpressionParser.tooLong(expression) { throw tooLong }
            // The evaluator's own parser judges syntax and which names are ids (not functions).
            parsed = try Expression(expression)
        } catch let error as ExpressionError {
            // The error's offset counts Characters; locations count Unicode scalars.
            let characters = Array(expression)
            let offset = characters.prefix(error.offset).reduce(0) { $0 + $1.unicodeScalars.count }
            let length = error.offset < characters.count ? characters[error.offset].unicodeScalars.count : 0
            reader.fail(
                reader.location(of: node, scalarOffset: offset, length: length),
                "expression: \(error.message)")
            return nil
        } catch {
            reader.fail(at: node, "expression: \(error)")
            return nil
        }
        draft.references = reader.references(parsed.identifiers, in: expression, node: node)
        return ExpressionIndicator(text: expression)
    }

    /// `ratio` becomes the expression `(numerator) / (denominator) * scale`.
    private static func readRatio(
        _ reader: SpecReader, _ fields: Fields, owner: String,
        _ draft: inout SpecReader.Draft
    ) -> (any IndicatorType)? {
        var ids: [String] = []
        for key in ["numerator", "denominator"] {
            guard let id = reader.requiredText(fields, key, owner: owner), let node = fields[key] else { continue }
            guard SpecReader.isName(id, hyphen: false) else {
                reader.fail(
                    at: node,
                    "\(key): expected an indicator id, found \"\(id)\"; use type: expression for "
                        + "arithmetic")
                continue
            }
            ids.append(id)
            draft.references.append((id, node.location))
            if draft.expressionNode == nil { draft.expressionNode = node }
        }
        var scale = 1.0
        if let node = fields["scale"] {
            guard let value = reader.number(node, key: "scale") else { return nil }
            scale = value
        }
        guard ids.count == 2 else { return nil }
        return ExpressionIndicator(text: "(\(ids[0])) / (\(ids[1])) * \(SpecReader.numberText(scale))")
    }
}

extension IndicatorType where Self == ExpressionIndicator {
    public static func expression(_ text: String) -> ExpressionIndicator { ExpressionIndicator(text: text) }
}
