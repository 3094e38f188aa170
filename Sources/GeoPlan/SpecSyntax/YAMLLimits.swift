// Yams composes with libyaml but exposes no events; its libyaml module is the only way to look at them before a
// tree is built. (An implicit dependency: CYaml is the module Yams itself is built on.)
internal import CYaml
import Foundation

/// Bounds on a spec's YAML, checked on libyaml's events before Yams composes a tree, so that no input can make
/// reading a spec slow or deep:
/// - nesting: libyaml allows 1,000 levels and Yams composes them recursively; a spec needs about six;
/// - nodes, counting each alias (`*name`) as every node it stands for: nine aliases of nine aliases… ("billion
///   laughs") are a few hundred bytes that expand to 9⁹ nodes;
/// - no alias inside a key: Yams compares a mapping's keys by hashing them whole, which for an alias key walks its
///   full expansion (exponential in the depth of the aliases), and a spec's keys are words anyway.
///
/// Aliases as values stay allowed (they are plain YAML and cost nothing to compose); the node limit bounds them.
enum YAMLLimits {
    static let maximumDepth = 64
    static let maximumNodes = 1_000_000

    /// The first limit the text exceeds, as a message and where; nil when it keeps them all. A YAML syntax error
    /// ends the scan quietly: composing the text reports it, with libyaml's own words.
    static func firstExcess(in text: String) -> (location: SourceLocation, message: String)? {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var scan = Scan()
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nestingError(of: parser) }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { return nil }
                if let excess = scan.take(event) { return excess }
            }
        }
    }

    /// The problem libyaml stopped at, in our words when it is its own nesting limit: its scanner reads a flow
    /// collection's brackets ahead of the events, so 1,000 of them stop it before the 65th event.
    private static func nestingError(of parser: yaml_parser_t) -> (location: SourceLocation, message: String)? {
        guard let problem = parser.problem, String(cString: problem).hasPrefix("Maximum nesting level") else {
            return nil
        }
        let mark = parser.problem_mark
        return (SourceLocation(line: Int(mark.line) + 1, column: Int(mark.column) + 1), Scan.tooDeep)
    }
}

/// The running state of one scan: the collections open around the current event, the expanded size of each
/// anchor, and the expanded node count so far.
private struct Scan {
    struct Open {
        let isMapping: Bool
        /// The node is a key of its mapping, or inside one.
        let inKey: Bool
        let anchor: String?
        /// `nodes` when the collection started.
        let nodesBefore: Int
        /// Children seen so far (in a mapping, keys and values alternate).
        var children = 0
    }

    static let tooDeep =
        "the YAML is nested more than \(YAMLLimits.maximumDepth) levels deep here (a spec needs "
        + "about six); flatten it"

    var open: [Open] = []
    var anchorSizes: [String: Int] = [:]
    var nodes = 0

    /// The excess this event makes, if any.
    mutating func take(_ event: yaml_event_t) -> (location: SourceLocation, message: String)? {
        let location = SourceLocation(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
        switch event.type {
        case YAML_SCALAR_EVENT:
            nodes += 1
            if let anchor = Self.text(event.data.scalar.anchor) { anchorSizes[anchor] = 1 }
            countChild()
        case YAML_ALIAS_EVENT:
            let name = Self.text(event.data.alias.anchor) ?? ""
            if startsKey || open.last?.inKey == true {
                let place = startsKey ? "as a key" : "inside a key"
                return (
                    location,
                    "the alias *\(name) is used \(place); a spec's keys are words: write the key out "
                        + "(aliases may stand for values only)"
                )
            }
            // An alias to no anchor (or to its own collection) is left for Yams to report; it counts as one node.
            nodes += anchorSizes[name] ?? 1
            countChild()
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            let isMapping = event.type == YAML_MAPPING_START_EVENT
            let anchor = Self.text(isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor)
            let inKey = startsKey || open.last?.inKey == true
            nodes += 1
            open.append(Open(isMapping: isMapping, inKey: inKey, anchor: anchor, nodesBefore: nodes - 1))
            if open.count > YAMLLimits.maximumDepth { return (location, Self.tooDeep) }
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let closed = open.popLast() else { return nil }
            if let anchor = closed.anchor { anchorSizes[anchor] = nodes - closed.nodesBefore }
            countChild()
        default:
            return nil
        }
        guard nodes <= YAMLLimits.maximumNodes else {
            return (
                location,
                "the YAML has more than \(YAMLLimits.maximumNodes / 1_000_000) million nodes here, "
                    + "counting each alias (*name) as all it stands for; a spec has at most that many: write values "
                    + "out instead of nesting aliases, or split the spec"
            )
        }
        return nil
    }

    /// The next node is a key of the innermost mapping.
    private var startsKey: Bool {
        guard let last = open.last else { return false }
        return last.isMapping && last.children % 2 == 0
    }

    /// A node of the innermost collection has ended.
    private mutating func countChild() {
        guard !open.isEmpty else { return }
        open[open.count - 1].children += 1
    }

    private static func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}
