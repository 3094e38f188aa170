import Foundation
import Yams

/// Reads a YAML spec into a `Spec`, checking its shape, its values and the references between its parts.
///
/// Every problem is reported with its line and column, what was found and what was expected, and a "did you
/// mean" when a word is close to a known one. All problems are collected in one pass (`diagnose` returns them
/// in document order); `parse` and `load` throw the first.
public enum SpecParser {
    /// Parses a spec's text; `path` is only used in messages and stored in `Spec.path`.
    ///
    /// - Throws: the first `SpecError` in document order.
    public static func parse(_ text: String, path: String? = nil) throws -> Spec {
        let reader = SpecReader(text: text, path: path)
        let spec = reader.read()
        if let first = reader.sortedErrors.first { throw first }
        guard let spec else { throw SpecError(path: path, location: nil, message: "the spec could not be read") }
        return spec
    }

    /// Reads the file (UTF-8) and parses it. Relative paths inside stay as written: they are relative to the
    /// spec's folder.
    public static func load(_ path: String) throws -> Spec {
        try parse(try readText(path), path: path)
    }

    /// Every problem of a spec's text, in document order; empty when it is valid.
    public static func diagnose(_ text: String, path: String? = nil) -> [SpecError] {
        let reader = SpecReader(text: text, path: path)
        _ = reader.read()
        return reader.sortedErrors
    }

    /// The largest spec read: a spec is a short YAML file, and a huge one (or a device that never ends) would
    /// only exhaust memory.
    static let largestSpecBytes = 16 << 20

    /// The spec's text: a regular UTF-8 file of at most 16 MB (a byte-order mark dropped).
    public static func readText(_ path: String) throws -> String {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw SpecError(path: path, message: "cannot read the spec: no such file")
        }
        guard !isFolder.boolValue else {
            throw SpecError(path: path, message: "cannot read the spec: this is a folder, expected a YAML file")
        }
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            // A FIFO would block the read until a writer came; a device such as /dev/zero never ends.
            throw SpecError(
                path: path,
                message: "cannot read the spec: it is not a regular file (a FIFO, a device or "
                    + "a socket); give the path of a YAML file")
        }
        guard info.st_size <= largestSpecBytes else {
            throw SpecError(
                path: path,
                message: "cannot read the spec: it is \(info.st_size / 1_000_000) MB; a spec is "
                    + "a short YAML file (at most \(largestSpecBytes >> 20) MB)")
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw SpecError(path: path, message: "cannot read the spec: \(error.localizedDescription)")
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw SpecError(path: path, message: "cannot read the spec: it is not UTF-8 text; save it as UTF-8")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text
    }
}

// MARK: - Schema

private enum Schema {
    static let topKeys = ["boundaries", "inputs", "indicators", "output"]
    static let boundaryKeys = [
        "name", "path", "layer", "id", "names", "where", "assume_crs", "encoding",
        "wrap_longitudes", "municipalities", "levels",
    ]
    static let inputKeys = [
        "name", "type", "path", "layer", "where", "assume_crs", "encoding", "wrap_longitudes",
        "code",
    ]
    static let outputKeys = ["folder", "formats", "precision", "csv_bom", "csv_raw"]
    static let labelKeys = ["th", "en"]
    static let indicatorKeys = ["id", "type", "label", "unit", "measure", "crs", "kind", "weight", "map"]

    /// Computed once: every indicator's key check reads it.
    static let allIndicatorKeys: [String] = {
        var keys = indicatorKeys
        for spelling in IndicatorRegistry.spellings {
            for key in spelling.keys where !keys.contains(key) { keys.append(key) }
        }
        return keys
    }()

    static let inputTypes: [(String, InputKind)] = InputKind.allCases.map { ($0.rawValue, $0) }
    static let measures = ["geodesic", "planar"]
    static let formats: [(String, OutputFormat)] = [
        ("geojson", .geoJSON), ("gpkg", .geoPackage), ("fgb", .flatGeobuf), ("csv", .csv), ("shp", .shapefile),
        ("json", .geoJSON), ("geopackage", .geoPackage), ("flatgeobuf", .flatGeobuf), ("shapefile", .shapefile),
    ]
    static let formatNames = ["geojson", "gpkg", "fgb", "csv", "shp"]
}

// MARK: - Document

extension SpecReader {

    func read() -> Spec? {
        // Before composing: a few hundred bytes of nested aliases would otherwise take Yams minutes.
        if let excess = YAMLLimits.firstExcess(in: text) {
            fail(excess.location, excess.message)
            return nil
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            report(yamlError: error)
            return nil
        }
        guard let root else {
            fail(
                SourceLocation(line: 1, column: 1),
                "the spec is empty; expected a mapping with \"boundaries\" and \"indicators\"")
            return nil
        }
        guard
            let top = mapping(
                root,
                expected: "a mapping with \"boundaries\", \"inputs\", \"indicators\" and "
                    + "\"output\"")
        else { return nil }
        checkKeys(top, allowed: Schema.topKeys, owner: "the spec")

        let boundaryNodes = items(top, "boundaries", required: true, what: "boundary set", owner: "the spec")
        let boundaries = boundaryNodes.enumerated().compactMap { boundary($1, index: $0) }
        let inputNodes = items(top, "inputs", required: false, what: "input", owner: "the spec")
        var declaredInputs: [(name: String, node: Node)] = []
        let inputs = inputNodes.enumerated().compactMap { input($1, index: $0, declared: &declaredInputs) }
        let indicatorNodes = items(top, "indicators", required: true, what: "indicator", owner: "the spec")
        var declaredIDs: [(name: String, node: Node)] = []
        let drafts = indicatorNodes.enumerated().compactMap { indicator($1, index: $0, declared: &declaredIDs) }
        let output = top["output"].flatMap(output) ?? OutputSpec()

        checkUnique(declaredInputs, what: "input name")
        checkUnique(declaredIDs, what: "indicator id")
        checkInputs(of: drafts, inputs: inputs, declared: declaredInputs.map(\.name))
        checkReferences(of: drafts, declared: declaredIDs.map(\.name))
        checkCycles(in: drafts)
        checkRollUps(of: drafts, boundaries: boundaries)

        guard errors.isEmpty else { return nil }
        return Spec(
            boundaries: boundaries, inputs: inputs, indicators: drafts.map(\.spec), output: output,
            path: path)
    }

    private func report(yamlError error: Error) {
        guard let yaml = error as? YamlError else {
            fail(nil, "invalid YAML: \(error)")
            return
        }
        switch yaml {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            let during = context.map { " (\($0.text) at line \($0.mark.line), column \($0.mark.column))" } ?? ""
            fail(SourceLocation(line: mark.line, column: mark.column), "invalid YAML: \(problem)\(during)")
        case let .duplicatedKeysInMapping(duplicates, context):
            let key = duplicates.first ?? "?"
            let first = SourceLocation(line: context.mark.line, column: context.mark.column)
            fail(
                repeatedKey(key, after: first) ?? first,
                "invalid YAML: the key \"\(key)\" is written twice in the same mapping (first at \(first))")
        case let .reader(problem, offset, _, _):
            let location = offset.map { offset -> SourceLocation in
                let prefix = text.prefix(offset)
                let line = prefix.filter { $0 == "\n" }.count + 1
                let column =
                    prefix.split(separator: "\n", omittingEmptySubsequences: false).last
                    .map { $0.unicodeScalars.count + 1 } ?? 1
                return SourceLocation(line: line, column: column)
            }
            fail(location, "invalid YAML: \(problem)")
        default:
            fail(nil, "invalid YAML: \(yaml)")
        }
    }

    /// The second `key:` written at the same column as the first, in block style, if it can be found.
    private func repeatedKey(_ key: String, after first: SourceLocation) -> SourceLocation? {
        guard first.line < lines.count else { return nil }
        for index in first.line..<lines.count {
            let scalars = Array(lines[index].unicodeScalars)
            guard scalars.count >= first.column - 1 else { continue }
            let indent = String(String.UnicodeScalarView(scalars[0..<(first.column - 1)]))
            let rest = String(String.UnicodeScalarView(scalars[(first.column - 1)...]))
            guard indent.allSatisfy({ $0 == " " || $0 == "-" }), rest.hasPrefix(key) else { continue }
            if rest.dropFirst(key.count).drop(while: { $0 == " " }).hasPrefix(":") {
                return SourceLocation(line: index + 1, column: first.column)
            }
        }
        return nil
    }

    // MARK: Boundaries

    private func boundary(_ node: Node, index: Int) -> BoundarySpec? {
        let before = errors.count
        guard let fields = mapping(node, expected: "a boundary set (a mapping with name, path and id)") else {
            return nil
        }
        let name = fields["name"].flatMap { text($0, key: "name") }
        let owner = name.map { "boundary set \"\($0)\"" } ?? "boundary set \(index + 1)"
        checkKeys(fields, allowed: Schema.boundaryKeys, owner: owner)
        if let name, let node = fields["name"], !Self.isName(name, hyphen: true) {
            fail(
                at: node,
                "name: \"\(name)\" is not a valid name; use letters, digits, _ and -, starting with a letter")
        }
        if fields["name"] == nil { missing(fields, "name", owner: owner) }
        let path = requiredText(fields, "path", owner: owner)
        let idField = requiredText(fields, "id", owner: owner)
        let nameFields = fields["names"].flatMap { textList($0, key: "names") } ?? []
        let layer = fields["layer"].flatMap { text($0, key: "layer") }
        let whereClause = fields["where"].flatMap { text($0, key: "where") }
        let assumeCRS = fields["assume_crs"].flatMap { text($0, key: "assume_crs") }
        let encoding = fields["encoding"].flatMap { text($0, key: "encoding") }
        let municipalities = fields["municipalities"].flatMap { self.municipalities($0, owner: owner) }
        let levels = fields["levels"].map { self.levels($0, owner: owner, municipalities: municipalities != nil) } ?? []
        let wrapLongitudes = fields["wrap_longitudes"].flatMap { bool($0, key: "wrap_longitudes") } ?? false
        guard errors.count == before, let name, let path, let idField else { return nil }
        var boundary = BoundarySpec(
            name: name, path: path, layer: layer, idField: idField, nameFields: nameFields,
            whereClause: whereClause, assumeCRS: assumeCRS, encoding: encoding,
            municipalities: municipalities, levels: levels, location: node.location)
        boundary.wrapLongitudes = wrapLongitudes
        return boundary
    }

    // MARK: Inputs

    private func input(_ node: Node, index: Int, declared: inout [(name: String, node: Node)]) -> InputSpec? {
        let before = errors.count
        guard let fields = mapping(node, expected: "an input (a mapping with name, type and path)") else {
            return nil
        }
        let name = fields["name"].flatMap { text($0, key: "name") }
        let owner = name.map { "input \"\($0)\"" } ?? "input \(index + 1)"
        checkKeys(fields, allowed: Schema.inputKeys, owner: owner)
        if let name, let nameNode = fields["name"] {
            declared.append((name, nameNode))
            if !Self.isName(name, hyphen: true) {
                fail(
                    at: nameNode,
                    "name: \"\(name)\" is not a valid name; use letters, digits, _ and -, starting with a letter")
            }
        } else if fields["name"] == nil {
            missing(fields, "name", owner: owner)
        }
        var kind: InputKind?
        if let typeNode = fields["type"] {
            kind = choice(typeNode, key: "type", what: "input type", listName: "types", options: Schema.inputTypes)
        } else {
            missing(fields, "type", owner: owner)
        }
        let path = requiredText(fields, "path", owner: owner)
        let layer = fields["layer"].flatMap { text($0, key: "layer") }
        let whereClause = fields["where"].flatMap { text($0, key: "where") }
        let assumeCRS = fields["assume_crs"].flatMap { text($0, key: "assume_crs") }
        let encoding = fields["encoding"].flatMap { text($0, key: "encoding") }
        if kind == .raster {
            for key in ["layer", "where", "encoding"] {
                guard let entry = fields.entry(key) else { continue }
                fail(at: entry.keyNode, "\"\(key)\" is only used by vector inputs; \(owner) is a raster")
            }
        }
        var codeField: String?
        if kind == .table {
            codeField = requiredText(fields, "code", owner: "\(owner) (a table)")
        } else if let kind, let entry = fields.entry("code") {
            fail(at: entry.keyNode, "\"code\" is only used by inputs of type table; \(owner) is \(kind.rawValue)")
        }
        let wrapLongitudes = fields["wrap_longitudes"].flatMap { bool($0, key: "wrap_longitudes") } ?? false
        guard errors.count == before, let name, let kind, let path else { return nil }
        var input = InputSpec(
            name: name, kind: kind, path: path, layer: layer, whereClause: whereClause,
            assumeCRS: assumeCRS, encoding: encoding, codeField: codeField, location: node.location)
        input.wrapLongitudes = wrapLongitudes
        return input
    }

    // MARK: Indicators

    private func indicator(_ node: Node, index: Int, declared: inout [(name: String, node: Node)]) -> Draft? {
        let before = errors.count
        guard let fields = mapping(node, expected: "an indicator (a mapping with id and type)") else { return nil }
        let id = fields["id"].flatMap { text($0, key: "id") }
        let owner = id.map { "indicator \"\($0)\"" } ?? "indicator \(index + 1)"
        if let id, let idNode = fields["id"] {
            declared.append((id, idNode))
            if !Self.isName(id, hyphen: false) {
                fail(
                    at: idNode,
                    "id: \"\(id)\" is not a valid indicator id; use letters, digits and _, "
                        + "starting with a letter")
            }
        } else if fields["id"] == nil {
            missing(fields, "id", owner: owner)
        }

        var typeName: String?
        if let typeNode = fields["type"] {
            typeName = choice(
                typeNode, key: "type", what: "indicator type", listName: "types",
                options: IndicatorRegistry.spellings.map { ($0.name, $0.name) })
        } else {
            missing(fields, "type", owner: owner)
        }
        let spelling = typeName.flatMap(IndicatorRegistry.spelling)
        if let typeName, let spelling {
            let allowed = Schema.indicatorKeys + spelling.keys.filter { !Schema.indicatorKeys.contains($0) }
            checkKeys(
                fields, allowed: allowed, owner: owner,
                misplaced: Set(Schema.allIndicatorKeys).subtracting(allowed),
                misplacedNote: "indicators of type \(typeName)")
        } else {
            checkKeys(fields, allowed: Schema.allIndicatorKeys, owner: owner)
        }

        let label = fields["label"].flatMap(label)
        let unit = fields["unit"].flatMap { text($0, key: "unit") }
        let measure = self.measure(fields)

        var draft = Draft(
            spec: IndicatorSpec(
                id: id ?? "", kind: .perimeter, label: label, unit: unit,
                measure: measure, location: node.location),
            typeName: typeName ?? "", inputNode: fields["input"], references: [])
        // Keys every type reads (`where`) are read before the type's own, as its readers expect.
        guard let spelling, let kind = spelling.read(self, fields, owner, &draft) else { return nil }
        readRollUp(fields, kind: kind, draft: &draft)
        if let node = fields["map"] { draft.spec.map = map(node, owner: owner) }
        guard errors.count == before, id != nil else { return nil }
        draft.spec.kind = kind
        return draft
    }

    /// The measure mode; on an error (reported) geodesic, so that reading goes on.
    private func measure(_ fields: Fields) -> MeasureMode {
        let crs = fields["crs"].flatMap { text($0, key: "crs") }
        guard let node = fields["measure"] else {
            if let entry = fields.entry("crs") {
                fail(at: entry.keyNode, "\"crs\" is only used with measure: planar")
            }
            return .geodesic
        }
        guard
            let word = choice(
                node, key: "measure", what: "measure", listName: "values",
                options: Schema.measures.map { ($0, $0) })
        else { return .geodesic }
        if word == "geodesic" {
            if let entry = fields.entry("crs") {
                fail(at: entry.keyNode, "\"crs\" is only used with measure: planar")
            }
            return .geodesic
        }
        guard let crs else {
            if fields.entry("crs") == nil {
                fail(at: node, "measure: planar needs the projected CRS to measure in, such as crs: EPSG:32647")
            }
            return .geodesic
        }
        return .planar(crs: crs)
    }

    private func label(_ node: Node) -> Label? {
        if node.shape == .text { return text(node, key: "label").map { Label(english: $0) } }
        guard node.shape == .mapping else {
            fail(at: node, "label: expected a string or a mapping with th and en, found \(node.foundDescription)")
            return nil
        }
        guard let fields = mapping(node, expected: "a mapping with th and en") else { return nil }
        checkKeys(fields, allowed: Schema.labelKeys, owner: "label")
        let thai = fields["th"].flatMap { text($0, key: "th") }
        let english = fields["en"].flatMap { text($0, key: "en") }
        if thai == nil, english == nil, fields.entries.isEmpty {
            fail(at: node, "label: expected th and/or en, found an empty mapping")
        }
        return Label(thai: thai, english: english)
    }

    // MARK: Output

    private func output(_ node: Node) -> OutputSpec? {
        guard
            let fields = mapping(
                node, key: "output",
                expected: "a mapping with folder, formats, precision, csv_bom and csv_raw")
        else {
            return nil
        }
        checkKeys(fields, allowed: Schema.outputKeys, owner: "output")
        var output = OutputSpec()
        if let folder = fields["folder"].flatMap({ text($0, key: "folder") }) { output.folder = folder }
        if let node = fields["formats"], let words = textList(node, key: "formats") {
            var formats: [OutputFormat] = []
            for (offset, word) in words.enumerated() {
                let item: Node
                if case let .sequence(sequence) = node, offset < sequence.count {
                    item = sequence[offset]
                } else {
                    item = node
                }
                guard let format = Schema.formats.first(where: { $0.0 == word.lowercased() })?.1 else {
                    fail(
                        at: item,
                        "unknown output format \"\(word)\""
                            + Suggestion.didYouMean(word, among: Schema.formats.map(\.0))
                            + " (formats: \(Schema.formatNames.joined(separator: ", ")))")
                    continue
                }
                if !formats.contains(format) { formats.append(format) }
            }
            if words.isEmpty {
                fail(
                    at: node,
                    "formats: expected at least one of \(Schema.formatNames.joined(separator: ", ")), "
                        + "found an empty list")
            }
            output.formats = formats
        }
        if let node = fields["precision"], let value = integer(node, key: "precision", range: 0...15) {
            output.precision = value
        }
        if let node = fields["csv_bom"], let value = bool(node, key: "csv_bom") { output.csvBOM = value }
        if let node = fields["csv_raw"], let value = bool(node, key: "csv_raw") { output.csvRaw = value }
        return output
    }

    // MARK: Cross checks

    private func checkUnique(_ names: [(name: String, node: Node)], what: String) {
        var first: [String: Node] = [:]
        for (name, node) in names {
            if let earlier = first[name] {
                let at = earlier.location.map { " (first at \($0))" } ?? ""
                fail(at: node, "duplicate \(what) \"\(name)\"\(at)")
            } else {
                first[name] = node
            }
        }
    }

    private func checkInputs(of drafts: [Draft], inputs: [InputSpec], declared: [String]) {
        // Looked up by name, so that thousands of indicators over thousands of inputs stay linear.
        let known = Set(declared)
        let kinds = Dictionary(inputs.map { ($0.name, $0.kind) }, uniquingKeysWith: { first, _ in first })
        for draft in drafts {
            var reads = draft.otherInputs.map { (name: $0.name, node: $0.node, kinds: $0.kinds) }
            if let name = draft.spec.kind.inputName, let node = draft.inputNode,
                let spelling = IndicatorRegistry.spelling(draft.typeName)
            {
                reads.append((name, node, spelling.inputKinds))
            }
            for read in reads {
                guard known.contains(read.name) else {
                    let suggestion =
                        errorCount < Self.suggestedProblems
                        ? Suggestion.didYouMean(read.name, among: declared) : ""
                    let list =
                        declared.isEmpty
                        ? "the spec declares no inputs"
                        : "inputs: \(Self.list(declared, count: declared.count))"
                    fail(at: read.node, "unknown input \"\(read.name)\"\(suggestion) (\(list))")
                    continue
                }
                // An input declared with errors has already been reported.
                guard let kind = kinds[read.name], !read.kinds.contains(kind) else { continue }
                let wanted = read.kinds.map(\.rawValue).joined(separator: ", ")
                let article = draft.typeName.first.map { "aeiou".contains($0) } == true ? "an" : "a"
                fail(
                    at: read.node,
                    "input \"\(read.name)\" is \(kind.rawValue), but \(article) \(draft.typeName) "
                        + "indicator needs " + (read.kinds.count == 1 ? wanted : "one of \(wanted)"))
            }
        }
    }

    /// The items of a list-valued key (`boundaries`, `inputs`, `indicators`).
    private func items(_ fields: Fields, _ key: String, required: Bool, what: String, owner: String) -> [Node] {
        guard let node = fields[key] else {
            if required { missing(fields, key, owner: owner) }
            return []
        }
        guard case let .sequence(sequence) = node else {
            fail(
                at: node,
                "\(key): expected a list of \(what)s (items starting with \"- \"), "
                    + "found \(node.foundDescription)")
            return []
        }
        if required && sequence.isEmpty { fail(at: node, "\(key): expected at least one \(what), found an empty list") }
        return Array(sequence)
    }
}
