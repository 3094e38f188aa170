import Foundation
import GeoplanTestSupport
import Testing

/// The benchmark's agreement check on its `small` variant, in `make test`: `geoplan run bench/spec.yaml`'s
/// indicators over the committed small inputs against the values the GeoPandas peer (`bench/peer.py`) computed
/// from the same files, recorded in `bench/reference/` (see its README for how and with which versions).
///
/// Tolerances are `bench/report.py`'s: areas, road km and density within 1e-6 relative; land-use shares within
/// 1e-6 absolute (the peer's capped at 1, as geoplan's are); population exact; counts equal except for points lying exactly on a border, which geoplan
/// counts once (in the area with the smallest code) and `sjoin(predicate="within")` never, so geoplan's counts
/// are never below the peer's and exceed them in total by exactly the border points geoplan reports.
@Suite struct BenchAgreementTests {
    static let reference = Fixtures.root.appendingPathComponent("bench/reference")

    @Test func smallVariantAgreesWithThePeer() throws {
        let folder = try TemporaryFolder()
        let zip = Self.reference.appendingPathComponent("small-inputs.zip").path
        // bench/spec.yaml with its inputs read straight from the zip (GDAL's /vsizip/).
        let benchSpec = try String(contentsOf: Fixtures.root.appendingPathComponent("bench/spec.yaml"), encoding: .utf8)
        let spec = try folder.write(
            benchSpec.replacingOccurrences(of: "work/current/", with: "/vsizip/\(zip)/")
                .replacingOccurrences(of: "folder: work/out-geoplan", with: "folder: out"),
            to: "spec.yaml")
        let run = try CommandRunner.run(["run", spec, "--quiet", "--json"])
        try #require(run.status == 0, "\(run.stderr)")

        let geoplan = try Self.table(folder.path("out/areas.csv"))
        let peer = try Self.table(Self.reference.appendingPathComponent("small-peer.csv").path)
        #expect(geoplan.count == 299)
        #expect(Set(geoplan.keys) == Set(peer.keys), "area codes differ")
        let columns = try #require(geoplan.values.first).keys.filter { $0 != "code" && $0 != "name" }
        #expect(Set(columns) == Set(try #require(peer.values.first).keys.filter { $0 != "code" && $0 != "name" }))

        var countExcess: [String: Int] = [:]
        var compared = 0
        for (code, ours) in geoplan {
            let theirs = try #require(peer[code])
            for column in columns {
                let a = try #require(Double(ours[column] ?? ""), "\(code) \(column): \(ours[column] ?? "missing")")
                let b = try #require(Double(theirs[column] ?? ""), "\(code) \(column): \(theirs[column] ?? "missing")")
                if column.hasPrefix("facilities") {
                    countExcess[column, default: 0] += Int(a - b)
                    #expect(a >= b, "\(code) \(column): geoplan \(a) < peer \(b)")
                } else if column == "population" {
                    #expect(a == b, "\(code) population: \(a) vs \(b)")
                } else if column.hasPrefix("landuse") {
                    // geoplan caps shares at 1, the peer does not (bench/report.py says why)
                    #expect(abs(a - min(b, 1)) <= 1e-6, "\(code) \(column): \(a) vs \(b)")
                } else {
                    #expect(abs(a - b) <= 1e-6 * max(abs(a), abs(b)), "\(code) \(column): \(a) vs \(b)")
                }
                compared += 1
            }
        }
        #expect(compared > 299 * 15)

        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let sets = try #require(report["boundarySets"] as? [[String: Any]])
        let counters = try #require(sets.first?["counters"] as? [String: Any])
        let onBorder = try #require(counters["facilities: points on a border"] as? Int)
        #expect(onBorder > 0)
        #expect(
            countExcess["facilities"] == onBorder,
            "geoplan counts \(countExcess["facilities"] ?? 0) more points; \(onBorder) lie on a border")
    }

    /// A CSV of plain values (no quoting: the bench's names and codes have no commas) by its `code` column.
    static func table(_ path: String) throws -> [String: [String: String]] {
        var text = try String(contentsOfFile: path, encoding: .utf8)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let lines = text.split(whereSeparator: \.isNewline).map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        guard let header = lines.first, !text.contains("\"") else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: path])
        }
        var rows: [String: [String: String]] = [:]
        for values in lines.dropFirst() where values.count == header.count {
            let row = Dictionary(uniqueKeysWithValues: zip(header, values))
            if let code = row["code"] { rows[code] = row }
        }
        return rows
    }
}
