import Yams

/// One pass over one spec: collects errors instead of stopping at the first.
final class SpecReader {
    let text: String
    let path: String?
    let lines: [Substring]
    private(set) var errors: [SpecError] = []
    /// How many errors have been found so far (a part read well adds none).
    var errorCount: Int { errors.count }

    init(text: String, path: String?) {
        self.text = text
        self.path = path
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// Errors in document order (problems of the whole file first).
    var sortedErrors: [SpecError] {
        var seen = Set<SpecError>()
        let unique = errors.filter { seen.insert($0).inserted }
        return unique.enumerated().sorted { lhs, rhs in
            let left = lhs.element.location.map { ($0.line, $0.column) } ?? (0, 0)
            let right = rhs.element.location.map { ($0.line, $0.column) } ?? (0, 0)
            return left != right ? left < right : lhs.offset < rhs.offset
        }.map(\.element)
    }

    func fail(_ location: SourceLocation?, _ message: String) {
        errors.append(SpecError(path: path, location: location, message: message))
    }

    func fail(at node: Node, _ message: String) {
        fail(node.location, message)
    }

    /// The ids an expression reads, in written order, each located at its first occurrence when it can be found.
    func references(_ ids: Set<String>, in expression: String, node: Node)
        -> [(id: String, location: SourceLocation?)]
    {
        var located: [(id: String, location: SourceLocation?)] = []
        var seen = Set<String>()
        for (name, offset) in Self.identifiers(in: expression) where ids.contains(name) && seen.insert(name).inserted {
            located.append((name, node.location(ofScalarOffset: offset, length: name.unicodeScalars.count, in: lines)))
        }
        for id in ids.sorted() where seen.insert(id).inserted { located.append((id, node.location)) }
        return located
    }

    /// Where a scalar's `offset`-th Unicode scalar is written (an expression's error, an id it reads).
    func location(of node: Node, scalarOffset offset: Int, length: Int) -> SourceLocation? {
        node.location(ofScalarOffset: offset, length: length, in: lines)
    }

    /// A feature indicator's filter (`where`) and classes (`by`).
    func filterAndClasses(_ fields: Fields) -> (whereClause: String?, by: String?) {
        (fields["where"].flatMap { text($0, key: "where") }, fields["by"].flatMap { text($0, key: "by") })
    }

    // MARK: Values

    func mapping(_ node: Node, key: String? = nil, expected: String) -> Fields? {
        guard case let .mapping(mapping) = node else {
            fail(at: node, "\(key.map { "\($0): " } ?? "")expected \(expected), found \(node.foundDescription)")
            return nil
        }
        return Fields(node, mapping: mapping)
    }

    /// Unknown keys, with the closest known one; `misplaced` keys are known but belong to other variants.
    func checkKeys(
        _ fields: Fields, allowed: [String], owner: String, misplaced: Set<String> = [],
        misplacedNote: String = ""
    ) {
        let list = allowed.joined(separator: ", ")
        for key in fields.oddKeys {
            fail(at: key, "unexpected key \(key.foundDescription) in \(owner) (keys: \(list))")
        }
        for entry in fields.entries where !allowed.contains(entry.key) {
            if misplaced.contains(entry.key) {
                fail(at: entry.keyNode, "\"\(entry.key)\" is not used by \(misplacedNote) (keys: \(list))")
            } else {
                fail(
                    at: entry.keyNode,
                    "unknown key \"\(entry.key)\" in \(owner)"
                        + Suggestion.didYouMean(entry.key, among: allowed) + " (keys: \(list))")
            }
        }
    }

    func missing(_ fields: Fields, _ key: String, owner: String) {
        if let entry = fields.entry(key) {
            fail(at: entry.value.isNull ? entry.keyNode : entry.value, "\(key): \(owner) needs a value here")
        } else {
            fail(at: fields.node, "\(owner) is missing the required key \"\(key)\"")
        }
    }
    func requiredText(_ fields: Fields, _ key: String, owner: String) -> String? {
        guard let node = fields[key] else {
            missing(fields, key, owner: owner)
            return nil
        }
        return text(node, key: key)
    }

    func text(_ node: Node, key: String) -> String? {
        guard node.shape == .text, let value = node.scalarText else {
            var hint = ""
            if [.integer, .float, .bool].contains(node.shape), let raw = node.scalarText {
                hint = "; write \"\(raw)\" in quotes if it is meant as text"
            }
            fail(at: node, "\(key): expected a string, found \(node.foundDescription)\(hint)")
            return nil
        }
        guard !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            fail(at: node, "\(key): expected a string, found empty text")
            return nil
        }
        return value
    }

    /// A list of strings, or a single string standing for a list of one.
    func textList(_ node: Node, key: String) -> [String]? {
        switch node {
        case let .sequence(sequence):
            var values: [String] = []
            for item in sequence {
                guard item.shape == .text, let value = item.scalarText else {
                    fail(at: item, "\(key): expected a list of strings, found \(item.foundDescription) in the list")
                    continue
                }
                values.append(value)
            }
            return values.count == sequence.count ? values : nil
        default:
            guard node.shape == .text else {
                fail(at: node, "\(key): expected a list of strings, found \(node.foundDescription)")
                return nil
            }
            return text(node, key: key).map { [$0] }
        }
    }

    func choice<T>(
        _ node: Node, key: String, what: String, listName: String,
        options: [(String, T)]
    ) -> T? {
        guard let word = text(node, key: key) else { return nil }
        if let match = options.first(where: { $0.0 == word }) { return match.1 }
        let names = options.map(\.0)
        fail(
            at: node,
            "unknown \(what) \"\(word)\"\(Suggestion.didYouMean(word, among: names)) "
                + "(\(listName): \(names.joined(separator: ", ")))")
        return nil
    }

    func number(_ node: Node, key: String) -> Double? {
        guard node.shape == .integer || node.shape == .float,
            let value = node.float ?? node.int.map(Double.init), value.isFinite
        else {
            fail(at: node, "\(key): expected a number, found \(node.foundDescription)")
            return nil
        }
        return value
    }

    func integer(_ node: Node, key: String, range: ClosedRange<Int>) -> Int? {
        guard node.shape == .integer, let value = node.int, range.contains(value) else {
            fail(
                at: node,
                "\(key): expected a whole number from \(range.lowerBound) to \(range.upperBound), "
                    + "found \(node.foundDescription)")
            return nil
        }
        return value
    }

    func bool(_ node: Node, key: String) -> Bool? {
        guard node.shape == .bool, let value = node.bool else {
            fail(at: node, "\(key): expected true or false, found \(node.foundDescription)")
            return nil
        }
        return value
    }

    // MARK: Words

    /// `[A-Za-z][A-Za-z0-9_]*`, with `-` too when `hyphen`.
    static func isName(_ text: String, hyphen: Bool) -> Bool {
        guard let first = text.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic else { return false }
        return text.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII
                && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_"
                    || (hyphen && scalar == "-"))
        }
    }

    /// Names in an expression with their offsets in Unicode scalars (a letter or `_`, then letters, digits and
    /// `_`; not a function name before `(`), only to locate the ids `Expression.identifiers` reports.
    static func identifiers(in expression: String) -> [(name: String, offset: Int)] {
        let characters = Array(expression)
        var found: [(String, Int)] = []
        var index = 0
        var scalarOffset = 0
        func advance() {
            scalarOffset += characters[index].unicodeScalars.count
            index += 1
        }
        while index < characters.count {
            let character = characters[index]
            if character.isNumber || character == "." {
                while index < characters.count, characters[index].isNumber || characters[index] == "." { advance() }
                if index < characters.count, characters[index] == "e" || characters[index] == "E" {
                    var lookahead = index + 1
                    if lookahead < characters.count, characters[lookahead] == "+" || characters[lookahead] == "-" {
                        lookahead += 1
                    }
                    if lookahead < characters.count, characters[lookahead].isNumber {
                        while index < lookahead { advance() }
                        while index < characters.count, characters[index].isNumber { advance() }
                    }
                }
            } else if character.isLetter || character == "_" {
                let start = (index, scalarOffset)
                while index < characters.count,
                    characters[index].isLetter || characters[index].isNumber || characters[index] == "_"
                {
                    advance()
                }
                let next = characters[index...].first { !$0.isWhitespace }
                if next != "(" { found.append((String(characters[start.0..<index]), start.1)) }
            } else {
                advance()
            }
        }
        return found
    }

    /// `10000` for whole numbers, else Swift's shortest round-tripping form (`0.5`).
    static func numberText(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}
