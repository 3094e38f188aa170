/// A DBF whose text encoding cannot be examined. Every message names the file and says what to do.
public enum EncodingDetectionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file could not be opened or read.
    case unreadable(path: String, reason: String)
    /// The file ends before the header it announces does.
    case truncatedHeader(path: String, reason: String)
    /// The header's numbers contradict each other.
    case corruptHeader(path: String, reason: String)

    public var path: String {
        switch self {
        case let .unreadable(path, _), let .truncatedHeader(path, _), let .corruptHeader(path, _): path
        }
    }

    public var description: String {
        switch self {
        case let .unreadable(path, reason):
            "cannot read \"\(path)\": \(reason)"
        case let .truncatedHeader(path, reason):
            "\"\(path)\" is cut short: \(reason); copy the Shapefile's .dbf again from its source"
        case let .corruptHeader(path, reason):
            "\"\(path)\" is not a valid dBASE table (a Shapefile's attributes): \(reason)"
        }
    }
}
