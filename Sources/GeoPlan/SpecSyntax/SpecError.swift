import Foundation

/// A problem in a spec file: where it is, what was found and what was expected.
///
/// `description` reads like a compiler's: `spec.yaml:12:5: unknown indicator type "cuont"; did you mean "count"?
/// (types: area, perimeter, …)`.
public struct SpecError: Error, Hashable, Sendable, CustomStringConvertible, LocalizedError {
    /// The spec file, when the text came from one.
    public var path: String?
    /// Where in the file; nil only when the problem is the file itself (missing, unreadable).
    public var location: SourceLocation?
    public var message: String

    public init(path: String? = nil, location: SourceLocation? = nil, message: String) {
        self.path = path
        self.location = location
        self.message = message
    }

    public var description: String {
        switch (path, location) {
        case let (path?, location?): "\(path):\(location.line):\(location.column): \(message)"
        case let (path?, nil): "\(path): \(message)"
        case let (nil, location?): "\(location): \(message)"
        case (nil, nil): message
        }
    }

    public var errorDescription: String? { description }
}
