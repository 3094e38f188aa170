import Foundation
import GeoplanTestSupport
import Testing

@testable import GeoPlan

/// The layout `GeoJSONPart` relies on, checked on files written by geoplan's own `LayerWriter` with the options
/// `geoplan run` uses (7 decimals, the area code as `id`).
@Suite struct GeoJSONPartTests {
    func lines(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
    }

    @Test func theWriterWritesAHeadOneFeaturePerLineAndATailWithTheBbox() throws {
        let fixture = try PartitionFixture()
        let path = fixture.path("all.geojson")
        try fixture.write(path, format: .geoJSON)
        let lines = try lines(path)
        #expect(
            Array(lines.prefix(4)) == [
                "{", "\"type\": \"FeatureCollection\",", "\"name\": \"tambons\",",
                "\"features\": [",
            ])
        let features = lines[4..<(4 + fixture.rows.count)]
        #expect(features.allSatisfy { $0.hasPrefix("{\"type\":\"Feature\",\"id\":\"TH") })
        #expect(features.dropLast().allSatisfy { $0.hasSuffix("},") } && features.last?.hasSuffix("}") == true)
        // The collection's bbox after the features, on a line of its own.
        #expect(lines[4 + fixture.rows.count] == "],")
        #expect(lines[5 + fixture.rows.count].hasPrefix("\"bbox\": [") && lines[5 + fixture.rows.count].hasSuffix("]"))
        #expect(Array(lines.suffix(2)) == ["}", ""])
        #expect(lines.count == 4 + fixture.rows.count + 4)
        // Names with line breaks are escaped, so they never split a feature.
        #expect(features.first?.contains(#"\"เก่า\"\nใหม่"#) == true)

        let part = try GeoJSONPart.read(path)
        #expect(part.text.rows.count == fixture.rows.count)
        #expect(
            part.bbox?.count == 4 && part.bbox?.allSatisfy { ($0.split(separator: ".").last?.count ?? 99) <= 7 } == true
        )
    }

    @Test func anEmptyLayerAndOneWithoutGeometriesHaveNoBbox() throws {
        let fixture = try PartitionFixture()
        let empty = fixture.path("empty.geojson")
        try fixture.write(empty, format: .geoJSON, positions: [])
        #expect(
            try String(contentsOfFile: empty, encoding: .utf8)
                == "{\n\"type\": \"FeatureCollection\",\n\"name\": \"tambons\",\n\"features\": [\n\n]\n}\n")
        let emptyPart = try GeoJSONPart.read(empty)
        #expect(emptyPart.text.rows.isEmpty && emptyPart.bbox == nil)

        let bare = fixture.path("bare.geojson")
        try fixture.write(bare, format: .geoJSON, geometry: false)
        let part = try GeoJSONPart.read(bare)
        #expect(part.bbox == nil && part.text.rows.count == fixture.rows.count)
    }

    @Test func tailsParseOnlyAsTheWriterWritesThem() {
        #expect(
            GeoJSONPart.tailNumbers(Data("\n],\n\"bbox\": [1.0,2.5,3.0,4.0]\n}\n".utf8))
                == .some(["1.0", "2.5", "3.0", "4.0"]))
        #expect(GeoJSONPart.tailNumbers(Data("\n]\n}\n".utf8)) == .some(nil))
        #expect(GeoJSONPart.tailNumbers(Data("\n],\n\"bbox\": [1,2,3]\n}\n".utf8)) == nil)
        #expect(GeoJSONPart.tailNumbers(Data("\n],\n\"bbox\": [1,x,3,4]\n}\n".utf8)) == nil)
        #expect(GeoJSONPart.tailNumbers(Data("\n],\n\"bbox\": [ 1, 2, 3, 4 ]\n}\n".utf8)) == nil)
        #expect(GeoJSONPart.tailNumbers(Data("\n]\n}".utf8)) == nil)
    }

    @Test func aFileNotLaidOutByGeoplanIsRefusedByName() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write(SyntheticData.featureCollection([("null", #"{"code": "A"}"#)]), to: "hand.geojson")
        #expect(throws: GeoPlanError.self) { try GeoJSONPart.read(path) }
        do {
            _ = try GeoJSONPart.read(path)
        } catch {
            #expect("\(error)".contains("\"\(path)\": it is not laid out as geoplan's GeoJSON writer"))
        }
    }
}
