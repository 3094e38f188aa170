import Yams

extension SpecReader {
    static let municipalityKeys = [
        "path", "layer", "id", "type", "names", "assume_crs", "encoding", "snap_metres",
        "min_piece_m2",
    ]
    static let levelKeys = ["level", "field", "names"]

    /// A boundary set's `municipalities:`: the layer that splits its tambons into the units that govern.
    func municipalities(_ node: Node, owner: String) -> MunicipalitySpec? {
        let before = errorCount
        let scope = "municipalities of \(owner)"
        guard
            let fields = mapping(
                node, key: "municipalities",
                expected: "a municipality layer (a mapping with path, id and type)")
        else {
            return nil
        }
        checkKeys(fields, allowed: Self.municipalityKeys, owner: scope)
        let path = requiredText(fields, "path", owner: scope)
        var spec = MunicipalitySpec(path: path ?? "")
        spec.layer = fields["layer"].flatMap { text($0, key: "layer") }
        spec.idField = fields["id"].flatMap { text($0, key: "id") } ?? spec.idField
        spec.typeField = fields["type"].flatMap { text($0, key: "type") } ?? spec.typeField
        spec.nameFields = fields["names"].flatMap { textList($0, key: "names") } ?? []
        spec.assumeCRS = fields["assume_crs"].flatMap { text($0, key: "assume_crs") }
        spec.encoding = fields["encoding"].flatMap { text($0, key: "encoding") }
        if let node = fields["snap_metres"], let value = number(node, key: "snap_metres") {
            if value < 0 { fail(at: node, "snap_metres: expected 0 or more metres, found \(value)") }
            spec.snapMetres = value
        }
        if let node = fields["min_piece_m2"], let value = number(node, key: "min_piece_m2") {
            if value < 0 { fail(at: node, "min_piece_m2: expected 0 or more m², found \(value)") }
            spec.minimumPieceSquareMetres = value
        }
        guard errorCount == before, path != nil else { return nil }
        return spec
    }

    /// A boundary set's `levels:`: level names (`district`) or mappings (`{level: district, field: ADM2_PCODE}`).
    func levels(_ node: Node, owner: String, municipalities: Bool) -> [LevelSpec] {
        guard case let .sequence(sequence) = node else {
            fail(
                at: node,
                "levels: expected a list such as [local_government, tambon, district, province], "
                    + "found \(node.foundDescription)")
            return []
        }
        let options = AdministrativeLevel.allCases.map { ($0.rawValue, $0) }
        var levels: [LevelSpec] = []
        for item in sequence {
            var level: LevelSpec?
            if case .mapping = item {
                guard let fields = mapping(item, key: "levels", expected: "a level") else { continue }
                checkKeys(fields, allowed: Self.levelKeys, owner: "a level of \(owner)")
                guard let levelNode = fields["level"] else {
                    missing(fields, "level", owner: "a level of \(owner)")
                    continue
                }
                guard let name = choice(levelNode, key: "level", what: "level", listName: "levels", options: options)
                else { continue }
                level = LevelSpec(
                    level: name, field: fields["field"].flatMap { text($0, key: "field") },
                    nameFields: fields["names"].flatMap { textList($0, key: "names") },
                    location: item.location)
            } else if let name = choice(item, key: "levels", what: "level", listName: "levels", options: options) {
                level = LevelSpec(level: name, location: item.location)
            }
            guard let level else { continue }
            if levels.contains(where: { $0.level == level.level }) {
                fail(at: item, "levels: \(level.level.rawValue) is listed twice")
            } else if level.level == .localGovernment, !municipalities {
                fail(
                    at: item,
                    "levels: local_government needs the municipalities that split \(owner)'s tambons "
                        + "(municipalities: {path: …, id: LG_CODE, type: LG_TYPE})")
            } else if level.level == .localGovernment, level.field != nil {
                fail(at: item, "levels: local_government comes from the municipalities; it takes no field")
            } else {
                levels.append(level)
            }
        }
        return levels
    }

    /// An indicator's `kind:` (extensive, intensive or ratio: how it rolls up) and `weight:`. An interpolation's
    /// own `kind:` says both how it is carried and how it rolls up.
    func readRollUp(_ fields: Fields, kind: IndicatorKind, draft: inout Draft) {
        let definition = IndicatorSpec(id: "", kind: kind).definition
        if let implied = definition.impliedValueKind {
            draft.spec.valueKind = implied
        } else if let node = fields["kind"] {
            draft.valueKindNode = node
            draft.spec.valueKind = choice(
                node, key: "kind", what: "kind", listName: "kinds",
                options: ValueKind.allCases.map { ($0.rawValue, $0) })
            if draft.spec.valueKind == .ratio, !definition.isDerived {
                fail(
                    at: node,
                    "kind: ratio is for ratio and expression indicators, which are recomputed from the "
                        + "rolled-up values they read; say extensive or intensive here")
            }
        }
        if let node = fields["weight"] {
            draft.weightNode = node
            draft.spec.weight = text(node, key: "weight")
        }
    }

    /// Once every indicator is known: a `weight` names another indicator and goes with intensive values, and
    /// when a boundary set rolls up to levels, every join says how its values add up.
    func checkRollUps(of drafts: [Draft], boundaries: [BoundarySpec]) {
        let ids = drafts.map(\.spec.id)
        let known = Set(ids)
        for draft in drafts {
            guard let weight = draft.spec.weight, let node = draft.weightNode else { continue }
            if weight == draft.spec.id || !known.contains(weight) {
                // A suggestion is a pass over every id: only for the first problems, to stay linear.
                let suggestion =
                    errorCount < Self.suggestedProblems
                    ? Suggestion.didYouMean(weight, among: ids.filter { $0 != draft.spec.id }) : ""
                fail(at: node, "weight: \"\(weight)\" is not another indicator of this spec" + suggestion)
            } else if draft.spec.rollUpRule.map({ if case .weightedMean = $0 { false } else { true } }) ?? false {
                fail(
                    at: node,
                    "weight: is used by intensive values (kind: intensive), which are averaged weighted "
                        + "by it when rolled up")
            }
        }
        if let split = boundaries.first(where: { $0.municipalities != nil }) {
            for draft in drafts where draft.spec.definition.copiesTambonValues && draft.spec.valueKind != .intensive {
                fail(
                    draft.spec.location,
                    "indicator \"\(draft.spec.id)\" joins a table by tambon to the units of "
                        + "\"\(split.name)\", each of which would get its tambon's whole value: for people or counts use "
                        + "type: interpolate (split by area or by a weight); for rates and means say kind: intensive")
            }
        }
        guard let rolled = boundaries.first(where: { !$0.levels.isEmpty }) else { return }
        for draft in drafts where draft.spec.rollUpRule == nil {
            fail(
                draft.spec.location,
                "indicator \"\(draft.spec.id)\" (\(draft.typeName)) rolls up to the levels "
                    + "of \"\(rolled.name)\": say how with kind: extensive (values add up: people, counts) or "
                    + "kind: intensive (averaged, weighted by area or by weight: <indicator>)")
        }
    }
}
