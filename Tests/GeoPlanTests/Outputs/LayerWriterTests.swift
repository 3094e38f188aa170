import Foundation
import GDAL
import GeoplanTestSupport
import Testing

@testable import GeoPlan

/// `LayerWriter` once closed: it holds no GDAL layer, and a write is an error naming the output.
@Suite struct LayerWriterTests {
    func writer(_ path: String) throws -> LayerWriter {
        let target = try OutputTarget(path: path, overwrite: false, inputs: [])
        return try LayerWriter(
            target: target, layerName: "points",
            schema: LayerSchema(fields: [FieldDefinition(name: "name", type: .string)]),
            spatialReference: try SpatialReference.wgs84(),
            geometryType: GeometryType(kind: .point))
    }

    func write(_ writer: LayerWriter, _ index: Int) throws {
        try writer.write(
            values: [.string("P\(index)")], geometry: try OGRGeometry(wkt: "POINT (100 \(index))"),
            source: FeatureLocation(path: "test", featureID: Int64(index)))
    }

    @Test(arguments: ["points.gpkg", "points.fgb", "points.shp", "points.geojson"])
    func writingAfterCloseIsAnError(file: String) throws {
        let folder = try TemporaryFolder()
        let path = folder.path(file)
        let writer = try writer(path)
        try write(writer, 0)
        try writer.close()
        try writer.close()  // a second close answers as the first did
        #expect {
            try write(writer, 1)
        } throws: { error in
            "\(error)".contains("written to after it was closed") && "\(error)".contains(file)
        }
        try writer.commit()
        #expect(writer.written == 1)
        let layer = try Dataset.open(path).layer(at: 0)
        #expect(layer.featureCount() == 1)
    }

    @Test func aFailedCloseIsNotForgottenByTheNext() throws {
        let folder = try TemporaryFolder()
        let writer = try writer(folder.path("points.gpkg"))
        try write(writer, 0)
        // The staged file vanishes before it is read back, as on a failing disk: close() fails, and so does the
        // next call, so that `finish()` never commits what was not written.
        let staged = try #require(
            FileManager.default.enumerator(atPath: folder.url.path)?
                .compactMap { $0 as? String }.first { $0.hasSuffix("/points.gpkg") })
        try FileManager.default.removeItem(atPath: folder.path(staged))
        let first = #expect(throws: (any Error).self) { try writer.close() }
        let second = #expect(throws: (any Error).self) { try writer.finish() }
        #expect(first.map { "\($0)" } == second.map { "\($0)" })
        #expect(!FileManager.default.fileExists(atPath: folder.path("points.gpkg")))
    }
}
