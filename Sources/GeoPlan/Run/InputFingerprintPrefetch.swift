import Foundation
import Locking

/// The inputs' fingerprints for the provenance record, computed on a thread of their own from the start of a
/// run: reading and hashing every input (hundreds of megabytes on a national run) overlaps the run's
/// single-threaded loading instead of adding to its end, and an input several boundary sets read is hashed once.
final class InputFingerprintPrefetch: Sendable {
    private let fingerprints = LockedBox<[String: (fnv1a64: String?, bytes: Int?)]>([:])
    private let done = DispatchSemaphore(value: 0)
    private let paths: Set<String>

    init(paths: [String]) {
        self.paths = Set(paths)
        let ordered = Array(self.paths).sorted()
        let thread = Thread { [fingerprints, done] in
            for path in ordered {
                let fingerprint = InputFingerprint.of(path)
                fingerprints.withLock { $0[path] = fingerprint }
            }
            done.signal()
        }
        thread.start()
    }

    /// The fingerprint of `path`, waiting for the thread if it has not got there yet; one it was not asked for is
    /// computed now.
    func of(_ path: String) -> (fnv1a64: String?, bytes: Int?) {
        guard paths.contains(path) else { return InputFingerprint.of(path) }
        if let known = fingerprints.withLock({ $0[path] }) { return known }
        done.wait()
        done.signal()  // for the next caller
        return fingerprints.withLock { $0[path] } ?? InputFingerprint.of(path)
    }
}
