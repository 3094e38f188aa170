import Foundation
import GEOS
import GeoplanTestSupport
import Testing

@testable import GeoPlan

extension GovernanceTests {
    /// Municipalities read from a file the way a run reads boundaries: code as the id field, the type as the first
    /// name field, read leniently.
    @Suite struct GovernanceInputTests {
        let folder: TemporaryFolder
        let context: GEOSContext

        init() throws {
            folder = try TemporaryFolder()
            context = try GEOSContext()
        }

        private func square(_ x: Double) -> String {
            #"{"type": "Polygon", "coordinates": [[[\#(x), 13.0], [\#(x + 0.01), 13.0], [\#(x + 0.01), 13.01], "#
                + #"[\#(x), 13.01], [\#(x), 13.0]]]}"#
        }

        private func load(_ types: [String]) throws -> [MunicipalityInput] {
            let features = types.enumerated().map { index, type in
                (square(100 + Double(index) * 0.02), #"{"code": "\#(5_120_101 + index)", "type": "\#(type)"}"#)
            }
            try folder.write(SyntheticData.featureCollection(features), to: "municipalities.geojson")
            let spec = BoundarySpec(
                name: "municipalities", path: folder.path("municipalities.geojson"),
                idField: "code", nameFields: ["type"])
            return try MunicipalityInput.from(BoundarySet.load(spec, folder: nil, context: context))
        }

        @Test func readsCodesAndLenientTypes() throws {
            let municipalities = try load(["เทศบาลนคร", "Town", "ทต."])
            #expect(municipalities.map(\.code) == ["5120101", "5120102", "5120103"])
            #expect(municipalities.map(\.type) == [.city, .town, .subdistrict])
        }

        @Test func anUnknownTypeNamesTheFeature() throws {
            let feature = "\"\(folder.path("municipalities.geojson"))\": municipality 5120102 (feature 1), field type"
            #expect(throws: GeoPlanError.governance(.unknownType(feature: feature, value: "village"))) {
                try load(["city", "village"])
            }
        }

        @Test func tambonsComeFromABoundarySetInItsOrder() throws {
            let set = try BoundarySet.load(
                BoundarySpec(name: "tambons", path: Fixtures.phuket, idField: "ADM3_PCODE"),
                folder: nil, context: context)
            let tambons = TambonInput.from(set)
            #expect(tambons.count == 17 && tambons.first?.code == "TH830101")
        }
    }
}
