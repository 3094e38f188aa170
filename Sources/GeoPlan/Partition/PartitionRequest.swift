import Foundation

/// Which share of a boundary set a run computes: partition `index` of `count` (`--partition 3/8`), both counted
/// from 1 as a planner says them.
public struct PartitionRequest: Sendable, Hashable, CustomStringConvertible {
    /// 1 ≤ index ≤ count.
    public let index: Int
    /// The number of partitions, at least 1.
    public let count: Int

    /// Checks 1 ≤ index ≤ count.
    public init(index: Int, count: Int) throws {
        guard count >= 1, (1...count).contains(index) else {
            throw PartitionRequestError(text: "\(index)/\(count)")
        }
        self.index = index
        self.count = count
    }

    /// Parses "K/N", e.g. "3/8"; spaces around the numbers are allowed.
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2,
            let index = Int(parts[0].trimmingCharacters(in: .whitespaces)),
            let count = Int(parts[1].trimmingCharacters(in: .whitespaces)),
            count >= 1, (1...count).contains(index)
        else {
            throw PartitionRequestError(text: text)
        }
        self.index = index
        self.count = count
    }

    /// "3/8".
    public var description: String { "\(index)/\(count)" }
}

/// `--partition` text that is not K/N with 1 ≤ K ≤ N.
public struct PartitionRequestError: Error, Hashable, Sendable, CustomStringConvertible {
    public let text: String

    public var description: String {
        "--partition must be K/N with 1 ≤ K ≤ N, e.g. 3/8; got \"\(text)\""
    }
}
