import Foundation
import GeoplanTestSupport
import Testing

/// The local-government sample (samples/nonthaburi-local-governments.yaml, run by `make run`): Nonthaburi's
/// tambons split by its synthetic municipalities, values per unit and rolled up to every level.
@Suite struct LocalGovernmentSampleTests {
    @Test func theSampleWritesEveryLevel() throws {
        let folder = try TemporaryFolder()
        let spec = Fixtures.root.appendingPathComponent("samples/nonthaburi-local-governments.yaml").path
        let result = try CommandRunner.run(["run", spec, "--out", folder.url.path, "--json", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let outputs = report["outputs"] as? [String] ?? []
        for stem in [
            "nonthaburi", "nonthaburi-local-government", "nonthaburi-tambon", "nonthaburi-district",
            "nonthaburi-province",
        ] {
            #expect(outputs.contains(folder.path("\(stem).csv")), "\(stem)")
            let geojson = try String(contentsOfFile: folder.path("\(stem).geojson"), encoding: .utf8)
            #expect(RFC7946Checker(maximumDecimals: 7).violations(in: geojson) == [], "\(stem)")
        }
        func features(_ stem: String) throws -> [[String: Any]] {
            let text = try String(contentsOfFile: folder.path("\(stem).geojson"), encoding: .utf8)
            return (try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])?["features"]
                as? [[String: Any]] ?? []
        }
        let units = try features("nonthaburi").map { $0["properties"] as? [String: Any] ?? [:] }
        let governments = try features("nonthaburi-local-government").map { $0["properties"] as? [String: Any] ?? [:] }
        #expect(Set(units.compactMap { $0["lg_code"] as? String }).count == governments.count)
        #expect(governments.filter { ($0["lg_type"] as? String) != "sao" }.count == 13)
        // Counts add up level by level; the province is the whole of Nonthaburi's units.
        let unitSchools = units.compactMap { $0["schools"] as? Int }.reduce(0, +)
        #expect(governments.compactMap { $0["schools"] as? Int }.reduce(0, +) == unitSchools)
        let province = try #require(try features("nonthaburi-province").first?["properties"] as? [String: Any])
        #expect(province["schools"] as? Int == unitSchools)
        let unitArea = units.compactMap { $0["area_km2"] as? Double }.reduce(0, +)
        #expect(abs((province["area_km2"] as? Double ?? 0) / unitArea - 1) < 1e-9)
        // density is marked map: every level but the province (no value: said) has its map.
        for stem in ["nonthaburi", "nonthaburi-local-government", "nonthaburi-tambon", "nonthaburi-district"] {
            for ext in ["svg", "html", "geojson", "topojson", "legend.json"] {
                #expect(outputs.contains(folder.path("\(stem)-density.\(ext)")), "\(stem)-density.\(ext)")
            }
        }
        #expect(
            (report["warnings"] as? [String] ?? []).contains(
                "nonthaburi-province: no map of density: it has no value in any area"))
        // The tambon without villages is split by area, and named.
        let warnings = report["warnings"] as? [String] ?? []
        #expect(
            warnings.contains {
                $0.contains("population_by_villages: 1 source zones have no weight and were split by area: TH120203")
            })
        // Density is the rolled-up people over the rolled-up area, where both are known.
        for government in governments {
            guard let people = government["population"] as? Double, let km2 = government["area_km2"] as? Double,
                let density = government["density"] as? Double
            else { continue }
            #expect(abs(density / (people / km2) - 1) < 1e-12)
        }
    }

    /// Municipalities from another agency in another CRS: transformed, and the run says so.
    @Test func municipalitiesInAnotherCRSAreTransformedAndSaidSo() throws {
        let folder = try TemporaryFolder()
        let utm = folder.path("municipalities-utm.gpkg")
        let converted = try CommandRunner.run([
            "convert", Fixtures.shape("municipalities/nonthaburi.gpkg"), utm,
            "--to-crs", "EPSG:32647",
        ])
        #expect(converted.status == 0, "\(converted.stderr)")
        let spec = try folder.write(
            """
            boundaries:
              - name: lg
                path: \(Fixtures.nonthaburi)
                id: ADM3_PCODE
                municipalities: {path: \(utm)}
                levels: [local_government]
            indicators:
              - {id: area_km2, type: area}
            output: {folder: out, formats: [csv]}
            """, to: "spec.yaml")
        let result = try CommandRunner.run(["run", spec, "--json", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let warnings = report["warnings"] as? [String] ?? []
        #expect(
            warnings.contains {
                $0.hasPrefix(
                    "lg: the municipalities (WGS 84 / UTM zone 47N (EPSG:32647)) and the "
                        + "tambons (WGS 84 (EPSG:4326)) are in different CRSs; both were "
                        + "transformed to WGS 84 lon/lat")
            }, "\(warnings)")
        let governments = try String(contentsOfFile: folder.path("out/lg-local-government.csv"), encoding: .utf8)
        #expect(governments.contains("S120001,city"))
    }
}
