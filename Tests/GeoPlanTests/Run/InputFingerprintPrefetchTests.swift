import Foundation
import GeoplanTestSupport
import Locking
import Testing

@testable import GeoPlan

/// The fingerprints hashed ahead on a thread of their own are those `InputFingerprint` gives, for every caller,
/// and a path not asked for ahead is hashed when asked.
@Suite struct InputFingerprintPrefetchTests {
    @Test func prefetchedFingerprintsAreTheFilesOwn() throws {
        let folder = try TemporaryFolder()
        let paths = try (0..<5).map { index in
            try folder.write(String(repeating: "tambon \(index) ", count: 50_000 * (index + 1)), to: "\(index).csv")
        }
        let prefetch = InputFingerprintPrefetch(paths: paths + [paths[0]])
        let other = try folder.write("not prefetched", to: "other.csv")
        let answers = LockedBox<[String: [String?]]>([:])
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            for path in paths.reversed() + [other] {
                let answer = prefetch.of(path).fnv1a64
                answers.withLock { $0[path, default: []].append(answer) }
            }
        }
        for path in paths + [other] {
            let expected = InputFingerprint.of(path)
            #expect(expected.fnv1a64 != nil)
            #expect(answers.withLock { $0[path] } == Array(repeating: expected.fnv1a64, count: 4), "\(path)")
            #expect(prefetch.of(path).bytes == expected.bytes)
        }
        #expect(prefetch.of(folder.path("missing.csv")).fnv1a64 == nil)
    }
}
