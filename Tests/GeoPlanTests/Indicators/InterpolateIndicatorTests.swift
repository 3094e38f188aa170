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
        try folder.write(SyntheticData.featureCollection([
            (#"{"type": "Polygon", "coordinates": [[[100.0, 13.0], [100.1, 13.0], [100.1, 13.1], [100.0, 13.1], [100.0, 13.0]]]}"#,
             #"{"code": "TH100101"}"#),
            (#"{"type": "Polygon", "coordinates": [[[100.1, 13.0], [100.2, 13.0], [100.2, 13.1], [100.1, 13.1], [100.1, 13.0]]]}"#,
             #"{"code": "TH100102"}"#),
        ]), to: "tambons.geojson")
        try folder.write(SyntheticData.featureCollection([
            (#"{"type": "Polygon", "coordinates": [[[100.05, 13.02], [100.15, 13.02], [100.15, 13.08], [100.05, 13.08], [100.05, 13.02]]]}"#,
             #"{"lg": "M1"}"#),
            (#"{"type": "Polygon", "coordinates": [[[100.16, 13.01], [100.19, 13.01], [100.19, 13.04], [100.16, 13.04], [100.16, 13.01]]]}"#,
             #"{"lg": "M2"}"#),
        ]), to: "municipalities.geojson")
        // Codes written as the provincial administration does (no TH): matched with normalize: thai.
        try folder.write("tambon,people,density\n100101,1000,10\n100102,3000,30\n", to: "people.csv")
    }

    private func area(_ w: Double, _ s: Double, _ e: Double, _ n: Double) -> Double {
        abs(Geodesic.wgs84.polygonMeasure(exterior: [w, s, e, s, e, n, w, n, w, s]).area)
    }

    private func run(_ request: InterpolationRequest, raster: String? = nil) throws -> (RunReport, [String: Double]) {
        var inputs = [InputSpec(name: "tambons", kind: .polygons, path: "tambons.geojson"),
                      InputSpec(name: "people", kind: .table, path: "people.csv", codeField: "tambon")]
        if let raster { inputs.append(InputSpec(name: "grid", kind: .raster, path: raster)) }
        let spec = Spec(boundaries: [BoundarySpec(name: "lg", path: "municipalities.geojson", idField: "lg")],
                        inputs: inputs, indicators: [IndicatorSpec(id: "pop", kind: .interpolate(request))],
                        output: OutputSpec(folder: "out", formats: []), path: folder.path("spec.yaml"))
        let report = try Runner.run(spec, includeRows: true)
        var values: [String: Double] = [:]
        for row in report.boundarySets.first?.rows ?? [] {
            if let text = row.values.first ?? nil, let number = Double(text) { values[row.id] = number }
        }
        return (report, values)
    }

    @Test func extensiveByAreaReportsWhatFallsOutside() throws {
        let (report, values) = try run(InterpolationRequest(from: "tambons", code: "code", table: "people",
                                                            column: "people", kind: .extensive))
        let t = area(100.0, 13.0, 100.1, 13.1)
        let m1 = 1000 * area(100.05, 13.02, 100.1, 13.08) / t + 3000 * area(100.1, 13.02, 100.15, 13.08) / t
        let m2 = 3000 * area(100.16, 13.01, 100.19, 13.04) / t
        #expect(abs((values["M1"] ?? .nan) / m1 - 1) < 1e-12)
        #expect(abs((values["M2"] ?? .nan) / m2 - 1) < 1e-12)
        #expect(report.warnings.contains { $0.contains("fall outside every area") && $0.contains("4,000") },
                "\(report.warnings)")
    }

    @Test func intensiveAveragesByArea() throws {
        let (_, values) = try run(InterpolationRequest(from: "tambons", code: "code", table: "people",
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
        let (report, values) = try run(InterpolationRequest(from: "tambons", code: "code", table: "people",
                                                            column: "people", kind: .extensive, weights: "grid"),
                                       raster: raster)
        let t = area(100.0, 13.0, 100.1, 13.1)
        #expect(abs((values["M1"] ?? .nan) / (3000 * area(100.1, 13.02, 100.15, 13.08) / t) - 1) < 1e-12)
        #expect(report.warnings.contains { $0.contains("split by area") && $0.contains("TH100102") }, "\(report.warnings)")
    }

    @Test func aMissingColumnOrTableCodeTwiceIsNamed() throws {
        #expect {
            try run(InterpolationRequest(from: "tambons", code: "code", table: "people", column: "nope", kind: .extensive))
        } throws: { "\($0)".contains("nope") }
        try folder.write("tambon,people,density\n100101,1000,10\nTH100101,3000,30\n", to: "people.csv")
        #expect {
            try run(InterpolationRequest(from: "tambons", code: "code", table: "people", column: "people",
                                         kind: .extensive))
        } throws: { "\($0)".contains("100101") && "\($0)".contains("one value per source zone") }
    }

    @Test func aSourceCodeOnTwoFeaturesIsAnError() throws {
        try folder.write(SyntheticData.featureCollection([
            (#"{"type": "Polygon", "coordinates": [[[100.0, 13.0], [100.1, 13.0], [100.1, 13.1], [100.0, 13.1], [100.0, 13.0]]]}"#,
             #"{"code": "TH100101"}"#),
            (#"{"type": "Polygon", "coordinates": [[[100.1, 13.0], [100.2, 13.0], [100.2, 13.1], [100.1, 13.1], [100.1, 13.0]]]}"#,
             #"{"code": "TH100101"}"#),
        ]), to: "tambons.geojson")
        #expect {
            try run(InterpolationRequest(from: "tambons", code: "code", table: "people", column: "people",
                                         kind: .extensive))
        } throws: { "\($0)".contains("TH100101") && "\($0)".contains("two") }
    }
}
