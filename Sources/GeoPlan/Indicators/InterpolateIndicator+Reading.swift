import Yams

extension SpecReader {
    /// `type: interpolate`: `from` (source polygons), `code` (their code field), `table` and `column` (the values
    /// by code), `kind` (extensive or intensive), optionally `weights` (a raster or points), `weight_field` (a
    /// numeric field of the points, summed instead of counting them) and `normalize` (code matching).
    func interpolation(_ fields: Fields, owner: String, draft: inout Draft) -> InterpolateIndicator? {
        let before = errorCount
        let from = requiredText(fields, "from", owner: owner)
        draft.inputNode = fields["from"]
        let code = requiredText(fields, "code", owner: owner)
        let table = requiredText(fields, "table", owner: owner)
        if let table, let node = fields["table"] { draft.otherInputs.append((table, node, [.table])) }
        let column = requiredText(fields, "column", owner: owner)
        var kind: ArealInterpolationKind?
        if let node = fields["kind"] {
            kind = choice(
                node, key: "kind", what: "kind", listName: "kinds",
                options: ArealInterpolationKind.allCases.map { ($0.rawValue, $0) })
        } else {
            missing(fields, "kind", owner: owner)
        }
        // The weights input's type decides: a raster is summed, points counted (or their weight_field summed).
        let weights = fields["weights"].flatMap { text($0, key: "weights") }
        let weightField = fields["weight_field"].flatMap { text($0, key: "weight_field") }
        if let weights, let node = fields["weights"] {
            draft.otherInputs.append((weights, node, weightField == nil ? [.raster, .points] : [.points]))
        }
        if weightField != nil, weights == nil, let entry = fields.entry("weight_field") {
            fail(
                at: entry.keyNode,
                "weight_field sums a field of the weights points, but \(owner) has no weights; "
                    + "add weights: <a points input>")
        }
        var normalization = CodeNormalization.thai
        if let node = fields["normalize"] {
            normalization =
                choice(
                    node, key: "normalize", what: "normalize value", listName: "values",
                    options: CodeNormalization.allCases.map { ($0.rawValue, $0) }) ?? .thai
        }
        guard errorCount == before, let from, let code, let table, let column, let kind else { return nil }
        return InterpolateIndicator(
            request: InterpolationRequest(
                from: from, code: code, table: table, column: column, kind: kind,
                weights: weights, weightField: weightField,
                normalization: normalization))
    }
}
