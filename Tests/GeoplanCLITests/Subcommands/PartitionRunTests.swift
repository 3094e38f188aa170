import Foundation
import GeoplanTestSupport
import Testing

/// `geoplan run --partition K/N` then `geoplan merge`: the merged GeoJSON and CSV are byte for byte the single
/// run's, over the 77 provinces (by English name: no hierarchy, so each is its own group) with Nonthaburi's sample
/// facilities, roads and land use.
@Suite struct PartitionRunTests {
    @Test func partitionsMergedEqualTheSingleRun() throws {
        let folder = try TemporaryFolder()
        let samples = Fixtures.root.appendingPathComponent("samples/nonthaburi").path
        let spec = try folder.write(
            """
            boundaries:
              - name: provinces
                path: \(Fixtures.provinces)
                id: ADM1_EN
                names: [ADM1_TH]
            inputs:
              - {name: facilities, type: points, path: \(samples)/facilities.geojson}
              - {name: roads, type: lines, path: \(samples)/roads.geojson}
              - {name: landuse, type: polygons, path: \(samples)/landuse.geojson}
            indicators:
              - {id: area_km2, type: area}
              - {id: facilities, type: count, input: facilities, by: kind}
              - {id: road_km, type: length, input: roads, by: class}
              - {id: landuse, type: share, input: landuse, by: class}
              - {id: per_km2, type: expression, expression: facilities / area_km2}
            output:
              folder: single
              formats: [geojson, csv]
            """, to: "spec.yaml")
        let single = try CommandRunner.run(["run", spec, "--quiet", "--jobs", "1"])
        try #require(single.status == 0, "\(single.stderr)")
        for part in 1...3 {
            let result = try CommandRunner.run([
                "run", spec, "--quiet", "--partition", "\(part)/3",
                "--out", folder.path("part-\(part)"),
            ])
            try #require(result.status == 0, "\(result.stderr)")
        }
        let meta = try String(contentsOfFile: folder.path("part-2/provinces.meta.json"), encoding: .utf8)
        #expect(meta.contains(#""groupedBy""#))
        for format in ["geojson", "csv"] {
            let parts = (1...3).map { folder.path("part-\($0)/provinces.\(format)") }
            let merged = try CommandRunner.run(["merge", folder.path("merged/provinces.\(format)")] + parts)
            try #require(merged.status == 0, "\(merged.stderr)")
            let one = try Data(contentsOf: URL(fileURLWithPath: folder.path("single/provinces.\(format)")))
            let other = try Data(contentsOf: URL(fileURLWithPath: folder.path("merged/provinces.\(format)")))
            #expect(one == other, "merged \(format) differs from the single run's")
        }
        // The values are not trivial: Nonthaburi has facilities and roads.
        let csv = try String(contentsOfFile: folder.path("single/provinces.csv"), encoding: .utf8)
        let nonthaburi = try #require(csv.split(separator: "\r\n").first { $0.hasPrefix("Nonthaburi,") })
        #expect(!nonthaburi.contains(",0,0,"), "\(nonthaburi)")
    }

    @Test func aBadPartitionIsAUsageError() throws {
        let result = try CommandRunner.run(["run", "spec.yaml", "--partition", "4/3"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("K/N"), "\(result.stderr)")
    }
}
