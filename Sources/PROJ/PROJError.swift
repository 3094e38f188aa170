/// A failure reported by PROJ, with PROJ's own words (`message`), the C function that failed and what we were
/// doing. `description` is written for a planner: `cannot understand CRS "EPSG:99999": crs not found`.
public enum PROJError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A CRS definition PROJ cannot understand, or one that describes something other than a CRS.
    case invalidDefinition(definition: String, message: String)
    /// An operation definition (`OperationChoice.definition`) that PROJ cannot understand, that is not an
    /// operation, or that does not join the two CRSs.
    case invalidOperation(definition: String, message: String)
    /// No coordinate operation between two CRSs.
    case noOperation(source: String, target: String, message: String)
    /// A position that could not be transformed: its index in the batch (nil for a single position) and its
    /// input value.
    case transformFailed(function: String, message: String, index: Int?, x: Double, y: Double)
    /// A call made wrongly (a stride too small, CRSs from another context), not a PROJ failure.
    case invalidArgument(function: String, message: String)
    /// Any other PROJ failure.
    case library(function: String, message: String)

    public var description: String {
        switch self {
        case let .invalidDefinition(definition, message):
            return "cannot understand CRS \"\(Self.excerpt(definition))\": \(message)"
        case let .invalidOperation(definition, message):
            return "cannot use coordinate operation \"\(Self.excerpt(definition))\": \(message)"
        case let .noOperation(source, target, message):
            return "PROJ knows no coordinate operation from \(source) to \(target): \(message)"
        case let .transformFailed(_, message, index, x, y):
            let which = index.map { "position \($0) " } ?? "position "
            return "cannot transform \(which)(\(x), \(y)): \(message)"
        case let .invalidArgument(function, message):
            return "\(function): \(message)"
        case let .library(function, message):
            return "PROJ's \(function) failed: \(message)"
        }
    }

    /// A definition on one line, cut to 100 characters (a WKT is long and multi-line).
    static func excerpt(_ definition: String) -> String {
        let oneLine = definition.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return oneLine.count <= 100 ? oneLine : "\(oneLine.prefix(99))…"
    }
}
