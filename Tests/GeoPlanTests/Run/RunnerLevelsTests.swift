import Foundation
import GeoplanTestSupport
import Testing

@testable import GeoPlan

/// Roll-ups through the runner, on hand-made tambons: 0.1° × 0.1° cells near Bangkok (GeographicLib's
/// Planimeter: 119993614.2 m² each; a polygon of two cells' edges is twice that, as the areas of polygons sharing
/// edges add). TH100101 (one cell) and TH100102 (two cells) form district TH1001, TH100201 (one cell)
/// district TH1002; all four cells province TH10. Tolerance: 1e-9 relative for areas and what is computed
/// from them (Planimeter prints 0.1 m²), exact for counts and sums of integers.
@Suite struct RunnerLevelsTests {
    static let cell = 119_993_614.2
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
        func box(_ west: Double, _ east: Double) -> String {
            #"{"type": "Polygon", "coordinates": [[[\#(west), 13.0], [\#(east), 13.0], [\#(east), 13.1], [\#(west), 13.1], [\#(west), 13.0]]]}"#
        }
        try folder.write(
            SyntheticData.featureCollection([
                (box(100.0, 100.1), #"{"code": "TH100101", "stated": "TH1001", "name": "a"}"#),
                // Two cells' worth, with the vertices of both: geodesic areas add only over the same edges.
                (
                    #"{"type": "Polygon", "coordinates": [[[100.1, 13.0], [100.2, 13.0], [100.3, 13.0], [100.3, 13.1], [100.2, 13.1], [100.1, 13.1], [100.1, 13.0]]]}"#,
                    #"{"code": "TH100102", "stated": "TH1001", "name": "b"}"#
                ),
                (box(100.3, 100.4), #"{"code": "TH100201", "stated": "TH1001", "name": "c"}"#),
            ]), to: "tambons.geojson")
        try folder.write(
            SyntheticData.featureCollection([
                (#"{"type": "Point", "coordinates": [100.05, 13.05]}"#, #"{"kind": "school"}"#),
                (#"{"type": "Point", "coordinates": [100.15, 13.05]}"#, #"{"kind": "school"}"#),
                (#"{"type": "Point", "coordinates": [100.35, 13.05]}"#, #"{"kind": "school"}"#),
            ]), to: "schools.geojson")
        try folder.write("code,pop,income\nTH100101,1000,10\nTH100102,3000,20\nTH100201,500,30\n", to: "table.csv")
    }

    func spec(levels: [LevelSpec], table: String = "table.csv") -> Spec {
        Spec(
            boundaries: [
                BoundarySpec(
                    name: "t", path: "tambons.geojson", idField: "code", nameFields: ["name"],
                    levels: levels)
            ],
            inputs: [
                InputSpec(name: "schools", kind: .points, path: "schools.geojson"),
                InputSpec(name: "table", kind: .table, path: table, codeField: "code"),
            ],
            indicators: [
                IndicatorSpec(id: "area_km2", kind: .area(unit: .squareKilometres)),
                IndicatorSpec(id: "schools", kind: .count(input: "schools", whereClause: nil, by: nil)),
                IndicatorSpec(
                    id: "pop", kind: .join(input: "table", column: "pop", normalization: .thai),
                    valueKind: .extensive),
                IndicatorSpec(
                    id: "income", kind: .join(input: "table", column: "income", normalization: .thai),
                    valueKind: .intensive, weight: "pop"),
                IndicatorSpec(
                    id: "income_by_area", kind: .join(input: "table", column: "income", normalization: .thai),
                    valueKind: .intensive),
                IndicatorSpec(id: "density", kind: .expression("pop / area_km2")),
                IndicatorSpec(id: "compactness", kind: .compactness),
            ],
            output: OutputSpec(folder: "out", formats: [.csv]), path: folder.path("spec.yaml"))
    }

    /// The rows of a CSV written by the run, by their first column.
    func rows(_ name: String) throws -> [String: [String: String]] {
        let lines = try String(contentsOfFile: folder.path("out/\(name).csv"), encoding: .utf8)
            .split(whereSeparator: \.isNewline).map {
                $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            }
        let header = lines[0]
        return Dictionary(
            uniqueKeysWithValues: lines.dropFirst().map { row in
                (row[0], Dictionary(uniqueKeysWithValues: zip(header, row)))
            })
    }

    @Test func aRatioIsTheRatioOfTheRolledUpSums() throws {
        let report = try Runner.run(spec(levels: [LevelSpec(level: .district), LevelSpec(level: .province)]))
        #expect(report.outputs.contains(folder.path("out/t-district.csv")))
        let districts = try rows("t-district")
        let first = try #require(districts["TH1001"])
        let km2 = 3 * Self.cell / 1e6
        #expect(abs(try #require(Double(first["area_km2"] ?? "")) / km2 - 1) < 1e-9)
        #expect(first["schools"] == "2")
        #expect(Double(first["pop"] ?? "") == 4000)
        // 4000 people on 3 cells: 11.11 per km²; the mean of the tambons' densities would be 10.4.
        let density = try #require(Double(first["density"] ?? ""))
        #expect(abs(density / (4000 / km2) - 1) < 1e-9)
        let meanOfDensities = (1000 / (Self.cell / 1e6) + 3000 / (2 * Self.cell / 1e6)) / 2
        #expect(abs(density - meanOfDensities) > 0.5)
        // Means are weighted: by people (10·1000 + 20·3000) / 4000, by area (10·1 + 20·2) / 3.
        #expect(abs(try #require(Double(first["income"] ?? "")) - 17.5) < 1e-12)
        #expect(abs(try #require(Double(first["income_by_area"] ?? "")) - 50.0 / 3) < 1e-9)
        // Compactness is computed again on the dissolved 0.3° × 0.1° rectangle (not averaged): 4πA/P².
        let compactness = try #require(Double(first["compactness"] ?? ""))
        #expect(compactness > 0.5 && compactness < 0.6)

        let province = try #require(try rows("t-province")["TH10"])
        #expect(Double(province["pop"] ?? "") == 4500)
        #expect(province["schools"] == "3")
        #expect(abs(try #require(Double(province["density"] ?? "")) / (4500 / (4 * Self.cell / 1e6)) - 1) < 1e-9)
    }

    /// A district total missing a tambon's people would be wrong: it is null, and the run says so.
    @Test func aSumWithAMissingMemberIsNull() throws {
        try folder.write("code,pop,income\nTH100101,1000,10\nTH100201,500,30\n", to: "partial.csv")
        let report = try Runner.run(spec(levels: [LevelSpec(level: .district)], table: "partial.csv"))
        let districts = try rows("t-district")
        #expect(districts["TH1001"]?["pop"] == "")
        #expect(districts["TH1002"]?["pop"] == "500")
        #expect(
            report.warnings.contains {
                $0.hasPrefix(
                    "t-district: totals left null for the groups with a member "
                        + "without a value") && $0.hasSuffix(": pop (1)")
            })
    }

    @Test func aStatedDistrictThatDisagreesWithTheCodeIsAnError() throws {
        let error = #expect(throws: GeoPlanError.self) {
            try Runner.run(spec(levels: [LevelSpec(level: .district, field: "stated")]))
        }
        #expect(
            "\(error.map { "\($0)" } ?? "")".contains(
                "TH100201 is filed under stated = TH1001, but its code says TH1002"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("out/t.csv")))
    }

    @Test func codesThatDoNotShowTheirDistrictNeedAField() throws {
        try folder.write(
            SyntheticData.featureCollection([
                (
                    #"{"type": "Polygon", "coordinates": [[[100.0, 13.0], [100.1, 13.0], [100.1, 13.1], [100.0, 13.0]]]}"#,
                    #"{"code": "A7", "name": "a"}"#
                )
            ]), to: "tambons.geojson")
        let error = #expect(throws: GeoPlanError.self) {
            try Runner.run(spec(levels: [LevelSpec(level: .district)]))
        }
        #expect("\(error.map { "\($0)" } ?? "")".contains("does not show its district"))
        #expect("\(error.map { "\($0)" } ?? "")".contains("field:"))
    }
}
