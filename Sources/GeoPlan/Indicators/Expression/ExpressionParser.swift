/// Recursive descent, one loop per precedence level (left associative), lexing on demand so that the first error
/// reported is the leftmost one:
///
///     sum     := product (("+" | "-") product)*
///     product := unary (("*" | "/") unary)*
///     unary   := ("+" | "-")* primary
///     primary := number | name | name "(" [sum ("," sum)*] ")" | "(" sum ")"
///
/// Signs are counted in a loop and chains are flat, so only parentheses and calls recurse; their depth is capped,
/// which keeps parsing, evaluation and the tree's deinit off the end of the stack whatever the input. Parsing is
/// linear in the length; a spec caps the length too (`maximumLength`), since a planner's formula is a line or two
/// and every message about it quotes it whole.
struct ExpressionParser {
    static let maximumDepth = 100
    static let maximumLength = 10_000

    /// The error for a text longer than `maximumLength`, at the first character past it (not quoting the text).
    static func tooLong(_ text: String) -> ExpressionError? {
        let length = text.count
        guard length > maximumLength else { return nil }
        return ExpressionError(
            message: "the expression is \(length) characters long; an expression has at most "
                + "\(maximumLength)", offset: maximumLength)
    }

    private enum Kind: Equatable {
        case number(Double)
        case name(String)
        case symbol(Character)
        case end
    }

    private struct Token {
        let kind: Kind
        let offset: Int
        let length: Int
    }

    private let text: String
    private let characters: [Character]
    private var position = 0
    private var token = Token(kind: .end, offset: 0, length: 0)
    private var depth = 0

    init(_ text: String) {
        self.text = text
        characters = Array(text)
    }

    mutating func parse() throws -> Expression.Node {
        try advance()
        let node = try parseSum()
        switch token.kind {
        case .end: return node
        case .symbol(")"): throw error("unexpected \")\"", at: token.offset)
        default: throw error("expected an operator, found \(quoted(token))", at: token.offset)
        }
    }

    // MARK: - Grammar

    private mutating func parseSum() throws -> Expression.Node {
        let first = try parseProduct()
        var links: [Expression.Link] = []
        while case let .symbol(symbol) = token.kind, symbol == "+" || symbol == "-" {
            try advance()
            links.append(Expression.Link(op: symbol == "+" ? .add : .subtract, operand: try parseProduct()))
        }
        return links.isEmpty ? first : .chain(first, links)
    }

    private mutating func parseProduct() throws -> Expression.Node {
        let first = try parseUnary()
        var links: [Expression.Link] = []
        while case let .symbol(symbol) = token.kind, symbol == "*" || symbol == "/" {
            try advance()
            links.append(Expression.Link(op: symbol == "*" ? .multiply : .divide, operand: try parseUnary()))
        }
        return links.isEmpty ? first : .chain(first, links)
    }

    private mutating func parseUnary() throws -> Expression.Node {
        var negative = false
        while case let .symbol(symbol) = token.kind, symbol == "+" || symbol == "-" {
            if symbol == "-" { negative.toggle() }
            try advance()
        }
        let operand = try parsePrimary()
        return negative ? .negate(operand) : operand
    }

    private mutating func parsePrimary() throws -> Expression.Node {
        let start = token
        switch start.kind {
        case let .number(value):
            try advance()
            return .number(value)
        case let .name(name):
            try advance()
            guard token.kind == .symbol("(") else { return .name(name) }
            return try parseCall(name, at: start.offset)
        case .symbol("("):
            try enter(at: start.offset)
            try advance()
            let inner = try parseSum()
            try expectClose(#"an operator or ")""#)
            depth -= 1
            return inner
        case .end:
            throw error(#"expected a number, name or "(""#, at: start.offset)
        case .symbol:
            throw error(#"expected a number, name or "(", found "# + quoted(start), at: start.offset)
        }
    }

    /// `token` is the call's "(".
    private mutating func parseCall(_ name: String, at offset: Int) throws -> Expression.Node {
        guard let function = Expression.Function(rawValue: name) else {
            let names = Expression.Function.allCases.map(\.rawValue).joined(separator: ", ")
            throw error("unknown function \"\(name)\"", at: offset, then: "; functions: \(names)")
        }
        try enter(at: offset)
        try advance()
        var arguments: [Expression.Node] = []
        if token.kind != .symbol(")") {
            arguments.append(try parseSum())
            while token.kind == .symbol(",") {
                try advance()
                arguments.append(try parseSum())
            }
        }
        try expectClose(#"an operator, "," or ")""#)
        depth -= 1
        let arity = function.arity
        guard arity.contains(arguments.count) else {
            let count =
                arity.upperBound == Int.max
                ? "at least \(arity.lowerBound)"
                : arity.count == 1 ? "\(arity.lowerBound)" : "\(arity.lowerBound) or \(arity.upperBound)"
            let noun = arity == 1...1 ? "argument" : "arguments"
            throw error("\(name) takes \(count) \(noun), not \(arguments.count),", at: offset)
        }
        return .call(function, arguments)
    }

    private mutating func enter(at offset: Int) throws {
        depth += 1
        guard depth <= Self.maximumDepth else {
            throw error("parentheses and calls nested more than \(Self.maximumDepth) deep", at: offset)
        }
    }

    private mutating func expectClose(_ expected: String) throws {
        switch token.kind {
        case .symbol(")"): try advance()
        case .end: throw error("expected \(expected)", at: token.offset)
        default: throw error("expected \(expected), found \(quoted(token))", at: token.offset)
        }
    }

    // MARK: - Lexer

    /// Reads the next token into `token`.
    private mutating func advance() throws {
        while position < characters.count, characters[position].isWhitespace { position += 1 }
        let start = position
        guard start < characters.count else {
            token = Token(kind: .end, offset: start, length: 0)
            return
        }
        let first = characters[start]
        if Self.isDigit(first) || first == "." {
            token = try lexNumber()
        } else if Self.isNameStart(first) {
            while position < characters.count, Self.isNameCharacter(characters[position]) { position += 1 }
            token = Token(kind: .name(String(characters[start..<position])), offset: start, length: position - start)
        } else if "+-*/(),".contains(first) {
            position += 1
            token = Token(kind: .symbol(first), offset: start, length: 1)
        } else {
            throw error("unexpected \"\(first)\"", at: start)
        }
    }

    /// digits ["." digits] or "." digits, then an optional exponent `e[+-]digits`.
    private mutating func lexNumber() throws -> Token {
        let start = position
        let mantissa = skipDigits()
        var valid = true
        if position < characters.count, characters[position] == "." {
            position += 1
            valid = skipDigits() + mantissa > 0
        } else {
            valid = mantissa > 0
        }
        if position < characters.count, characters[position] == "e" || characters[position] == "E" {
            position += 1
            if position < characters.count, characters[position] == "+" || characters[position] == "-" {
                position += 1
            }
            valid = valid && skipDigits() > 0
        }
        // "1.2.3", "1e5.2": swallow the rest of the would-be number so the message shows all of it.
        while position < characters.count, Self.isDigit(characters[position]) || characters[position] == "." {
            valid = false
            position += 1
        }
        let literal = String(characters[start..<position])
        guard valid, let value = Double(literal) else {
            throw error("\"\(literal)\" is not a number", at: start)
        }
        guard value.isFinite else { throw error("\"\(literal)\" is too large for a number", at: start) }
        return Token(kind: .number(value), offset: start, length: position - start)
    }

    private mutating func skipDigits() -> Int {
        let start = position
        while position < characters.count, Self.isDigit(characters[position]) { position += 1 }
        return position - start
    }

    private static func isDigit(_ character: Character) -> Bool {
        character.isASCII && character.isNumber
    }

    private static func isNameStart(_ character: Character) -> Bool {
        character == "_" || (character.isASCII && character.isLetter)
    }

    private static func isNameCharacter(_ character: Character) -> Bool {
        isNameStart(character) || isDigit(character)
    }

    // MARK: - Messages

    private func quoted(_ token: Token) -> String {
        "\"" + String(characters[token.offset..<(token.offset + token.length)]) + "\""
    }

    private func error(_ what: String, at offset: Int, then suffix: String = "") -> ExpressionError {
        let place = offset < characters.count ? "at character \(offset + 1) of" : "at the end of"
        return ExpressionError(message: "\(what) \(place) \"\(text)\"\(suffix)", offset: offset)
    }
}
