import Foundation
import Locking
import Testing

@Suite struct LockedBoxTests {
    /// Many threads adding to one box at once lose no update (run under ThreadSanitizer by `make sanitize-thread`).
    @Test func concurrentUpdatesAreNeverLost() {
        let box = LockedBox(0)
        let log = LockedBox([Int]())
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            for step in 0..<1_000 {
                box.withLock { $0 += 1 }
                if step.isMultiple(of: 250) { log.withLock { $0.append(worker) } }
            }
        }
        #expect(box.current == 8_000)
        #expect(log.current.count == 32 && Set(log.current) == Set(0..<8))
    }

    @Test func aReaderSeesWholeUpdatesOnly() {
        // Two fields changed together under the lock: a reader on another thread never sees one without the other.
        let pair = LockedBox((a: 0, b: 0))
        let torn = LockedBox(false)
        DispatchQueue.concurrentPerform(iterations: 2) { role in
            for _ in 0..<5_000 {
                if role == 0 {
                    pair.withLock {
                        $0.a += 1
                        $0.b += 1
                    }
                } else if pair.withLock({ $0.a != $0.b }) {
                    torn.withLock { $0 = true }
                }
            }
        }
        #expect(!torn.current)
        #expect(pair.withLock { $0.a } == 5_000)
    }

    @Test func resultsAndErrorsPassThrough() throws {
        struct Refused: Error {}
        let box = LockedBox(["a": 1])
        #expect(box.withLock { $0["a"] } == 1)
        #expect(throws: Refused.self) { try box.withLock { _ in throw Refused() } }
        // The lock is free again after a throw.
        box.withLock { $0["b"] = 2 }
        #expect(box.current == ["a": 1, "b": 2])
    }
}
