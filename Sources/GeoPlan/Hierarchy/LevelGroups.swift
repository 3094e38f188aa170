import GDAL

/// The groups of one level (districts, provinces, local governments…) that a run's areas roll up to: each
/// group's code, names and member areas, in order of first appearance.
struct LevelGroups {
    let level: AdministrativeLevel
    /// The columns naming each group in the level's outputs (`ADM2_TH`, `ADM2_EN`; `lg_type` and the
    /// municipalities' names for local governments).
    let nameFields: [String]
    let codes: [String]
    let names: [[FieldValue]]
    /// Per group, the indices of its areas in the run's boundary set.
    let members: [[Int]]

    /// Groups the areas at `positions` (in the set's order) by `spec`'s level.
    /// - Throws: an error naming the tambons whose stated group disagrees with their code, lacks a value, or
    ///   cannot be told at all, with the fix.
    static func build(
        _ spec: LevelSpec, memberships: [AreaMembership], positions: [Int],
        attributes: TambonAttributes, boundaries: BoundarySpec, municipalityNames: [String]
    )
        throws -> LevelGroups
    {
        let path = boundaries.path
        // The parents a field states, checked against the codes once every area is grouped.
        var stated: [(code: String, parent: String)] = []
        var statedField = ""
        let nameFields: [String]
        let groupOf: (AreaMembership) throws -> (code: String, names: [FieldValue])
        switch spec.level {
        case .localGovernment:
            nameFields = ["lg_type"] + municipalityNames
            groupOf = { member in
                guard let government = member.localGovernment else {
                    throw GeoPlanError.input(
                        path: path,
                        reason: "local_government needs the boundary set's "
                            + "municipalities (municipalities: {path: …})")
                }
                return (government.code, [.string(government.type.rawValue)] + government.names)
            }
        case .tambon, .district, .province:
            let prefix = spec.level.codABPrefix ?? ""
            nameFields = try names(of: spec, prefix: prefix, attributes: attributes, boundaries: boundaries)
            let field =
                spec.field
                ?? (attributes.has("\(prefix)_PCODE") && spec.level != .tambon
                    ? "\(prefix)_PCODE" : nil)
            if let field, !attributes.has(field) {
                throw GDALError.noSuchField(layer: boundaries.name, name: field, available: attributes.fields)
            }
            statedField = field ?? ""
            groupOf = { member in
                let tambon = member.tambonCode
                let derived = spec.level.parentLevel.flatMap { ParentCode.ancestor(of: tambon, at: $0) }
                let code: String
                if let field {
                    guard let parent = attributes.text(field, of: tambon) else {
                        throw GeoPlanError.input(
                            path: path,
                            reason: "tambon \(tambon) has no \(field); every tambon "
                                + "needs its \(spec.level.rawValue) to roll up to it")
                    }
                    stated.append((tambon, parent))
                    code = parent
                } else if spec.level == .tambon {
                    code = tambon
                } else if let derived {
                    code = derived
                } else {
                    throw GeoPlanError.input(
                        path: path,
                        reason: "tambon code \"\(tambon)\" does not show its "
                            + "\(spec.level.rawValue) (a P-code such as TH120101 does); name the field that holds it: "
                            + "levels: [{level: \(spec.level.rawValue), field: <field>}]")
                }
                return (code, nameFields.map { attributes.value($0, of: tambon) })
            }
        }
        let groups = try collect(positions: positions, memberships: memberships, groupOf: groupOf)
        let disagreements =
            spec.level.parentLevel.map { level in
                ParentCode.disagreements(codes: stated.map(\.code), statedParents: stated.map(\.parent), level: level)
                    .map {
                        "\($0.code) is filed under \(statedField) = \($0.stated), but its code says "
                            + (ParentCode.ancestor(of: $0.code, at: level) ?? "?")
                    }
            } ?? []
        guard disagreements.isEmpty else {
            // A tambon filed under the wrong district would move its people to another district's total.
            throw GeoPlanError.input(
                path: path,
                reason: "the \(spec.level.rawValue) codes disagree for "
                    + "\(disagreements.count) tambons: " + disagreements.prefix(5).joined(separator: "; ")
                    + (disagreements.count > 5 ? "; …" : "") + ". Correct the field, or name the right one with "
                    + "levels: [{level: \(spec.level.rawValue), field: <field>}]")
        }
        return LevelGroups(
            level: spec.level, nameFields: nameFields, codes: groups.codes, names: groups.names,
            members: groups.members)
    }

    private struct Collected {
        var codes: [String] = []
        var names: [[FieldValue]] = []
        var members: [[Int]] = []
    }

    private static func collect(
        positions: [Int], memberships: [AreaMembership],
        groupOf: (AreaMembership) throws -> (code: String, names: [FieldValue])
    )
        throws -> Collected
    {
        var collected = Collected()
        var groupOfCode: [String: Int] = [:]
        for position in positions {
            let (code, names) = try groupOf(memberships[position])
            if let group = groupOfCode[code] {
                collected.members[group].append(position)
            } else {
                groupOfCode[code] = collected.codes.count
                collected.codes.append(code)
                collected.names.append(names)
                collected.members.append([position])
            }
        }
        return collected
    }

    /// The fields naming a level's groups: the spec's, or COD-AB's (`ADM2_TH`, `ADM2_EN`) where the layer has
    /// them; for tambons without either, the boundary set's own names.
    private static func names(
        of spec: LevelSpec, prefix: String, attributes: TambonAttributes,
        boundaries: BoundarySpec
    ) throws -> [String] {
        if let fields = spec.nameFields {
            for field in fields where !attributes.has(field) {
                throw GDALError.noSuchField(layer: boundaries.name, name: field, available: attributes.fields)
            }
            return fields
        }
        let codAB = ["\(prefix)_TH", "\(prefix)_EN"].filter(attributes.has)
        if codAB.isEmpty, spec.level == .tambon { return boundaries.nameFields }
        return codAB
    }

    /// The fields `levels` read from a boundary set's layer.
    static func wantedFields(_ levels: [LevelSpec], boundaries: BoundarySpec) -> Set<String> {
        var wanted = Set(boundaries.nameFields)
        for level in levels {
            if let field = level.field { wanted.insert(field) }
            wanted.formUnion(level.nameFields ?? [])
            if let prefix = level.level.codABPrefix {
                wanted.formUnion(["\(prefix)_PCODE", "\(prefix)_TH", "\(prefix)_EN"])
            }
        }
        return wanted
    }
}
