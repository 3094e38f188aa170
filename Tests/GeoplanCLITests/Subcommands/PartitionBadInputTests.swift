import Foundation
import GeoplanTestSupport
import Testing

/// `geoplan partition` given bad tambons or municipalities, as a planner runs it: exit 1, one error line naming the
/// codes (or the feature, when the code is what is missing) and the fix, and neither the units nor the crosswalk
/// written. The engine's own checks are tested in `InputChecksTests`; these test the path through the CLI.
///
/// Tambons T1 = [100.0, 100.1] × [13.0, 13.1] and T2 = [100.1, 100.2] × [13.0, 13.1] (as in `GovernanceFixture`),
/// written with the GDAL wrapper into GeoPackages in WGS 84.
@Suite struct PartitionBadInputTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
    }

    private var units: String { folder.path("units.gpkg") }
    private var crosswalk: String { folder.path("units-crosswalk.csv") }

    /// Writes the tambons (code and box) and the municipalities (code, type and box; a nil code is NULL) and runs
    /// the partition over them.
    private func partition(
        tambons: [(code: String?, box: String)] = [
            ("T1", SyntheticLayer.box(100.0, 13.0, 100.1, 13.1)),
            ("T2", SyntheticLayer.box(100.1, 13.0, 100.2, 13.1)),
        ],
        municipalities: [(code: String?, type: String, box: String)]
    ) throws -> CommandRunner.Result {
        try SyntheticLayer.write(
            to: folder.path("tambons.gpkg"), layer: "tambons", fields: ["ADM3_PCODE"],
            features: tambons.map { SyntheticLayer.Feature($0.box, [$0.code]) })
        try SyntheticLayer.write(
            to: folder.path("municipalities.gpkg"), layer: "municipalities",
            fields: ["LG_CODE", "LG_TYPE"],
            features: municipalities.map { SyntheticLayer.Feature($0.box, [$0.code, $0.type]) })
        return try CommandRunner.run([
            "partition", folder.path("tambons.gpkg"), folder.path("municipalities.gpkg"),
            "--out", units,
        ])
    }

    /// Exit 1, one `error:` line containing every needle, and nothing written.
    private func expectRefused(
        _ result: CommandRunner.Result, mentions needles: [String],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(result.status == 1, "stdout: \(result.stdout) stderr: \(result.stderr)", sourceLocation: sourceLocation)
        let errors = result.stderr.split(separator: "\n").filter { $0.hasPrefix("error:") }
        #expect(errors.count == 1, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
        for needle in needles {
            #expect(
                result.stderr.contains(needle), "\"\(needle)\" not in: \(result.stderr)",
                sourceLocation: sourceLocation)
        }
        for path in [units, crosswalk] {
            #expect(
                !FileManager.default.fileExists(atPath: path), "\(path) was written",
                sourceLocation: sourceLocation)
        }
        #expect(
            folder.contents().allSatisfy { !$0.hasPrefix("units") }, "\(folder.contents())",
            sourceLocation: sourceLocation)
    }

    /// Wholly east of both tambons (as a layer in the wrong CRS or of the wrong province would be): an error naming
    /// the code, where it is, the nearest tambon, and what to check.
    @Test func aMunicipalityEntirelyOutsideEveryTambonIsAnError() throws {
        let result = try partition(municipalities: [
            ("M1", "town", SyntheticLayer.box(100.05, 13.02, 100.08, 13.05)),
            ("FAR", "town", SyntheticLayer.box(100.5, 13.02, 100.55, 13.05)),
        ])
        expectRefused(
            result,
            mentions: [
                "FAR (around 100.5", "nearest tambon T2", "same province",
                "same coordinate reference system",
            ])
        #expect(!result.stderr.contains("M1"), "\(result.stderr)")
    }

    /// Half in T2, half beyond it: the run succeeds (the units cover the tambons, no more), and both the warning on
    /// stderr and the report say which municipality, how much and that it is in no unit. Beyond 100.2° E lie
    /// 0.05° × 0.03° at 13.035° N: 5.42 km (108.45 km a degree of longitude) × 3.32 km (110.63 km a degree of
    /// latitude) ≈ 18.0 km² (reported as cut: 18,000,104 m²).
    @Test func aMunicipalityPartlyOutsideIsWarnedAboutAndLeftOutOfTheUnits() throws {
        let result = try partition(municipalities: [("EDGE", "town", SyntheticLayer.box(100.15, 13.02, 100.25, 13.05))])
        try #require(result.status == 0, "\(result.stderr)")
        let warning = try #require(result.stderr.split(separator: "\n").first { $0.hasPrefix("warning:") })
        #expect(warning.contains("EDGE reaches outside every tambon"), "\(warning)")
        #expect(warning.contains("1 part(s) around 100.2"), "\(warning)")
        #expect(warning.contains("left out of the units") && warning.contains("same CRS"), "\(warning)")
        let squareMetres = try #require(
            warning.split(separator: " ").firstIndex(of: "m²").map {
                Double(warning.split(separator: " ")[$0 - 1])
            } ?? nil)
        #expect(abs(squareMetres - 18.0e6) < 0.05e6, "\(warning)")
        #expect(result.stdout.contains("outside every tambon: EDGE"), "\(result.stdout)")
        // The crosswalk has EDGE's piece of T2 only.
        let csv = try String(contentsOfFile: crosswalk, encoding: .utf8)
        let edge = csv.split(whereSeparator: \.isNewline).filter { $0.contains(",EDGE,") }
        #expect(edge.count == 1 && edge[0].hasPrefix("T2,"), "\(csv)")
    }

    /// A = [100.02, 100.06] × [13.02, 13.06] and B = [100.05, 100.08] × [13.03, 13.07] share 3599879.01 m²
    /// (GeographicLib's `Planimeter`, see `InputChecksTests`).
    @Test func overlappingMunicipalitiesNameBothCodesAndTheOverlap() throws {
        let result = try partition(municipalities: [
            ("A", "town", SyntheticLayer.box(100.02, 13.02, 100.06, 13.06)),
            ("B", "subdistrict", SyntheticLayer.box(100.05, 13.03, 100.08, 13.07)),
        ])
        expectRefused(
            result,
            mentions: [
                "municipalities overlap", "A and B share 3599879.0 m² around 100.05",
                "correct the borders",
            ])
    }

    @Test func aMissingMunicipalityCodeNamesTheFeatureAndTheField() throws {
        for missing in [nil, "", "  "] as [String?] {
            let result = try partition(municipalities: [
                ("M1", "town", SyntheticLayer.box(100.02, 13.02, 100.04, 13.04)),
                (missing, "town", SyntheticLayer.box(100.05, 13.02, 100.08, 13.05)),
            ])
            // GeoPackage feature ids count from 1: the second municipality is feature 2.
            expectRefused(
                result,
                mentions: [
                    "municipalities.gpkg", "feature 2", "the id field LG_CODE is empty",
                    "fill it in or remove the feature",
                ])
        }
    }

    @Test func aDuplicatedMunicipalityCodeNamesTheCodeAndBothFeatures() throws {
        let result = try partition(municipalities: [
            ("M1", "town", SyntheticLayer.box(100.02, 13.02, 100.04, 13.04)),
            ("M2", "town", SyntheticLayer.box(100.12, 13.02, 100.14, 13.04)),
            ("M1", "subdistrict", SyntheticLayer.box(100.05, 13.06, 100.08, 13.08)),
        ])
        expectRefused(
            result,
            mentions: [
                "municipalities.gpkg", "feature 3", #"LG_CODE = "M1""#, "feature 1 too",
                "dissolve by code",
            ])
    }

    @Test func aDuplicatedTambonCodeNamesTheCodeAndBothFeatures() throws {
        let result = try partition(
            tambons: [
                ("T1", SyntheticLayer.box(100.0, 13.0, 100.1, 13.1)),
                ("T1", SyntheticLayer.box(100.1, 13.0, 100.2, 13.1)),
            ],
            municipalities: [("M1", "town", SyntheticLayer.box(100.02, 13.02, 100.04, 13.04))])
        expectRefused(result, mentions: ["tambons.gpkg", "feature 2", #"ADM3_PCODE = "T1""#, "feature 1 too"])
    }

    @Test func anUnknownTypeNamesTheMunicipalityTheFieldAndTheSpellings() throws {
        let result = try partition(municipalities: [
            ("M1", "town", SyntheticLayer.box(100.02, 13.02, 100.04, 13.04)),
            ("M2", "village", SyntheticLayer.box(100.05, 13.02, 100.08, 13.05)),
        ])
        expectRefused(
            result,
            mentions: [
                "municipality M2 (feature 2), field LG_TYPE", #"the type "village""#,
                "city/nakhon", "subdistrict/tambon",
            ])
    }

    /// SAO areas are what no municipality covers: an SAO drawn in the municipality layer is refused by code.
    @Test func anSAOInTheMunicipalityLayerIsNamed() throws {
        let result = try partition(municipalities: [("S1", "sao", SyntheticLayer.box(100.02, 13.02, 100.04, 13.04))])
        expectRefused(result, mentions: ["S1 is typed as an SAO", "leave SAOs out"])
    }
}
