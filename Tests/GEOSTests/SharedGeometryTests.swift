import Foundation
import Locking
import Testing

@testable import GEOS

@Suite struct SharedGeometryTests {
    /// Workers on other threads copy the same shared geometries at once, each into its own context: every copy
    /// equals the original exactly, and the original is untouched.
    @Test func threadsCopyASharedGeometryIntoTheirOwnContexts() throws {
        let owner = try GEOSContext()
        let source = try Geometry(
            wkt: "MULTIPOLYGON (((0 0, 4 0, 4 3, 0 3, 0 0), (1 1, 2 1, 2 2, 1 2, 1 1)), "
                + "((10 10, 11 10, 11 11, 10 10)))",
            context: owner)
        let original = try source.wkb(includeZ: false)
        let shared = SharedGeometry(source)
        let copies = LockedBox<[[UInt8]]>([])
        let failures = LockedBox<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            do {
                let context = try GEOSContext()
                for _ in 0..<50 {
                    let copy = try shared.copy(in: context)
                    guard copy.context === context else { throw GEOSError.contextMismatch(operation: "copy") }
                    let bytes = try copy.wkb(includeZ: false)
                    copies.withLock { $0.append(bytes) }
                }
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        #expect(failures.withLock { $0 }.isEmpty)
        let all = copies.withLock { $0 }
        #expect(all.count == 400)
        #expect(all.allSatisfy { $0 == original })
        #expect(try source.wkb(includeZ: false) == original)
        #expect(try source.bounds == Envelope(minX: 0, minY: 0, maxX: 11, maxY: 11))
    }
}
