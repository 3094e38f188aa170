import Foundation
import GeoplanTestSupport
import Testing

/// `geoplan interpolate` from the command line, on the shipped Nonthaburi tambons, synthetic municipalities and
/// made-up populations: the conservation account in text and JSON, and mistakes told apart (usage exits 2,
/// bad input exits 1, each message naming what is wrong).
@Suite struct InterpolateTests {
    static let municipalities = Fixtures.shape("municipalities/nonthaburi.gpkg")
    static let population = Fixtures.root.appendingPathComponent("samples/nonthaburi/population.csv").path
    static let grid = Fixtures.root.appendingPathComponent("samples/nonthaburi/popgrid.asc").path
    static let facilities = Fixtures.root.appendingPathComponent("samples/nonthaburi/facilities.geojson").path

    private func arguments(
        _ targets: String, column: String = "population", kind: String = "extensive",
        _ more: [String] = []
    ) -> [String] {
        [
            "interpolate", targets, Fixtures.nonthaburi, "--table", Self.population, "--table-code", "tambon_code",
            "--column", column, "--kind", kind,
        ] + more
    }

    private func summary(_ result: CommandRunner.Result) throws -> [String: Any] {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        return try #require(json["summary"] as? [String: Any])
    }

    /// The table's total over the covered part: rows whose code is a shipped tambon's (the made-up table also
    /// has a code of no tambon, 999999, and writes some codes with a leading zero), the tambons' codes as
    /// `geoplan area` lists them.
    private func tableTotal(_ column: String) throws -> Double {
        let area = try CommandRunner.run(["area", Fixtures.nonthaburi, "--json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(area.stdout.utf8)) as? [String: Any])
        let rows = try #require((json["boundarySets"] as? [[String: Any]])?.first?["rows"] as? [[String: Any]])
        let tambons = Set(rows.compactMap { ($0["id"] as? String).map(Self.plain) })
        #expect(tambons.count == 52)
        let lines = try String(contentsOfFile: Self.population, encoding: .utf8).split(whereSeparator: \.isNewline)
        let header = lines[0].split(separator: ",")
        let position = try #require(header.firstIndex { $0 == column })
        return lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
            .filter { tambons.contains(Self.plain(String($0[0]))) }
            .compactMap { Double($0[position]) }.reduce(0, +)
    }

    /// A Thai code without TH and leading zeros.
    private static func plain(_ code: String) -> String {
        String(code.uppercased().drop { $0 == "T" || $0 == "H" }.drop { $0 == "0" })
    }

    @Test func helpHasExamplesOnShippedFiles() throws {
        let result = try CommandRunner.run(["interpolate", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("geoplan interpolate shapes/municipalities/nonthaburi.gpkg"))
        #expect(result.stdout.contains("--weight-field"))
    }

    /// Tambons onto themselves: every value lands whole in its own tambon, so what is carried is the table's
    /// total (1e-9 relative) and nothing is outside.
    @Test func tambonsOntoThemselvesCarryTheTableWhole() throws {
        let result = try CommandRunner.run(arguments(Fixtures.nonthaburi, ["--json"]))
        try #require(result.status == 0, "\(result.stderr)")
        let summary = try summary(result)
        let total = try tableTotal("population")
        let carried = try #require(summary["carried"] as? Double)
        #expect(abs(carried - total) <= 1e-9 * total, "\(carried) vs \(total)")
        #expect(abs(try #require(summary["outside"] as? Double)) <= 1e-9 * total)
    }

    /// Municipalities cover part of the province: carried + outside = the sources' total = the table's total,
    /// by area, by the population grid and by facilities as points.
    @Test func municipalitiesCarryTheCoveredPartAndReportTheRest() throws {
        let total = try tableTotal("population")
        for weights in [[], ["--weights", Self.grid], ["--weights", Self.facilities]] {
            let result = try CommandRunner.run(arguments(Self.municipalities, ["--id", "LG_CODE", "--json"] + weights))
            try #require(result.status == 0, "\(weights): \(result.stderr)")
            let summary = try summary(result)
            let sources = try #require(summary["sourcesTotal"] as? Double)
            let carried = try #require(summary["carried"] as? Double)
            let outside = try #require(summary["outside"] as? Double)
            #expect(abs(sources - total) <= 1e-9 * total, "\(weights)")
            #expect(abs(carried + outside - total) <= 1e-9 * total, "\(weights)")
            #expect(carried > 0 && outside > 0, "\(weights)")
            #expect(summary["splitByArea"] as? Int != nil && summary["areas"] as? Int == 13, "\(summary)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let run = try #require(json["run"] as? [String: Any])
            #expect((run["boundarySets"] as? [[String: Any]])?.first?["rows"] != nil)
        }
    }

    @Test func textShowsTheTableAndTheAccount() throws {
        let result = try CommandRunner.run(arguments(Self.municipalities, ["--id", "LG_CODE"]))
        try #require(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("LG_CODE") && result.stdout.contains("population"))
        for line in ["sources' total", "carried to the areas", "outside every area", "split by area"] {
            #expect(result.stdout.contains(line), "\(result.stdout)")
        }
        #expect(result.stderr.contains("fall outside every area"))
        let quiet = try CommandRunner.run(arguments(Self.municipalities, ["--id", "LG_CODE", "--quiet"]))
        #expect(quiet.stderr.isEmpty, "\(quiet.stderr)")
    }

    @Test func writesAFile() throws {
        let folder = try TemporaryFolder()
        let out = folder.path("lg.csv")
        let result = try CommandRunner.run(arguments(Self.municipalities, ["--id", "LG_CODE", "--out", out, "--json"]))
        try #require(result.status == 0, "\(result.stderr)")
        let csv = try String(contentsOfFile: out, encoding: .utf8)
        #expect(csv.split(whereSeparator: \.isNewline).count == 14 && csv.contains("population"))
    }

    @Test func aMissingColumnExitsOneAndIsNamed() throws {
        let result = try CommandRunner.run(arguments(Self.municipalities, column: "populaton", ["--id", "LG_CODE"]))
        #expect(result.status == 1)
        #expect(
            result.stderr.contains("populaton") && result.stderr.contains("did you mean \"population\""),
            "\(result.stderr)")
    }

    @Test func usageMistakesExitTwo() throws {
        let kind = try CommandRunner.run(arguments(Self.municipalities, kind: "sum"))
        #expect(kind.status == 2)
        #expect(kind.stderr.contains("unknown --kind \"sum\""), "\(kind.stderr)")
        let field = try CommandRunner.run(arguments(Self.municipalities, ["--weight-field", "households"]))
        #expect(field.status == 2)
        #expect(field.stderr.contains("--weights"), "\(field.stderr)")
    }

    @Test func aWeightsFileThatDoesNotExistExitsOneAndIsNamed() throws {
        let result = try CommandRunner.run(
            arguments(
                Self.municipalities,
                [
                    "--id", "LG_CODE", "--weights",
                    "/nonexistent/villages.geojson",
                ]))
        #expect(result.status == 1)
        #expect(result.stderr.contains("/nonexistent/villages.geojson"), "\(result.stderr)")
    }
}
