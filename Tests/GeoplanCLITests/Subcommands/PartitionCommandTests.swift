import Foundation
import GDAL
import GeoplanTestSupport
import Testing

/// `geoplan partition` over the shipped Nonthaburi tambons and the synthetic municipalities: units and a
/// crosswalk whose shares add up, guarantees reported, and bad input named.
@Suite struct PartitionCommandTests {
    @Test func nonthaburiUnitsAndCrosswalk() throws {
        let folder = try TemporaryFolder()
        let out = folder.path("units.gpkg")
        let result = try CommandRunner.run([
            "partition", Fixtures.nonthaburi,
            Fixtures.shape("municipalities/nonthaburi.gpkg"), "--out", out, "--json",
            "--progress", "json",
        ])
        try #require(result.status == 0, "\(result.stderr)")
        // Progress, one JSON object a step, for apps that call geoplan: the step's text and its typed values.
        #expect(
            result.stderr.contains(
                #"{"command":"partition","done":0,"step":"cutting tambons 0/52","#
                    + #""step_name":"cutting_tambons","total":52}"#), "\(result.stderr)")
        #expect(
            result.stderr.contains(
                #"{"command":"partition","step":"checking the guarantees","#
                    + #""step_name":"checking_guarantees"}"#))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let report = try #require(object["report"] as? [String: Any])
        let units = try #require(report["units"] as? Int)
        #expect(report["tambons"] as? Int == 52 && report["municipalities"] as? Int == 13)
        let layer = try Dataset.open(out).layer(at: 0)
        #expect(layer.name == "units")
        #expect(Array(layer.features).count == units)

        // Each tambon's shares add up to 1; so do each local government's.
        let csv = try String(contentsOfFile: folder.path("units-crosswalk.csv"), encoding: .utf8)
        let rows = csv.split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ",").map(String.init) }
        #expect(rows.count == units)
        var byTambon: [String: Double] = [:]
        var byGovernment: [String: Double] = [:]
        for row in rows {
            byTambon[row[0], default: 0] += Double(row[6]) ?? .nan
            byGovernment[row[1], default: 0] += Double(row[7]) ?? .nan
        }
        #expect(byTambon.count == 52)
        #expect(byTambon.values.allSatisfy { abs($0 - 1) < 1e-12 }, "\(byTambon)")
        #expect(byGovernment.values.allSatisfy { abs($0 - 1) < 1e-12 })
        #expect(rows.contains { $0[3] == "remainder" && $0[1].hasPrefix("SAO-") })
    }

    @Test func overlappingMunicipalitiesAreNamed() throws {
        let folder = try TemporaryFolder()
        try folder.write(
            SyntheticData.featureCollection([
                (
                    #"{"type": "Polygon", "coordinates": [[[100.0, 13.0], [100.1, 13.0], [100.1, 13.1], [100.0, 13.1], [100.0, 13.0]]]}"#,
                    #"{"ADM3_PCODE": "TH100101"}"#
                )
            ]), to: "tambons.geojson")
        try folder.write(
            SyntheticData.featureCollection([
                (
                    #"{"type": "Polygon", "coordinates": [[[100.01, 13.01], [100.05, 13.01], [100.05, 13.05], [100.01, 13.05], [100.01, 13.01]]]}"#,
                    #"{"LG_CODE": "M1", "LG_TYPE": "town"}"#
                ),
                (
                    #"{"type": "Polygon", "coordinates": [[[100.04, 13.04], [100.08, 13.04], [100.08, 13.08], [100.04, 13.08], [100.04, 13.04]]]}"#,
                    #"{"LG_CODE": "M2", "LG_TYPE": "subdistrict"}"#
                ),
            ]), to: "municipalities.geojson")
        let result = try CommandRunner.run([
            "partition", folder.path("tambons.geojson"),
            folder.path("municipalities.geojson"), "--out", folder.path("units.gpkg"),
        ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("M1") && result.stderr.contains("M2"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.path("units.gpkg")))
    }

    @Test func anExistingOutputIsKeptWithoutOverwrite() throws {
        let folder = try TemporaryFolder()
        try folder.write("keep me", to: "units.gpkg")
        let result = try CommandRunner.run([
            "partition", Fixtures.nonthaburi,
            Fixtures.shape("municipalities/nonthaburi.gpkg"),
            "--out", folder.path("units.gpkg"),
        ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("--overwrite"))
        #expect(try String(contentsOfFile: folder.path("units.gpkg"), encoding: .utf8) == "keep me")
        let help = try CommandRunner.run(["partition", "--help"])
        #expect(help.status == 0 && help.stdout.contains("geoplan partition"))
    }
}

/// `geoplan partition --compare OLD NEW` on the synthetic Nonthaburi 2024 and 2025 sets, whose generator made
/// exactly one municipality grow (S120008), one new (S120014) and one merged (S120005 into S120002).
@Suite struct PartitionCompareTests {
    @Test func listsCreatedRemovedAndChangedCodes() throws {
        let result = try CommandRunner.run([
            "partition", "--compare", Fixtures.shape("municipalities/nonthaburi.gpkg"),
            Fixtures.shape("municipalities/nonthaburi-2025.gpkg"), "--json",
        ])
        try #require(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let changes = try #require(object["changes"] as? [[String: Any]])
        let status = Dictionary(
            uniqueKeysWithValues: changes.compactMap { change -> (String, String)? in
                guard let code = change["code"] as? String, let status = change["status"] as? String else { return nil }
                return (code, status)
            })
        #expect(
            status.filter { $0.value != "unchanged" } == [
                "S120002": "changed", "S120005": "removed",
                "S120008": "changed", "S120014": "created",
            ])
        // What S120005 lost, S120002 gained (the merge), within the rounding of two overlays.
        let removed = try #require(changes.first { $0["code"] as? String == "S120005" })
        let grown = try #require(changes.first { $0["code"] as? String == "S120002" })
        let lost = removed["lostSquareKilometres"] as? Double ?? 0
        #expect(lost > 6 && (grown["gainedSquareKilometres"] as? Double ?? 0) >= lost)
    }

    @Test func outIsRequiredWithoutCompare() throws {
        let result = try CommandRunner.run([
            "partition", Fixtures.nonthaburi, Fixtures.shape("municipalities/nonthaburi.gpkg"),
        ])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--out"))
    }
}
