import Foundation
import GDAL
import GeoplanTestSupport
import Testing

/// Column names through the CLI: a collision stops `geoplan run --check` at its spec line, and a one-off command
/// writing a shapefile records the short names it gave the fields.
@Suite struct ColumnNamingCommandTests {
    @Test func checkNamesBothSourcesOfACollidingColumnAtTheirLines() throws {
        let folder = try TemporaryFolder()
        try folder.copyShapefile(Fixtures.shape("tambons/phuket/phuket.shp"), as: "tambons")
        let spec = try folder.write(
            """
            boundaries:
              - name: tambons
                path: tambons.shp
                id: ADM3_PCODE
                names: [ADM3_TH, ADM3_EN]
            indicators:
              - id: a_thai
                type: area
                unit: km2
              - id: a
                type: area
                unit: rai
            output:
              folder: out
            """, to: "spec.yaml")
        for arguments in [["run", spec, "--check"], ["run", spec]] {
            let result = try CommandRunner.run(arguments)
            #expect(result.status == 1, "\(arguments): \(result.stdout)")
            #expect(result.stderr.contains("spec.yaml:10:"), "\(result.stderr)")
            #expect(result.stderr.contains(#"column "a_thai" would be written twice"#), "\(result.stderr)")
            #expect(
                result.stderr.contains(#"indicator "a_thai" (line 7)"#)
                    && result.stderr.contains(#"the rai-ngan-wa text of indicator "a" (line 10)"#), "\(result.stderr)")
        }
        let written = (try? FileManager.default.contentsOfDirectory(atPath: folder.path("out"))) ?? []
        #expect(written.filter { !$0.hasPrefix(".") } == [], "nothing written")
    }

    @Test func aOneOffShapefileRecordsItsShortFieldNames() throws {
        let folder = try TemporaryFolder()
        let facilities = Fixtures.root.appendingPathComponent("samples/nonthaburi/facilities.geojson").path
        let result = try CommandRunner.run([
            "count", Fixtures.shape("tambons/nonthaburi/nonthaburi.shp"), facilities,
            "--by", "kind", "--out", folder.path("counts.shp"), "--quiet",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let data = try Data(contentsOf: URL(fileURLWithPath: folder.path("counts.meta.json")))
        struct Meta: Decodable {
            struct Column: Decodable { var name: String }
            var columns: [Column]
            var shapefileFields: [String: [String: String]]
        }
        let meta = try JSONDecoder().decode(Meta.self, from: data)
        let names = try #require(meta.shapefileFields["counts.shp"])
        let long = ["ADM3_PCODE", "ADM3_TH", "ADM3_EN"] + meta.columns.map(\.name)
        #expect(long.contains { $0.utf8.count > 10 }, "the test needs a name that does not fit: \(long)")
        let short = long.compactMap { names[$0] }
        #expect(short.count == long.count && short.allSatisfy { $0.utf8.count <= 10 }, "\(names)")
        #expect(Set(short.map { $0.lowercased() }).count == short.count, "\(short)")
        #expect(try Dataset.open(folder.path("counts.shp")).layer(at: 0).schema.names == short)
    }
}
