import Foundation
import GDAL
import GeoplanTestSupport
import Testing

@testable import GeoPlan

/// The runner's handling of inputs that are wrong, or merely different: each gives a clear error or a counted,
/// documented repair, and nothing is written.
@Suite struct RunnerInputTests {
    let base: RunnerTests

    init() throws {
        base = try RunnerTests()
    }

    func run(_ change: (inout Spec) -> Void) throws -> BoundaryRunReport {
        var spec = base.spec
        change(&spec)
        return try #require(try Runner.run(spec, includeRows: true).boundarySets.first)
    }

    @Test func aMissingInputFileIsNamed() throws {
        #expect {
            try run { $0.inputs[0].path = "nowhere.geojson" }
        } throws: { error in
            "\(error)".contains("nowhere.geojson") && "\(error)".contains("no such file")
        }
        #expect(!FileManager.default.fileExists(atPath: base.folder.path("out")))
    }

    @Test func aMissingFieldSuggestsTheClosestOne() throws {
        #expect {
            try run {
                $0.indicators = [IndicatorSpec(id: "f", kind: .count(input: "points", whereClause: nil, by: "knd"))]
            }
        } throws: { error in
            "\(error)".contains("did you mean \"kind\"")
        }
        #expect {
            try run { $0.boundaries[0].idField = "cod" }
        } throws: { error in
            "\(error)".contains("did you mean \"code\"")
        }
    }

    @Test func aTableWithTheSameCodeTwiceIsRefused() throws {
        try base.folder.write("code,pop\nA,1\nTH0A,2\na,3\n", to: "dupes.csv")
        #expect {
            try run {
                $0.inputs[3].path = "dupes.csv"
                $0.indicators = [
                    IndicatorSpec(id: "pop", kind: .join(input: "table", column: "pop", normalization: .thai))
                ]
            }
        } throws: { error in
            "\(error)".contains("name the same area")
        }
    }

    @Test func emptyBoundariesAndNonPolygonsAreRefused() throws {
        try base.folder.write(SyntheticData.featureCollection([]), to: "none.geojson")
        #expect {
            try run { $0.boundaries[0] = BoundarySpec(name: "x", path: "none.geojson", idField: "code") }
        } throws: { "\($0)".contains("has no features") }
        #expect {
            try run { $0.boundaries[0] = BoundarySpec(name: "x", path: "points.geojson", idField: "kind") }
        } throws: { "\($0)".contains("a polygon is needed") }
        #expect(!FileManager.default.fileExists(atPath: base.folder.path("out")))
    }

    @Test func emptyOrMissingIdsAreRefused() throws {
        try base.folder.write(
            SyntheticData.featureCollection([
                (
                    #"{"type": "Polygon", "coordinates": [[[100.0, 13.0], [100.1, 13.0], [100.1, 13.1], [100.0, 13.0]]]}"#,
                    #"{"code": null}"#
                )
            ]), to: "noid.geojson")
        #expect {
            try run { $0.boundaries[0] = BoundarySpec(name: "x", path: "noid.geojson", idField: "code") }
        } throws: { error in
            "\(error)".contains("is empty; every area needs a code")
        }
    }

    @Test func inputsInAnotherCRSAreTransformedAndTheOperationReported() throws {
        // The same points in UTM 47N: counts must not change.
        let utm = base.folder.path("points-utm.gpkg")
        _ = try Converter.convert(
            ConvertRequest(
                input: base.folder.path("points.geojson"), output: utm,
                targetCRS: "EPSG:32647"))
        let report = try run {
            $0.inputs[0].path = "points-utm.gpkg"
            $0.indicators = [IndicatorSpec(id: "facilities", kind: .count(input: "points", whereClause: nil, by: nil))]
        }
        let counts = report.rows?.map { $0.values[0] }
        #expect(counts == ["2", "1"])
        #expect(report.operations["points"]?.name.contains("UTM zone 47N") == true)
    }

    @Test func holesAndIslandsAreHonoured() throws {
        // One area: a 0.1° cell with a 0.02° hole, plus an island 0.05° east of it.
        try base.folder.write(
            SyntheticData.featureCollection([
                (
                    #"{"type": "MultiPolygon", "coordinates": [[[[100.0, 13.0], [100.1, 13.0], [100.1, 13.1], [100.0, 13.1], [100.0, 13.0]], [[100.04, 13.04], [100.04, 13.06], [100.06, 13.06], [100.06, 13.04], [100.04, 13.04]]], [[[100.15, 13.0], [100.2, 13.0], [100.2, 13.05], [100.15, 13.05], [100.15, 13.0]]]]}"#,
                    #"{"code": "X", "name": "เกาะ"}"#
                )
            ]), to: "island.geojson")
        try base.folder.write(
            SyntheticData.featureCollection([
                (#"{"type": "Point", "coordinates": [100.05, 13.05]}"#, #"{"kind": "in the hole"}"#),
                (#"{"type": "Point", "coordinates": [100.02, 13.02]}"#, #"{"kind": "on the main part"}"#),
                (#"{"type": "Point", "coordinates": [100.17, 13.02]}"#, #"{"kind": "on the island"}"#),
            ]), to: "island-points.geojson")
        let report = try run {
            $0.boundaries = [BoundarySpec(name: "x", path: "island.geojson", idField: "code")]
            $0.inputs[0].path = "island-points.geojson"
            $0.indicators = [
                IndicatorSpec(id: "n", kind: .count(input: "points", whereClause: nil, by: nil)),
                IndicatorSpec(id: "m2", kind: .area(unit: .squareMetres)),
            ]
        }
        #expect(report.rows?.first?.values.first == "2")
        #expect(report.counters["n: points in no area"] == 1)
        // Area: cell − hole + island, each from Planimeter -p 6 over its corners (119993614.2 for the cell;
        // printf "13.04 100.04\n13.06 100.04\n13.06 100.06\n13.04 100.06\n" | Planimeter -p 6 → 4 8763.756305 -4799744.1 (clockwise);
        // printf "13.0 100.15\n13.0 100.2\n13.05 100.2\n13.05 100.15\n" | Planimeter -p 6 → 30001355.5).
        let area = try #require(report.rows?.first?.values[1].flatMap(Double.init))
        #expect(abs(area - (119_993_614.2 - 4_799_744.1 + 30_001_355.5)) < 1)
    }

    @Test func invalidInputPolygonsAreRepairedAndCounted() throws {
        try base.folder.write(
            SyntheticData.featureCollection([
                // A bow-tie over A's west half: repaired into two triangles covering half of [100.0, 100.05].
                (
                    #"{"type": "Polygon", "coordinates": [[[100.0, 13.0], [100.05, 13.1], [100.05, 13.0], [100.0, 13.1], [100.0, 13.0]]]}"#,
                    #"{"class": "green"}"#
                )
            ]), to: "bowtie.geojson")
        let report = try run {
            $0.inputs[2].path = "bowtie.geojson"
            $0.indicators = [IndicatorSpec(id: "green", kind: .share(input: "landuse", by: "class", whereClause: nil))]
        }
        #expect(report.counters["green: input polygons repaired"] == 1)
        let share = try #require(report.rows?[0].values[0].flatMap(Double.init))
        // Two triangles of 0.1° × 0.025° / 2 each, meeting at (100.025, 13.05): a quarter of the 0.1° cell.
        #expect(abs(share - 0.25) < 1e-3)
    }
}
