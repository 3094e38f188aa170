import Foundation
import GeoplanTestSupport
import Testing

/// The shipped sample specs over all four provinces, with the generated inputs (samples/make_inputs.py).
@Suite struct SamplesTests {
    /// Points per province on a shared border and in no tambon, as `samples/make_inputs.py` reports them from its
    /// own ray-casting point-in-polygon test, and as GEOS (SpatiaLite `st_touches` / `st_within` over a GeoPackage
    /// of the facilities and tambons) confirmed when the samples were made.
    static let facilities: [String: (onBorder: Int, outside: Int)] = [
        "phuket": (7, 3), "nonthaburi": (21, 10), "samut-songkhram": (14, 7), "nakhon-pathom": (42, 21),
    ]

    @Test(arguments: ["phuket", "nonthaburi", "samut-songkhram", "nakhon-pathom"])
    func everyProvinceRunsAndWritesRFC7946GeoJSON(province: String) throws {
        let folder = try TemporaryFolder()
        let spec = Fixtures.root.appendingPathComponent("samples/\(province).yaml").path
        let result = try CommandRunner.run(["run", spec, "--out", folder.url.path, "--json", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let set = try #require((report["boundarySets"] as? [[String: Any]])?.first)
        let counters = try #require(set["counters"] as? [String: Int])
        let expected = try #require(Self.facilities[province])
        #expect(counters["facilities: points on a border"] == expected.onBorder)
        #expect(counters["facilities: points in no area"] == expected.outside)
        // The generator leaves one tambon out of the table and adds a code no tambon has.
        #expect(counters["population: areas without a table row"] == 1)
        #expect(counters["population: table codes matching no area"] == 1)
        let geojson = try String(contentsOfFile: folder.path("\(province)-tambons.geojson"), encoding: .utf8)
        #expect(RFC7946Checker(maximumDecimals: 7).violations(in: geojson) == [])
        // Facilities counted by kind add up to the total in every tambon.
        let features =
            (try JSONSerialization.jsonObject(with: Data(geojson.utf8)) as? [String: Any])?["features"]
            as? [[String: Any]] ?? []
        for feature in features {
            let properties = feature["properties"] as? [String: Any] ?? [:]
            let byKind = properties.filter { $0.key.hasPrefix("facilities_") }.compactMap { $0.value as? Int }
            #expect(byKind.reduce(0, +) == properties["facilities"] as? Int)
        }
    }
}
