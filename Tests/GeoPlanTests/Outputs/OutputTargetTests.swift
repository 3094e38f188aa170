import Foundation
import GeoplanTestSupport
import Testing

@testable import GeoPlan

@Suite struct OutputTargetTests {
    @Test(arguments: [
        ("a.geojson", OutputFormat.geoJSON), ("A.JSON", .geoJSON), ("b.gpkg", .geoPackage),
        ("c.fgb", .flatGeobuf), ("d.csv", .csv), ("e.SHP", .shapefile),
    ])
    func formatFollowsTheExtension(name: String, format: OutputFormat) {
        #expect(OutputFormat(path: "/tmp/\(name)") == format)
    }

    @Test func refusesWhatItCannotWriteSafely() throws {
        let folder = try TemporaryFolder()
        #expect(throws: GeoPlanError.self) {
            try OutputTarget(path: folder.path("x.kml"), overwrite: false, inputs: [])
        }
        #expect(throws: GeoPlanError.self) {
            try OutputTarget(path: folder.path("missing/x.gpkg"), overwrite: false, inputs: [])
        }
        let existing = try folder.write("old", to: "x.gpkg")
        #expect(throws: GeoPlanError.self) { try OutputTarget(path: existing, overwrite: false, inputs: []) }
        #expect(throws: Never.self) { try OutputTarget(path: existing, overwrite: true, inputs: []) }
    }

    @Test func aShapefilesPartsCountAsTheSameFile() throws {
        let folder = try TemporaryFolder()
        let shp = try folder.copyShapefile(Fixtures.phuket)
        #expect(throws: GeoPlanError.self) { try OutputTarget(path: shp, overwrite: true, inputs: [shp]) }
        // The same file through another spelling of its path.
        let roundabout = folder.url.appendingPathComponent("../\(folder.url.lastPathComponent)/phuket.shp").path
        #expect(throws: GeoPlanError.self) { try OutputTarget(path: roundabout, overwrite: true, inputs: [shp]) }
        // Another part of the input, and another layer beside it.
        let dbf = (shp as NSString).deletingPathExtension + ".dbf"
        #expect(throws: GeoPlanError.self) { try OutputTarget(path: dbf, overwrite: true, inputs: [shp]) }
        #expect(throws: Never.self) { try OutputTarget(path: folder.path("other.shp"), overwrite: true, inputs: [shp]) }
    }
}
