import Foundation
import GeoplanTestSupport
import PROJ
import Testing

@testable import GeoPlan

/// `interpolate` through a run: tambon populations (a table by code) carried to municipalities that straddle
/// tambons (the issue's hand-made case, see ArealInterpolationTests), by area and by a population raster.
@Suite struct InterpolateIndicatorTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
        try folder.write(
            SyntheticData.featureCollection([
                (
                    #"{"type": "Polygon", "coordinates": [[[100.0, 13.0], [100.1, 13.0], [100.1, 13.1], [100.0, 13.1], [100.0, 13.0]]]}"#,
                    #"{"code": "TH100101"}"#
                ),
                (
                    #"{"type": "Polygon", "coordinates": [[[100.1, 13.0], [100.2, 13.0], [100.2, 13.1], [100.1, 13.1], [100.1, 13.0]]]}"#,
                    #"{"code": "TH100102"}"#
                ),
            ]), to: "tambons.geojson")
        try folder.write(
            SyntheticData.featureCollection([
                (
                    #"{"type": "Polygon", "coordinates": [[[100.05, 13.02], [100.15, 13.02], [100.15, 13.08], [100.05, 13.08], [100.05, 13.02]]]}"#,
                    #"{"lg": "M1"}"#
                ),
                (
                    #"{"type": "Polygon", "coordinates": [[[100.16, 13.01], [100.19, 13.01], [100.19, 13.04], [100.16, 13.04], [100.16, 13.01]]]}"#,
                    #"{"lg": "M2"}"#
                ),
            ]), to: "municipalities.geojson")
        // Codes written as the provincial administration does (no TH): matched with normalize: thai.
        try folder.write("tambon,people,density\n100101,1000,10\n100102,3000,30\n", to: "people.csv")
    }

    private func area(_ w: Double, _ s: Double, _ e: Double, _ n: Double) -> Double {
        abs(Geodesic.wgs84.polygonMeasure(exterior: [w, s, e, s, e, n, w, n, w, s]).area)
    }

    private func run(
        _ request: InterpolationRequest, raster: String? = nil, villages: String? = nil,
        jobs: Int = 1, chunkSize: Int = 400
    ) throws -> (RunReport, [String: Double]) {
        var inputs = [
            InputSpec(name: "tambons", kind: .polygons, path: "tambons.geojson"),
            InputSpec(name: "people", kind: .table, path: "people.csv", codeField: "tambon"),
        ]
        if let raster { inputs.append(InputSpec(name: "grid", kind: .raster, path: raster)) }
        if let villages { inputs.append(InputSpec(name: "villages", kind: .points, path: villages)) }
        let spec = Spec(
            boundaries: [BoundarySpec(name: "lg", path: "municipalities.geojson", idField: "lg")],
            inputs: inputs, indicators: [IndicatorSpec(id: "pop", kind: .interpolate(request))],
            output: OutputSpec(folder: "out", formats: []), path: folder.path("spec.yaml"))
        let report = try Runner.run(spec, includeRows: true, jobs: jobs, chunkSize: chunkSize)
        var values: [String: Double] = [:]
        for row in report.boundarySets.first?.rows ?? [] {
            if let text = row.values.first ?? nil, let number = Double(text) { values[row.id] = number }
        }
        return (report, values)
    }

    @Test func extensiveByAreaReportsWhatFallsOutside() throws {
        let (report, values) = try run(
            InterpolationRequest(
                from: "tambons", code: "code", table: "people",
                column: "people", kind: .extensive))
        let t = area(100.0, 13.0, 100.1, 13.1)
        let m1 = 1000 * area(100.05, 13.02, 100.1, 13.08) / t + 3000 * area(100.1, 13.02, 100.15, 13.08) / t
        let m2 = 3000 * area(100.16, 13.01, 100.19, 13.04) / t
        #expect(abs((values["M1"] ?? .nan) / m1 - 1) < 1e-12)
        #expect(abs((values["M2"] ?? .nan) / m2 - 1) < 1e-12)
        #expect(
            report.warnings.contains { $0.contains("fall outside every area") && $0.contains("4,000") },
            "\(report.warnings)")
    }

    @Test func intensiveAveragesByArea() throws {
        let (_, values) = try run(
            InterpolationRequest(
                from: "tambons", code: "code", table: "people",
                column: "density", kind: .intensive))
        #expect(abs((values["M1"] ?? .nan) - 20) < 1e-9)  // equal halves of 10 and 30
        #expect(values["M2"] == 30)
    }

    /// A population grid with people only in T1's west half (x < 100.05): M1 takes nothing of T1 (its part of
    /// T1 is east of 100.05), and T2, with no people on the grid, is split by area and reported.
    @Test func dasymetricByARasterWithFallBack() throws {
        let raster = folder.path("grid.tif")
        try SyntheticRaster.write(to: raster, columns: 20, rows: 10, west: 100.0, north: 13.1, size: 0.01) { c, _ in
            c < 5 ? 7 : 0
        }
        let (report, values) = try run(
            InterpolationRequest(
                from: "tambons", code: "code", table: "people",
                column: "people", kind: .extensive, weights: "grid"),
            raster: raster)
        let t = area(100.0, 13.0, 100.1, 13.1)
        #expect(abs((values["M1"] ?? .nan) / (3000 * area(100.1, 13.02, 100.15, 13.08) / t) - 1) < 1e-12)
        #expect(
            report.warnings.contains { $0.contains("split by area") && $0.contains("TH100102") }, "\(report.warnings)")
    }

    /// Villages (and their households) in GeoJSON: `(lon, lat, households)`; nil households is a null.
    private func writeVillages(_ villages: [(Double, Double, Int?)]) throws {
        try folder.write(
            SyntheticData.featureCollection(
                villages.map { x, y, households in
                    (
                        #"{"type": "Point", "coordinates": [\#(x), \#(y)]}"#,
                        #"{"households": \#(households.map(String.init) ?? "null")}"#
                    )
                }), to: "villages.geojson")
    }

    /// T1's villages: one in M1 (30 households), two outside (10, 20); T2's: one in M1 (15), one in M2 (5).
    /// Counted, M1 takes 1/3 of T1 and 1/2 of T2; by households, 1/2 of T1 and 3/4 of T2.
    @Test func villagesCountedOrTheirHouseholdsSummed() throws {
        try writeVillages([
            (100.07, 13.05, 30), (100.02, 13.02, 10), (100.03, 13.09, 20), (100.12, 13.05, 15),
            (100.17, 13.02, 5),
        ])
        let counted = try run(
            InterpolationRequest(
                from: "tambons", code: "code", table: "people", column: "people",
                kind: .extensive, weights: "villages"),
            villages: "villages.geojson"
        ).1
        #expect(abs((counted["M1"] ?? .nan) - (1000.0 / 3 + 1500)) < 1e-9, "\(counted)")
        #expect(abs((counted["M2"] ?? .nan) - 1500) < 1e-9)
        let (report, summed) = try run(
            InterpolationRequest(
                from: "tambons", code: "code", table: "people",
                column: "people", kind: .extensive, weights: "villages",
                weightField: "households"),
            villages: "villages.geojson")
        #expect(abs((summed["M1"] ?? .nan) - 2750) < 1e-9, "\(summed)")
        #expect(abs((summed["M2"] ?? .nan) - 750) < 1e-9)
        // What stays outside: half of T1 (500), nothing of T2.
        #expect(report.warnings.contains { $0.contains("500 of the sources' 4,000") }, "\(report.warnings)")
    }

    @Test func aTambonWithoutVillagesIsSplitByAreaAndReported() throws {
        try writeVillages([(100.07, 13.05, 1), (100.02, 13.02, 1)])
        let (report, values) = try run(
            InterpolationRequest(
                from: "tambons", code: "code", table: "people",
                column: "people", kind: .extensive, weights: "villages"),
            villages: "villages.geojson")
        let t = area(100.0, 13.0, 100.1, 13.1)
        #expect(abs((values["M1"] ?? .nan) / (500 + 3000 * area(100.1, 13.02, 100.15, 13.08) / t) - 1) < 1e-12)
        #expect(
            report.warnings.contains { $0.contains("split by area") && $0.contains("TH100102") },
            "\(report.warnings)")
    }

    /// A village with no households is an error naming the file, the feature and the field, with a way out.
    @Test func aMissingWeightNamesTheFeatureAndField() throws {
        try writeVillages([(100.07, 13.05, 3), (100.02, 13.02, nil)])
        #expect {
            try run(
                InterpolationRequest(
                    from: "tambons", code: "code", table: "people", column: "people",
                    kind: .extensive, weights: "villages", weightField: "households"),
                villages: "villages.geojson")
        } throws: { error in
            let message = "\(error)"
            return message.contains("villages.geojson") && message.contains("feature 1")
                && message.contains("households") && message.contains("IS NOT NULL")
        }
    }

    /// Four municipalities tiling both tambons, villages on a 0.01° lattice (many on tambon and municipality
    /// borders): each counted once whichever worker meets it, so one area per chunk on two threads gives the
    /// same values as one thread, and the 4,000 people are all carried.
    @Test func villagesOnBordersGiveTheSameValuesHoweverTheWorkIsSplit() throws {
        try folder.write(
            SyntheticData.featureCollection(
                (0..<4).map { column in
                    // Written edges (100.05 + 0.1 is not 100.15 in binary: the tiles would leave slivers between them).
                    let edges = [100.0, 100.05, 100.1, 100.15, 100.2]
                    let (w, e) = (edges[column], edges[column + 1])
                    return (
                        #"{"type": "Polygon", "coordinates": [[[\#(w), 13.0], [\#(e), 13.0], [\#(e), 13.1], [\#(w), 13.1], [\#(w), 13.0]]]}"#,
                        #"{"lg": "M\#(column + 1)"}"#
                    )
                }), to: "municipalities.geojson")
        var random = SplitMix64(seed: 5)
        try writeVillages(
            (0..<200).map { _ in
                (
                    (10_000 + Double(Int.random(in: 0...20, using: &random))) / 100,
                    (1_300 + Double(Int.random(in: 1...9, using: &random))) / 100, Int.random(in: 1...9, using: &random)
                )
            })
        let request = InterpolationRequest(
            from: "tambons", code: "code", table: "people", column: "people",
            kind: .extensive, weights: "villages", weightField: "households")
        let (report, one) = try run(request, villages: "villages.geojson")
        let split = try run(request, villages: "villages.geojson", jobs: 2, chunkSize: 1).1
        #expect(one == split)
        #expect(abs(one.values.reduce(0, +) - 4000) < 1e-9, "\(one) \(report.warnings)")
    }

    @Test func aMissingColumnOrTableCodeTwiceIsNamed() throws {
        #expect {
            try run(
                InterpolationRequest(from: "tambons", code: "code", table: "people", column: "nope", kind: .extensive))
        } throws: { "\($0)".contains("nope") }
        try folder.write("tambon,people,density\n100101,1000,10\nTH100101,3000,30\n", to: "people.csv")
        #expect {
            try run(
                InterpolationRequest(
                    from: "tambons", code: "code", table: "people", column: "people",
                    kind: .extensive))
        } throws: { "\($0)".contains("100101") && "\($0)".contains("one value per source zone") }
    }

    @Test func aSourceCodeOnTwoFeaturesIsAnError() throws {
        try folder.write(
            SyntheticData.featureCollection([
                (
                    #"{"type": "Polygon", "coordinates": [[[100.0, 13.0], [100.1, 13.0], [100.1, 13.1], [100.0, 13.1], [100.0, 13.0]]]}"#,
                    #"{"code": "TH100101"}"#
                ),
                (
                    #"{"type": "Polygon", "coordinates": [[[100.1, 13.0], [100.2, 13.0], [100.2, 13.1], [100.1, 13.1], [100.1, 13.0]]]}"#,
                    #"{"code": "TH100101"}"#
                ),
            ]), to: "tambons.geojson")
        #expect {
            try run(
                InterpolationRequest(
                    from: "tambons", code: "code", table: "people", column: "people",
                    kind: .extensive))
        } throws: { "\($0)".contains("TH100101") && "\($0)".contains("two") }
    }
}
