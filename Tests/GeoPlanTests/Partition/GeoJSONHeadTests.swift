import Foundation
import GeoplanTestSupport
import Testing

@testable import GeoPlan

@Suite struct GeoJSONHeadTests {
    /// A file in GDAL's layout (see GeoJSONPart) with this bbox line content and one feature.
    func part(_ bbox: String, name: String = "tambons", in folder: TemporaryFolder,
              as file: String) throws -> GeoJSONPart {
        let line = bbox + String(repeating: " ", count: 131 - bbox.count)
        let text = "{\n\"type\": \"FeatureCollection\",\n\"name\": \"\(name)\",\n\(line)\n\"features\": [\n"
            + "{ \"type\": \"Feature\", \"properties\": { }, \"geometry\": null }\n]\n}\n"
        return try GeoJSONPart.read(try folder.write(text, to: file))
    }

    @Test func eachSideComesFromThePartThatReachesFurthest() throws {
        let folder = try TemporaryFolder()
        let parts = [
            try part("\"bbox\": [ 98.0000000, 7.5000000, 99.0000000, 8.0000000 ],", in: folder, as: "a.geojson"),
            try part("", in: folder, as: "blank.geojson"),  // a part without geometries has no say
            try part("\"bbox\": [ 97.9000000, 7.6000000, 98.5000000, 10.2500000 ],", in: folder, as: "b.geojson"),
        ]
        let head = String(decoding: try GeoJSONHead.merged(parts), as: UTF8.self)
        let expected = "\"bbox\": [ 97.9000000, 7.5000000, 99.0000000, 10.2500000 ],"
        #expect(head.contains("\n" + expected + String(repeating: " ", count: 131 - expected.count) + "\n"))
        #expect(head.hasSuffix("\"features\": [\n"))
    }

    @Test func noBoxesLeaveTheLineBlank() throws {
        let folder = try TemporaryFolder()
        let parts = [try part("", in: folder, as: "a.geojson"), try part("", in: folder, as: "b.geojson")]
        #expect(try GeoJSONHead.merged(parts) == GeoJSONHead.blanked(parts[0]))
    }

    @Test func aBoxAcrossTheAntimeridianIsRefused() throws {
        let folder = try TemporaryFolder()
        let parts = [
            try part("\"bbox\": [ 179.0000000, -17.0000000, -179.5000000, -16.0000000 ],", in: folder,
                     as: "fiji.geojson"),
            try part("\"bbox\": [ 98.0000000, 7.5000000, 99.0000000, 8.0000000 ],", in: folder, as: "b.geojson"),
        ]
        #expect(throws: GeoPlanError.self) { try GeoJSONHead.merged(parts) }
        do {
            _ = try GeoJSONHead.merged(parts)
        } catch {
            #expect("\(error)".contains("fiji.geojson\": its bbox crosses the antimeridian"), "\(error)")
        }
    }

    @Test func headsOfDifferentLayersAreRefused() throws {
        let folder = try TemporaryFolder()
        let parts = [try part("", in: folder, as: "a.geojson"),
                     try part("", name: "amphoes", in: folder, as: "b.geojson")]
        do {
            _ = try GeoJSONHead.merged(parts)
            Issue.record("merged heads of different layers")
        } catch {
            #expect("\(error)".contains("b.geojson\": its GeoJSON header"), "\(error)")
        }
    }
}
