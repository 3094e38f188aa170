import Foundation
import GeoplanTestSupport
import Testing

@testable import GeoPlan

@Suite struct GeoJSONHeadTests {
    /// A file in the writer's layout (see GeoJSONPart) with this bbox (none when nil) and one feature.
    func part(
        _ bbox: String?, name: String = "tambons", in folder: TemporaryFolder,
        as file: String
    ) throws -> GeoJSONPart {
        let tail = bbox.map { "\n],\n\"bbox\": [\($0)]\n}\n" } ?? "\n]\n}\n"
        let text =
            "{\n\"type\": \"FeatureCollection\",\n\"name\": \"\(name)\",\n\"features\": [\n"
            + "{\"type\":\"Feature\",\"properties\":{},\"geometry\":null}" + tail
        return try GeoJSONPart.read(try folder.write(text, to: file))
    }

    @Test func eachSideComesFromThePartThatReachesFurthest() throws {
        let folder = try TemporaryFolder()
        let parts = [
            try part("98.0,7.5,99.0,8.0", in: folder, as: "a.geojson"),
            try part(nil, in: folder, as: "blank.geojson"),  // a part without geometries has no say
            try part("97.9,7.6,98.5,10.25", in: folder, as: "b.geojson"),
        ]
        let head = String(decoding: try GeoJSONHead.merged(parts), as: UTF8.self)
        #expect(head.hasSuffix("\"features\": [\n") && !head.contains("bbox"))
        let tail = String(decoding: try GeoJSONHead.mergedTail(parts.map(\.text)), as: UTF8.self)
        #expect(tail == "\n],\n\"bbox\": [97.9,7.5,99.0,10.25]\n}\n")
    }

    @Test func noBoxesLeaveNoBbox() throws {
        let folder = try TemporaryFolder()
        let parts = [try part(nil, in: folder, as: "a.geojson"), try part(nil, in: folder, as: "b.geojson")]
        #expect(try GeoJSONHead.mergedTail(parts.map(\.text)) == Data("\n]\n}\n".utf8))
    }

    @Test func aBoxAcrossTheAntimeridianIsRefused() throws {
        let folder = try TemporaryFolder()
        let parts = [
            try part("179.0,-17.0,-179.5,-16.0", in: folder, as: "fiji.geojson"),
            try part("98.0,7.5,99.0,8.0", in: folder, as: "b.geojson"),
        ]
        do {
            _ = try GeoJSONHead.mergedTail(parts.map(\.text))
            Issue.record("merged a box across the antimeridian")
        } catch {
            #expect("\(error)".contains("fiji.geojson\": its bbox crosses the antimeridian"), "\(error)")
        }
    }

    @Test func headsOfDifferentLayersAreRefused() throws {
        let folder = try TemporaryFolder()
        let parts = [
            try part(nil, in: folder, as: "a.geojson"),
            try part(nil, name: "amphoes", in: folder, as: "b.geojson"),
        ]
        do {
            _ = try GeoJSONHead.merged(parts)
            Issue.record("merged heads of different layers")
        } catch {
            #expect("\(error)".contains("b.geojson\": its GeoJSON header"), "\(error)")
        }
    }
}
