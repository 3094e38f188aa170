import Foundation
import Locking
import Testing

@testable import GEOS

@Suite struct GEOSContextTests {
    @Test func theLibraryVersionIsTheCAPIVersionString() {
        // e.g. "3.11.1-CAPI-1.17.1" (Debian 12's libgeos-c1v5)
        let parts = GEOSContext.libraryVersion.split(separator: "-")
        #expect(parts.count == 3)
        #expect(parts.first?.split(separator: ".").compactMap { Int($0) }.count == 3)
        #expect(parts.dropFirst().first == "CAPI")
    }

    @Test func aFailureIsCapturedWithGEOSsWordsAndDoesNotLeakIntoTheNextCall() throws {
        let context = try GEOSContext()
        #expect(throws: GEOSError.self) { try Geometry(wkt: "POLYGON ((0 0, 1 1", context: context) }
        #expect(context.lastError == "ParseException: Expected word but encountered end of stream")

        // The next call succeeds and leaves no message behind.
        let point = try Geometry(wkt: "POINT (1 2)", context: context)
        #expect(context.lastError == nil)
        #expect(try point.coordinates == [XY(1, 2)])
    }

    @Test func messagesEndingInANewlineAreTrimmed() throws {
        // GEOS 3.11 ends this message with "\n".
        let context = try GEOSContext()
        #expect(
            throws: GEOSError.invalidInput(
                function: "GEOSWKTReader_read_r",
                message: "IllegalArgumentException: point array must contain 0 or >1 elements")
        ) { try Geometry(wkt: "LINESTRING (0 0)", context: context) }
    }

    @Test func anErrorInOneContextIsNotSeenByAnother() throws {
        let first = try GEOSContext()
        let second = try GEOSContext()
        _ = try? Geometry(wkt: "nonsense", context: first)
        #expect(first.lastError != nil)
        #expect(second.lastError == nil)
        _ = try Geometry(wkt: "POINT (0 0)", context: second)
        #expect(second.lastError == nil)
    }

    @Test func oneContextPerThreadRunsConcurrentlyWithoutSharedState() throws {
        // Each iteration has its own context; half of them fail on purpose. Every result must be the one
        // computed alone: a shared message slot or shared geometry would mix them up.
        let iterations = 32
        let results = LockedBox([Int: ContextResult]())
        DispatchQueue.concurrentPerform(iterations: iterations) { index in
            do {
                let context = try GEOSContext()
                let side = Double(index + 1)
                let square = try Geometry.polygon(
                    exterior: [XY(0, 0), XY(side, 0), XY(side, side), XY(0, side), XY(0, 0)], context: context)
                var area = 0.0
                for _ in 0..<20 {
                    area = try square.buffer(distance: 0).union(square).area
                }
                if index.isMultiple(of: 2) {
                    _ = try? Geometry(wkt: "POLYGON ((\(index)", context: context)
                    results.withLock { $0[index] = ContextResult(area: area, message: context.lastError) }
                } else {
                    _ = try Geometry(wkt: "POINT (\(index) 0)", context: context)
                    results.withLock { $0[index] = ContextResult(area: area, message: context.lastError) }
                }
            } catch {
                results.withLock { $0[index] = ContextResult(area: -1, message: "\(error)") }
            }
        }
        for index in 0..<iterations {
            let result = try #require(results.current[index])
            let side = Double(index + 1)
            #expect(result.area == side * side)  // exact: integer coordinates
            if index.isMultiple(of: 2) {
                #expect(result.message?.hasPrefix("ParseException") == true)
            } else {
                #expect(result.message == nil)
            }
        }
    }
}

/// What one thread of `oneContextPerThreadRunsConcurrentlyWithoutSharedState` computed.
struct ContextResult: Sendable {
    var area: Double
    var message: String?
}
