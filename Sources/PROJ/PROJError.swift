/// A failure reported by PROJ, with PROJ's own words and what we were doing.
public enum PROJError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A CRS or operation definition PROJ cannot understand, or one that is not what was asked for.
    case invalidDefinition(definition: String, message: String)
    /// No coordinate operation between two CRSs.
    case noOperation(source: String, target: String, message: String)
    /// A coordinate that could not be transformed: its index in the batch and its value.
    case transformFailed(function: String, message: String, index: Int?, x: Double, y: Double)
    /// Any other PROJ failure.
    case library(function: String, message: String)

    public var description: String {
        switch self {
        case let .invalidDefinition(definition, message):
            return "cannot understand \"\(definition.prefix(120))\": \(message)"
        case let .noOperation(source, target, message):
            return "PROJ finds no way to transform from \(source) to \(target): \(message)"
        case let .transformFailed(_, message, index, x, y):
            let which = index.map { "coordinate \($0) " } ?? "coordinate "
            return "cannot transform \(which)(\(x), \(y)): \(message)"
        case let .library(function, message):
            return "\(function) failed: \(message)"
        }
    }
}
