import Foundation
import GeoplanTestSupport
import Testing

@testable import GeoPlan

/// A run whose boundary set names municipalities: Nonthaburi's shipped tambons split by its synthetic
/// municipalities into units, a tambon table's people carried to the units by area share, then rolled up to the
/// local governments and back to the tambons. References are the table itself (people) and the tambons' own
/// areas; tolerances: 1e-9 relative for totals (conservation), 1e-6 relative for a tambon's area and people
/// rebuilt from its units (borders within 5 m of a tambon border are snapped to it, moving a few m² between neighbours).
@Suite struct RunnerGovernanceTests {
    let folder: TemporaryFolder
    let report: RunReport

    init() throws {
        folder = try TemporaryFolder()
        let samples = Fixtures.root.appendingPathComponent("samples/nonthaburi").path
        let spec = Spec(
            boundaries: [
                BoundarySpec(
                    name: "n", path: Fixtures.nonthaburi, idField: "ADM3_PCODE", nameFields: ["ADM3_EN"],
                    municipalities: MunicipalitySpec(
                        path: Fixtures.shape("municipalities/nonthaburi.gpkg"),
                        nameFields: ["NAME_EN"]),
                    levels: [LevelSpec(level: .localGovernment), LevelSpec(level: .tambon)])
            ],
            inputs: [
                InputSpec(name: "tambons", kind: .polygons, path: Fixtures.nonthaburi),
                InputSpec(name: "people", kind: .table, path: samples + "/population.csv", codeField: "tambon_code"),
            ],
            indicators: [
                IndicatorSpec(id: "area_km2", kind: .area(unit: .squareKilometres)),
                IndicatorSpec(
                    id: "pop",
                    kind: .interpolate(
                        InterpolationRequest(
                            from: "tambons", code: "ADM3_PCODE", table: "people", column: "population", kind: .extensive
                        )),
                    valueKind: .extensive),
                // Intensive: each unit takes its tambon's value (samples/nonthaburi/population.csv: 120101 → 5442).
                IndicatorSpec(
                    id: "tambon_households",
                    kind: .join(
                        input: "people", column: "households",
                        normalization: .thai), valueKind: .intensive),
            ],
            output: OutputSpec(folder: folder.path("out"), formats: [.csv]), path: folder.path("spec.yaml"))
        report = try Runner.run(spec)
    }

    func rows(_ name: String) throws -> [[String: String]] {
        let lines = try String(contentsOfFile: folder.path("out/\(name).csv"), encoding: .utf8)
            .split(whereSeparator: \.isNewline).map {
                $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(lines[0], $0)) }
    }

    @Test func theUnitsCarryBothCodes() throws {
        let units = try rows("n")
        #expect(units.count == 75)
        let piece = try #require(units.first { $0["unit_id"] == "S120001:TH120101" })
        #expect(piece["tambon_code"] == "TH120101" && piece["lg_code"] == "S120001")
        #expect(piece["lg_type"] == "city" && piece["unit_kind"] == "municipal-piece")
        #expect(piece["lg_NAME_EN"] == "Suan Yai City Municipality")
        #expect(piece["tambon_households"] == "5442.0" || piece["tambon_households"] == "5442")
        #expect(
            units.first { $0["unit_id"] == "SAO-TH120101:TH120101" }?["tambon_households"] == piece["tambon_households"]
        )
        #expect(report.warnings.contains { $0.contains("52 tambons split by 13 municipalities into 75 units") })
    }

    /// Rolled back up to tambons, the units give every tambon its own people (the table's value) and area.
    @Test func unitsRollBackToTheirTambons() throws {
        let table = try String(
            contentsOfFile: Fixtures.root.appendingPathComponent("samples/nonthaburi/population.csv").path,
            encoding: .utf8)
        var people: [String: Double] = [:]
        for line in table.split(whereSeparator: \.isNewline).dropFirst() {
            let fields = line.split(separator: ",")
            guard let code = AreaCode.normalize(String(fields[0]), thai: true), let value = Double(fields[1]) else {
                continue
            }
            people[code] = value
        }
        let tambonRun = try Runner.run(
            Spec(
                boundaries: [BoundarySpec(name: "plain", path: Fixtures.nonthaburi, idField: "ADM3_PCODE")],
                indicators: [IndicatorSpec(id: "area_km2", kind: .area(unit: .squareKilometres))],
                output: OutputSpec(folder: folder.path("out"), formats: [.csv])))
        #expect(tambonRun.outputs.contains(folder.path("out/plain.csv")))
        let ownArea = Dictionary(
            uniqueKeysWithValues: try rows("plain").map { ($0["ADM3_PCODE"] ?? "", Double($0["area_km2"] ?? "") ?? 0) })
        let tambons = try rows("n-tambon")
        #expect(tambons.count == 52)
        var withPeople = 0
        for tambon in tambons {
            let code = try #require(tambon["tambon_code"])
            let area = try #require(Double(tambon["area_km2"] ?? ""))
            #expect(abs(area / (ownArea[code] ?? 0) - 1) < 1e-6, "\(code)")
            if let expected = people[AreaCode.normalize(code, thai: true) ?? ""] {
                withPeople += 1
                // The snapped units cover the tambon to within a few m², so its people to within 1e-6 too.
                #expect(abs((Double(tambon["pop"] ?? "") ?? 0) / expected - 1) < 1e-6, "\(code)")
            } else {
                #expect(tambon["pop"] == "", "\(code) has no row: no value")
            }
        }
        #expect(withPeople == 51)
    }

    /// Local governments: municipalities by their names, SAOs by their tambon's; the people over all of them are
    /// the table's (conservation), less the tambon without a row.
    @Test func localGovernments() throws {
        let governments = try rows("n-local-government")
        let city = try #require(governments.first { $0["lg_code"] == "S120001" })
        #expect(city["lg_type"] == "city" && city["NAME_EN"] == "Suan Yai City Municipality")
        let sao = try #require(governments.first { $0["lg_code"] == "SAO-TH120101" })
        #expect(sao["lg_type"] == "sao" && sao["NAME_EN"] == "Suan Yai")
        let units = try rows("n")
        let unitTotal = units.compactMap { Double($0["pop"] ?? "") }.reduce(0, +)
        let governmentTotal = governments.compactMap { Double($0["pop"] ?? "") }.reduce(0, +)
        let nullUnits = units.filter { $0["pop"] == "" }.compactMap { $0["lg_code"] }
        let complete = units.filter { !nullUnits.contains($0["lg_code"] ?? "") }
            .compactMap { Double($0["pop"] ?? "") }.reduce(0, +)
        #expect(unitTotal > 1_000_000)
        #expect(abs(governmentTotal / complete - 1) < 1e-9)
    }
}
