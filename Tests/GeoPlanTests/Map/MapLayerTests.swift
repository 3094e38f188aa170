import Foundation
import GEOS
import GeoplanTestSupport
import Testing

@testable import GeoPlan

/// What a map reads: polygons in lon/lat with ids and Thai/English names, and a property's numbers, with the
/// issue's bad inputs (a property that does not exist, is not numeric, or is all null) named.
@Suite struct MapLayerTests {
    let folder: TemporaryFolder
    let context: GEOSContext

    init() throws {
        folder = try TemporaryFolder()
        context = try GEOSContext()
        try folder.write(
            SyntheticData.featureCollection([
                (
                    #"{"type": "Polygon", "coordinates": [[[100.0, 13.0], [100.1, 13.0], [100.1, 13.1], [100.0, 13.1], [100.0, 13.0]]]}"#,
                    #"{"ADM3_PCODE": "TH100101", "ADM3_TH": "ก", "ADM3_EN": "A", "density": 12.5, "label": "x", "empty": null, "text_number": "1,200"}"#
                ),
                (
                    #"{"type": "Polygon", "coordinates": [[[100.1, 13.0], [100.2, 13.0], [100.2, 13.1], [100.1, 13.1], [100.1, 13.0]]]}"#,
                    #"{"ADM3_PCODE": "TH100102", "ADM3_TH": "ข", "ADM3_EN": "B", "density": null, "label": "y", "empty": null, "text_number": "7"}"#
                ),
                (#"{"type": "Point", "coordinates": [100.05, 13.05]}"#, #"{"ADM3_PCODE": "P"}"#),
            ]), to: "areas.geojson")
    }

    @Test func readsAreasNamesAndNumbers() throws {
        let layer = try MapLayer.load(folder.path("areas.geojson"), context: context)
        #expect(layer.ids == ["TH100101", "TH100102"])
        #expect(layer.thaiNames == ["ก", "ข"] && layer.englishNames == ["A", "B"])
        #expect(layer.warnings.contains { $0.contains("1 features without a polygon are not drawn") })
        #expect(try layer.numbers(of: "density") == [12.5, nil])
        #expect(try layer.numbers(of: "text_number") == [1200, 7])
    }

    @Test func badPropertiesAreNamed() throws {
        let layer = try MapLayer.load(folder.path("areas.geojson"), context: context)
        #expect(
            "\(try #require(#expect(throws: (any Error).self) { try layer.numbers(of: "densty") }))"
                .contains("did you mean \"density\""))
        #expect(
            "\(try #require(#expect(throws: (any Error).self) { try layer.numbers(of: "label") }))"
                .contains("\"label\" is not numeric: feature TH100101 has \"x\""))
        #expect(
            "\(try #require(#expect(throws: (any Error).self) { try layer.numbers(of: "empty") }))"
                .contains("all null"))
    }
}
