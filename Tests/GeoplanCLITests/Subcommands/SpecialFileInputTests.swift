import Foundation
import GeoplanTestSupport
import Testing

/// A FIFO or a device given as an input is refused at once with what it is, instead of blocking forever (a FIFO
/// with no writer) or reading without end.
@Suite struct SpecialFileInputTests {
    @Test func aFIFOAsBoundariesIsRefusedAtOnce() throws {
        let folder = try TemporaryFolder()
        let fifo = folder.path("boundaries.shp")
        #expect(mkfifo(fifo, 0o644) == 0)
        let started = Date()
        for command in [["info", fifo], ["measure", fifo], ["convert", fifo, folder.path("out.geojson")]] {
            let result = try CommandRunner.run(command)
            #expect(result.status == 1, "\(command): \(result.stderr)")
            #expect(result.stderr.contains("FIFO"), "\(command): \(result.stderr)")
        }
        #expect(Date().timeIntervalSince(started) < 30)
    }

    @Test func aDeviceAsInputIsRefused() throws {
        let result = try CommandRunner.run(["info", "/dev/zero"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("character device"), "\(result.stderr)")
    }

    @Test func aFIFOOrADeviceAsTheSpecIsRefusedAtOnce() throws {
        let folder = try TemporaryFolder()
        let fifo = folder.path("spec.yaml")
        #expect(mkfifo(fifo, 0o644) == 0)
        for spec in [fifo, "/dev/zero"] {
            let result = try CommandRunner.run(["run", spec])
            #expect(result.status == 1, "\(spec): \(result.stderr)")
            #expect(result.stderr.contains("not a regular file"), "\(spec): \(result.stderr)")
        }
    }
}
