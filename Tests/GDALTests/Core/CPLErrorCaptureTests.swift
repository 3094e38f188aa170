import Foundation
import GeoplanTestSupport
import Locking
import Testing

@testable import GDAL

@Suite struct CPLErrorCaptureTests {
    @Test func aFailureIsCapturedAndDoesNotLeakIntoTheNextCall() throws {
        let failed = withCPLErrorCapture { capture -> String in
            _ = try? SpatialReference(definition: "not a crs at all")
            return capture.lastFailure
        }
        _ = failed
        let clean = withCPLErrorCapture { capture in capture.messages }
        #expect(clean.isEmpty)
    }

    @Test func capturesOnEachThreadSeparately() throws {
        // Each thread has its own handler stack: errors raised on one never appear in another's capture.
        let results = LockedBox([Int: String]())
        DispatchQueue.concurrentPerform(iterations: 8) { index in
            let message = withCPLErrorCapture { capture -> String in
                if index.isMultiple(of: 2) {
                    _ = try? Dataset.open("/vsimem/missing-\(index).geojson")
                }
                return capture.lastFailure
            }
            results.withLock { $0[index] = message }
        }
        for index in 0..<8 where !index.isMultiple(of: 2) {
            #expect(results.current[index] == "")
        }
    }
}
