import Foundation
import GeoplanTestSupport
import Testing

/// `geoplan partition` with the municipalities in another CRS than the tambons: the municipalities are transformed
/// to WGS 84 lon/lat, the report says so for each layer (text and JSON) and that the two differ, and the units are
/// the ones the lon/lat run makes.
@Suite struct PartitionCRSTests {
    /// One crosswalk row's numbers, by `tambon_code/lg_code`.
    private func crosswalk(_ path: String) throws -> [String: [Double]] {
        let csv = try String(contentsOfFile: path, encoding: .utf8)
        let rows = csv.split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ",").map(String.init) }
        return Dictionary(
            uniqueKeysWithValues: rows.map { row in
                ("\(row[0])/\(row[1])", [row[4], row[6], row[7]].map { Double($0) ?? .nan })
            })
    }

    /// The synthetic Nonthaburi municipalities reprojected to WGS 84 / UTM zone 47N (EPSG:32647) by `geoplan
    /// convert`, partitioned against the lon/lat tambons.
    ///
    /// Tolerance of the comparison with the lon/lat run: 1e-6 for each share of tambon and of local government and,
    /// relative, for each area. The round trip (forward in `convert`, back in `partition`) moves a vertex by
    /// nanometres (PROJ's UTM is accurate to 5 nm within 3,900 km of the central meridian; Nonthaburi is 160 km
    /// from 99° E), a million times less than the 5 m snapping tolerance, so the same pieces must come out with
    /// nearly the same areas (observed: 1.0e-9 at worst, on a piece whose border was not snapped and so kept its
    /// nanometre moves). 1e-6 leaves room for GEOS rounding moved vertices differently, yet a piece
    /// gained or lost could not hide under it: the smallest piece kept whole is 100 m², more than 1e-6 of any of
    /// Nonthaburi's tambons (the largest is under 40 km²).
    @Test func municipalitiesInUTMAreTransformedSaidSoAndCutAsInLonLat() throws {
        let folder = try TemporaryFolder()
        let lonLat = Fixtures.shape("municipalities/nonthaburi.gpkg")
        let utm = folder.path("nonthaburi-utm47n.gpkg")
        let converted = try CommandRunner.run(["convert", lonLat, utm, "--to-crs", "EPSG:32647"])
        try #require(converted.status == 0, "\(converted.stderr)")

        let reference = try CommandRunner.run([
            "partition", Fixtures.nonthaburi, lonLat, "--out",
            folder.path("lonlat.gpkg"), "--json",
        ])
        try #require(reference.status == 0, "\(reference.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(reference.stdout.utf8)) as? [String: Any])
        let crs = try #require(object["crs"] as? [String: Any])
        #expect(crs["differ"] as? Bool == false)
        let tambons = try #require(crs["tambons"] as? [String: Any])
        #expect(
            tambons["transformed"] as? Bool == false && (tambons["crs"] as? String)?.contains("EPSG:4326") == true,
            "\(tambons)")

        let text = try CommandRunner.run(["partition", Fixtures.nonthaburi, utm, "--out", folder.path("utm.gpkg")])
        try #require(text.status == 0, "\(text.stderr)")
        let lines = text.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("tambons: WGS 84 (EPSG:4326), used as it is (already WGS 84 lon/lat)"), "\(text.stdout)")
        let municipalities = try #require(lines.first { $0.hasPrefix("municipalities: ") }, "\(text.stdout)")
        #expect(
            municipalities.hasPrefix(
                "municipalities: WGS 84 / UTM zone 47N (EPSG:32647), transformed to WGS 84 "
                    + "lon/lat by "), "\(municipalities)")
        #expect(municipalities.contains("UTM zone 47N") && municipalities.contains("exact"), "\(municipalities)")
        #expect(
            lines.contains { $0.hasPrefix("the tambons and the municipalities came in different CRSs") },
            "\(text.stdout)")

        let json = try CommandRunner.run([
            "partition", Fixtures.nonthaburi, utm, "--out", folder.path("utm-2.gpkg"),
            "--json",
        ])
        try #require(json.status == 0, "\(json.stderr)")
        let utmObject = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let utmCRS = try #require(utmObject["crs"] as? [String: Any])
        #expect(utmCRS["differ"] as? Bool == true)
        let utmMunicipalities = try #require(utmCRS["municipalities"] as? [String: Any])
        #expect(utmMunicipalities["transformed"] as? Bool == true, "\(utmMunicipalities)")
        #expect(utmMunicipalities["crs"] as? String == "WGS 84 / UTM zone 47N (EPSG:32647)", "\(utmMunicipalities)")
        let operation = try #require(utmMunicipalities["operation"] as? [String: Any])
        #expect(operation["accuracyMetres"] as? Double == 0, "\(operation)")

        let expected = try crosswalk(folder.path("lonlat-crosswalk.csv"))
        let found = try crosswalk(folder.path("utm-crosswalk.csv"))
        #expect(Set(found.keys) == Set(expected.keys))
        var worst = 0.0
        for (key, values) in expected {
            guard let other = found[key] else { continue }
            let area = abs(other[0] - values[0]) / values[0]
            let shares = max(abs(other[1] - values[1]), abs(other[2] - values[2]))
            worst = max(worst, area, shares)
            #expect(area <= 1e-6 && shares <= 1e-6, "\(key): \(values) in lon/lat, \(other) from UTM")
        }
        print("Nonthaburi municipalities from UTM 47N: \(found.count) units, worst difference \(worst)")
    }
}
