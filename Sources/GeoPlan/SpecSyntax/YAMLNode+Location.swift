import Foundation
import Yams

// MARK: - What a node is

/// The shape of a YAML node, as far as a spec cares.
enum NodeShape {
    case null, bool, integer, float, text, list, mapping

    init(_ node: Node) {
        switch node {
        case .mapping: self = .mapping
        case .sequence: self = .list
        case .scalar, .alias:
            // Tags resolved by Yams' default (YAML 1.1-like) resolver; timestamps and the like stay text.
            switch node.tag.rawValue {
            case Tag.Name.null.rawValue: self = .null
            case Tag.Name.bool.rawValue: self = .bool
            case Tag.Name.int.rawValue: self = .integer
            case Tag.Name.float.rawValue: self = .float
            default: self = .text
            }
        }
    }
}

extension Node {
    /// Where the node starts, lines and columns counted from 1 (columns in Unicode scalars, as libyaml counts).
    var location: SourceLocation? {
        mark.map { SourceLocation(line: $0.line, column: $0.column) }
    }

    var shape: NodeShape { NodeShape(self) }

    var isNull: Bool { shape == .null }

    /// The scalar's text as written (without quotes), nil for lists and mappings.
    var scalarText: String? {
        if case let .scalar(scalar) = self { return scalar.string }
        return nil
    }

    /// What was found, for messages: `a number (3)`, `a list`, `text "abc"`.
    var foundDescription: String {
        let text = scalarText ?? ""
        switch shape {
        case .null: return "nothing"
        case .bool: return "a boolean (\(text))"
        case .integer, .float: return "a number (\(text))"
        case .text: return text.isEmpty ? "empty text" : "text \"\(text)\""
        case .list: return "a list"
        case .mapping: return "a mapping"
        }
    }

    /// Where the `offset`-th Unicode scalar of a one-line scalar's text sits in the source, when that can be
    /// checked against the source line; otherwise the node's own location.
    func location(ofScalarOffset offset: Int, length: Int, in lines: [Substring]) -> SourceLocation? {
        guard let start = location, case let .scalar(scalar) = self else { return location }
        let quote: Int
        switch scalar.style {
        case .plain: quote = 0
        case .singleQuoted, .doubleQuoted: quote = 1
        default: return start
        }
        let column = start.column + quote + offset
        guard start.line - 1 < lines.count else { return start }
        let line = Array(lines[start.line - 1].unicodeScalars)
        let text = Array(scalar.string.unicodeScalars)
        guard offset + length <= text.count, column - 1 + length <= line.count,
            Array(line[(column - 1)..<(column - 1 + length)]) == Array(text[offset..<(offset + length)])
        else { return start }
        return SourceLocation(line: start.line, column: column)
    }
}

// MARK: - Mappings

/// A mapping's string keys with their nodes, in written order.
struct Fields {
    struct Entry {
        var key: String
        var keyNode: Node
        var value: Node
    }

    let node: Node
    let entries: [Entry]
    /// Keys that are not text (`1: x`, `[a]: b`), reported as unknown keys.
    let oddKeys: [Node]

    init(_ node: Node, mapping: Node.Mapping) {
        self.node = node
        var entries: [Entry] = []
        var odd: [Node] = []
        for (key, value) in mapping {
            if let text = key.scalarText, key.shape != .list, key.shape != .mapping {
                entries.append(Entry(key: text, keyNode: key, value: value))
            } else {
                odd.append(key)
            }
        }
        self.entries = entries
        oddKeys = odd
    }

    /// The key's value, nil when the key is absent or its value is null (`layer:` or `layer: ~`).
    subscript(key: String) -> Node? {
        guard let value = entry(key)?.value, !value.isNull else { return nil }
        return value
    }

    func entry(_ key: String) -> Entry? {
        entries.first { $0.key == key }
    }
}
