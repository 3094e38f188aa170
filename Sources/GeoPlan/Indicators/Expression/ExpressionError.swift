/// A syntax error in an expression: what was wrong, where, and the whole text, e.g.
/// `unexpected ")" at character 8 of "a / (b))"`. The message counts characters from 1, as people do;
/// `offset` counts them from 0 (`text.count` when the text ended too soon).
public struct ExpressionError: Error, Hashable, Sendable, CustomStringConvertible {
    public let message: String
    /// 0-based character offset into the text.
    public let offset: Int

    public init(message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }

    public var description: String { message }
}
