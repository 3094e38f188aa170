import Foundation
import GeoplanTestSupport
import Testing

@testable import GeoPlan

@Suite struct InspectionTests {
    @Test func aLayerWithoutCRSIsDescribedButNotMeasured() throws {
        let folder = try TemporaryFolder()
        let csv = try folder.write(SyntheticData.csvWithoutCRS, to: "nocrs.csv")
        let report = try Inspection.inspect(csv)
        let layer = try #require(report.layers.first)
        #expect(layer.crs == nil && layer.measures == nil && layer.extentLonLat == nil)
        #expect(layer.warnings.contains { $0.contains(Remedy.assumeCRS("EPSG:4326").token) })
        let assumed = try #require(
            try Inspection.inspect(csv, options: InputOptions(assumeCRS: "EPSG:4326")).layers.first)
        #expect(assumed.crs?.assumed == true && assumed.measures?.areaSquareKilometres != nil)
    }

    @Test func assumingACRSThatContradictsTheFileIsWarned() throws {
        let layer = try #require(
            try Inspection.inspect(
                Fixtures.phuket,
                options: InputOptions(assumeCRS: "EPSG:32647")
            ).layers.first)
        #expect(layer.warnings.contains { $0.contains("declares") && $0.contains("overrides") })
    }

    @Test func allShippedProvincesAreValidAndAddUp() throws {
        // Reference: GeographicLib Planimeter over every ring (scripts/reference/planimeter_areas.py).
        let references = [
            "phuket": 548_025_453.0, "nonthaburi": 636_542_903.2, "samut-songkhram": 414_390_690.4,
            "nakhon-pathom": 2_139_199_187.1,
        ]
        for (province, reference) in references {
            let layer = try #require(
                try Inspection.inspect(Fixtures.shape("tambons/\(province)/\(province).shp"))
                    .layers.first)
            #expect(layer.validity.reasons.isEmpty, "\(province)")
            let area = try #require(layer.measures?.areaSquareKilometres) * 1_000_000
            #expect(abs(area - reference) < 10, "\(province): \(area) vs \(reference)")
        }
    }
}
