import Foundation

/// Arithmetic over indicator ids, as planners write it in `ratio` and `expression` indicators:
/// `schools / population * 10000`, `(road_km) / area_km2`, `-x + 2.5e3`, `max(a, b)`.
///
/// Numbers (`12`, `0.5`, `.5`, `2.5e3`), identifiers (`[A-Za-z_][A-Za-z0-9_]*`), `+ - * /` with the usual
/// precedence and left associativity, unary signs, parentheses and the functions `min`, `max`, `abs`, `sqrt`,
/// `round(x)` / `round(x, digits)`, `log` (natural) and `log10`.
///
/// Evaluation is null-safe: a nil operand, a division by zero, or any non-finite literal, intermediate or result
/// (an overflow, `sqrt` of a negative, `log` of zero or less) gives nil. `evaluate` never returns infinity or NaN;
/// `evaluateKeepingOverflow` tells an overflow apart, for a run to say how many values overflowed.
public struct Expression: Hashable, Sendable {
    public let text: String
    let root: Node

    public init(_ text: String) throws {
        self.text = text
        var parser = ExpressionParser(text)
        root = try parser.parse()
    }

    // The tree is a function of the text, so the text alone decides equality.
    public static func == (lhs: Expression, rhs: Expression) -> Bool { lhs.text == rhs.text }
    public func hash(into hasher: inout Hasher) { hasher.combine(text) }

    /// Every identifier the expression reads (function names excluded).
    public var identifiers: Set<String> {
        var found = Set<String>()
        root.collectNames(into: &found)
        return found
    }

    /// The value, with `values` giving each identifier's value (nil for null); nil when it is undefined.
    public func evaluate(_ values: (String) -> Double?) -> Double? {
        guard let result = evaluateKeepingOverflow(values), result.isFinite else { return nil }
        return result
    }

    /// As `evaluate`, but an overflow anywhere gives ±infinity instead of nil, so that a caller can tell it from
    /// an undefined value (a null operand, a division by zero) and report it.
    public func evaluateKeepingOverflow(_ values: (String) -> Double?) -> Double? {
        guard let result = root.value(values) else { return nil }
        return result == 0 ? 0 : result  // no "-0" in outputs
    }
}

// MARK: - Tree

extension Expression {
    enum Operator: Character, Hashable, Sendable {
        case add = "+"
        case subtract = "-"
        case multiply = "*"
        case divide = "/"
    }

    /// One `op operand` step of a left-associative chain.
    struct Link: Hashable, Sendable {
        let op: Operator
        let operand: Node
    }

    enum Function: String, CaseIterable, Sendable {
        case min, max, abs, sqrt, round, log, log10

        var arity: ClosedRange<Int> {
            switch self {
            case .min, .max: 1...Int.max
            case .round: 1...2
            case .abs, .sqrt, .log, .log10: 1...1
            }
        }
    }

    /// Chains (`a + b - c`, `a * b / c`) are flat lists, so a long sum does not make a deep tree: only parentheses
    /// and calls nest, and the parser bounds that.
    indirect enum Node: Hashable, Sendable {
        case number(Double)
        case name(String)
        case negate(Node)
        case chain(Node, [Link])
        case call(Function, [Node])
    }
}

extension Expression.Node {
    func collectNames(into found: inout Set<String>) {
        switch self {
        case .number: break
        case let .name(name): found.insert(name)
        case let .negate(inner): inner.collectNames(into: &found)
        case let .chain(first, links):
            first.collectNames(into: &found)
            for link in links { link.operand.collectNames(into: &found) }
        case let .call(_, arguments):
            for argument in arguments { argument.collectNames(into: &found) }
        }
    }

    /// nil for null, a division by zero or an undefined function value; ±infinity for an overflow, which ends the
    /// evaluation there (a later step must not bring it back: `1e308 * 10 / 100` overflowed). Only an overflow
    /// makes a non-finite value: the operands of every step are finite and no divisor is zero.
    func value(_ values: (String) -> Double?) -> Double? {
        switch self {
        case let .number(number):
            return finiteOrNil(number)
        case let .name(name):
            return finiteOrNil(values(name))
        case let .negate(inner):
            return inner.value(values).map { -$0 }
        case let .chain(first, links):
            guard var result = first.value(values) else { return nil }
            for link in links {
                guard result.isFinite else { return result }
                guard let operand = link.operand.value(values) else { return nil }
                guard operand.isFinite else { return operand }
                let next: Double
                switch link.op {
                case .add: next = result + operand
                case .subtract: next = result - operand
                case .multiply: next = result * operand
                case .divide:
                    guard operand != 0 else { return nil }
                    next = result / operand
                }
                result = next
            }
            return result
        case let .call(function, arguments):
            var xs: [Double] = []
            xs.reserveCapacity(arguments.count)
            for argument in arguments {
                guard let x = argument.value(values) else { return nil }
                guard x.isFinite else { return x }
                xs.append(x)
            }
            return Self.apply(function, xs)
        }
    }

    /// `xs` are finite and as many as the function's arity (the parser checked).
    private static func apply(_ function: Expression.Function, _ xs: [Double]) -> Double? {
        guard let x = xs.first else { return nil }
        switch function {
        case .min: return xs.min()
        case .max: return xs.max()
        case .abs: return Swift.abs(x)
        case .sqrt: return x < 0 ? nil : finiteOrNil(x.squareRoot())
        case .log: return x <= 0 ? nil : finiteOrNil(Foundation.log(x))
        case .log10: return x <= 0 ? nil : finiteOrNil(Foundation.log10(x))
        case .round: return round(x, digits: xs.count > 1 ? xs[1] : 0)
        }
    }

    /// Half away from zero (schoolbook rounding); `digits` may be negative (`round(1250, -2)` = 1300) and is
    /// itself rounded to a whole number.
    private static func round(_ x: Double, digits: Double) -> Double? {
        let places = digits.rounded(.toNearestOrAwayFromZero)
        if places > 308 { return x }  // finer than any double's decimal places
        if places < -308 { return 0 }  // coarser than any finite double
        if places >= 0 {
            let scale = Foundation.pow(10, places)
            let scaled = x * scale
            // Past 2^53 a double has no fraction left to round.
            guard scaled.isFinite, Swift.abs(scaled) < 0x1p53 else { return x }
            return finiteOrNil(scaled.rounded(.toNearestOrAwayFromZero) / scale)
        }
        let scale = Foundation.pow(10, -places)
        return finiteOrNil((x / scale).rounded(.toNearestOrAwayFromZero) * scale)
    }
}

private func finiteOrNil(_ value: Double?) -> Double? {
    guard let value, value.isFinite else { return nil }
    return value
}
