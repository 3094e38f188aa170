/// A failure reported by GEOS or found by the wrapper, with GEOS's own words and the C function that failed.
///
/// GEOS does not know which file, layer or feature a geometry came from; the engine wraps these errors
/// with that location. Descriptions read like
/// `GEOSIntersection_r failed: TopologyException: Input geom 0 is invalid: Self-intersection at 0.5 0.5`.
public enum GEOSError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A GEOS call reported an exception; `message` is what GEOS said.
    case library(function: String, message: String)
    /// WKB or WKT that GEOS cannot read; `message` is the reader's (e.g. `ParseException: …`).
    case invalidInput(function: String, message: String)
    /// The operation needs another kind of geometry.
    case wrongGeometryType(operation: String, expected: [GeometryType], got: GeometryType)
    /// Two objects made with different ``GEOSContext``s were combined; contexts belong to one thread each.
    case contextMismatch(operation: String)
    /// An index past the end of a collection or a polygon's holes.
    case indexOutOfRange(operation: String, index: Int, count: Int)
    /// The operation has no meaning for an empty geometry (e.g. the distance to nothing).
    case emptyGeometry(operation: String)
    /// An ``STRtree`` takes no insertions once built (by ``STRtree/build()`` or its first query).
    case treeAlreadyBuilt

    /// A sentence for a planner or a log, naming the C function and quoting GEOS.
    public var description: String {
        switch self {
        case let .library(function, message):
            return "\(function) failed: \(message)"
        case let .invalidInput(function, message):
            return "cannot read geometry (\(function)): \(message)"
        case let .wrongGeometryType(operation, expected, got):
            let names = expected.map(\.description).joined(separator: " or ")
            return "\(operation) needs a \(names), not a \(got)"
        case let .contextMismatch(operation):
            return "\(operation): the geometries belong to different GEOS contexts; "
                + "use one context per thread and make every geometry of a computation with it"
        case let .indexOutOfRange(operation, index, count):
            return "\(operation): index \(index) is out of range (count \(count))"
        case let .emptyGeometry(operation):
            return "\(operation) is undefined for an empty geometry"
        case .treeAlreadyBuilt:
            return "the STRtree is already built (by build() or a first query) and takes no more insertions; "
                + "insert everything first"
        }
    }
}
