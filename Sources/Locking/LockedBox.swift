import Foundation

/// A value that several threads share, reached only under a lock: `box.withLock { $0 += 1 }`.
///
/// `Synchronization.Mutex` does this job but needs macOS 15, and the package supports macOS 13. As with `Mutex`,
/// the value and results pass in and out as `sending` (SE-0430), which lets the box be `Sendable` whatever it
/// holds.
public final class LockedBox<Value>: @unchecked Sendable {
    // @unchecked Sendable: `value` is read and written only in `withLock`, under `lock`.
    private let lock = NSLock()
    private var value: Value

    public init(_ initialValue: sending Value) {
        value = initialValue
    }

    /// Runs `body` with the value, holding the lock; what `body` returns (or throws) is passed on.
    /// Do not call `withLock` on the same box inside `body`: `NSLock` is not recursive.
    public func withLock<Result>(_ body: (inout sending Value) throws -> sending Result) rethrows -> sending Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}

extension LockedBox where Value: Sendable {
    /// A copy of the value as it is now.
    public var current: Value {
        withLock { $0 }
    }
}
