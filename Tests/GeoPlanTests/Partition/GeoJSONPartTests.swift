import Foundation
import GeoplanTestSupport
import Testing

@testable import GeoPlan

/// The layout `GeoJSONPart` relies on, checked on files written by geoplan's own `LayerWriter` with the options
/// `geoplan run` uses (RFC7946, WRITE_BBOX, COORDINATE_PRECISION=7, ID_FIELD), through the GDAL this machine has.
@Suite struct GeoJSONPartTests {
    func lines(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
    }

    @Test func gdalWritesAHeadOneFeaturePerLineAndATail() throws {
        let fixture = try PartitionFixture()
        let path = fixture.path("all.geojson")
        try fixture.write(path, format: .geoJSON)
        let lines = try lines(path)
        #expect(Array(lines.prefix(3)) == ["{", "\"type\": \"FeatureCollection\",", "\"name\": \"tambons\","])
        // The line GDAL reserves (130 + 1 spaces), the bbox written over its start.
        #expect(lines[3].count == 131 && lines[3].hasPrefix("\"bbox\": [ ") && lines[3].hasSuffix(" "))
        #expect(lines[4] == "\"features\": [")
        let features = lines[5..<(5 + fixture.rows.count)]
        #expect(features.allSatisfy { $0.hasPrefix("{ \"type\": \"Feature\", \"id\": \"TH") })
        #expect(features.dropLast().allSatisfy { $0.hasSuffix(" },") } && features.last?.hasSuffix(" }") == true)
        #expect(Array(lines.suffix(3)) == ["]", "}", ""])
        #expect(lines.count == 5 + fixture.rows.count + 3)
        // Names with line breaks are escaped, so they never split a feature.
        #expect(features.first?.contains(#"\"เก่า\"\nใหม่"#) == true)

        let part = try GeoJSONPart.read(path)
        #expect(part.text.rows.count == fixture.rows.count)
        #expect(part.bbox?.count == 4 && part.bbox?.allSatisfy { $0.split(separator: ".").last?.count == 7 } == true)
    }

    @Test func anEmptyLayerAndOneWithoutGeometriesLeaveTheBboxLineBlank() throws {
        let fixture = try PartitionFixture()
        let empty = fixture.path("empty.geojson")
        try fixture.write(empty, format: .geoJSON, positions: [])
        #expect(try String(contentsOfFile: empty, encoding: .utf8)
                == "{\n\"type\": \"FeatureCollection\",\n\"name\": \"tambons\",\n" + String(repeating: " ", count: 131)
                + "\n\"features\": [\n\n]\n}\n")
        let emptyPart = try GeoJSONPart.read(empty)
        #expect(emptyPart.text.rows.isEmpty && emptyPart.bbox == nil && emptyPart.bboxLine?.count == 131)

        let bare = fixture.path("bare.geojson")
        try fixture.write(bare, format: .geoJSON, geometry: false)
        let part = try GeoJSONPart.read(bare)
        #expect(part.bbox == nil && part.bboxLine != nil && part.text.rows.count == fixture.rows.count)
    }

    @Test func bboxLinesParseOnlyAsGDALWritesThem() {
        #expect(GeoJSONPart.bboxNumbers("\"bbox\": [ 1.0000000, 2.0000000, 3.0000000, 4.0000000 ],   ")
                == ["1.0000000", "2.0000000", "3.0000000", "4.0000000"])
        #expect(GeoJSONPart.bboxNumbers("\"bbox\": [ 1, 2, 3 ],") == nil)
        #expect(GeoJSONPart.bboxNumbers("\"bbox\": [ 1, x, 3, 4 ],") == nil)
        #expect(GeoJSONPart.bboxNumbers("\"bbox\": [1, 2, 3, 4],") == nil)
    }

    @Test func aFileNotLaidOutByGDALIsRefusedByName() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write(SyntheticData.featureCollection([("null", #"{"code": "A"}"#)]), to: "hand.geojson")
        #expect(throws: GeoPlanError.self) { try GeoJSONPart.read(path) }
        do {
            _ = try GeoJSONPart.read(path)
        } catch {
            #expect("\(error)".contains("\"\(path)\": it is not laid out as GDAL"))
        }
    }
}
