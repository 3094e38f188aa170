import Foundation
import GeoplanTestSupport
import Testing

/// A polygon with a vertex at latitude 95 (a careless or hostile input) has no finite geodesic area: the commands
/// that show it in rai-ngan-wa must not trap (they did, converting NaN to Int).
@Suite struct BeyondThePoleTests {
    static func input(_ folder: TemporaryFolder) throws -> String {
        try folder.write(
            """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"X1"},
            "geometry":{"type":"Polygon","coordinates":[[[100,80],[101,80],[101,95],[100,80]]]}}]}
            """, to: "lat95.geojson")
    }

    @Test(arguments: [["measure"], ["measure", "--unit", "rai"], ["area", "--unit", "rai"]])
    func noTrap(_ command: [String]) throws {
        let folder = try TemporaryFolder()
        let path = try Self.input(folder)
        let result = try CommandRunner.run([command[0], path] + command.dropFirst())
        #expect(result.status < 128, "\(command): trapped with \(result.status): \(result.stderr)")
        #expect([0, 1].contains(result.status), "\(command): \(result.stderr)")
    }
}
