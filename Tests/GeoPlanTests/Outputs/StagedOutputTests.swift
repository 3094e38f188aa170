import Foundation
import GeoplanTestSupport
import Testing

@testable import GeoPlan

@Suite struct StagedOutputTests {
    /// The folder's files, geoplan's bookkeeping folder aside.
    static func outputs(_ folder: TemporaryFolder) -> [String] {
        folder.contents().filter { $0 != BookkeepingFolder.name }
    }

    @Test func nothingIsLeftWhenAbandoned() throws {
        let folder = try TemporaryFolder()
        do {
            let staged = try StagedOutput(
                target: OutputTarget(
                    path: folder.path("out.geojson"), overwrite: false,
                    inputs: []))
            try "half".write(toFile: staged.stagingPath, atomically: false, encoding: .utf8)
            #expect(Self.outputs(folder).isEmpty)
        }
        #expect(folder.contents().isEmpty)  // not even geoplan's bookkeeping folder
    }

    @Test func commitReplacesAnEarlierOutputAndTheSidecarsGeoplanWrote() throws {
        let folder = try TemporaryFolder()
        let first = try StagedOutput(target: OutputTarget(path: folder.path("out.shp"), overwrite: false, inputs: []))
        let firstStem = (first.stagingPath as NSString).deletingPathExtension
        for ext in ["shp", "shx", "dbf", "cpg"] {
            try "old \(ext)".write(toFile: "\(firstStem).\(ext)", atomically: false, encoding: .utf8)
        }
        try first.commit()
        let staged = try StagedOutput(target: OutputTarget(path: folder.path("out.shp"), overwrite: true, inputs: []))
        let stem = (staged.stagingPath as NSString).deletingPathExtension
        for ext in ["shp", "shx", "dbf"] {
            try "new \(ext)".write(toFile: "\(stem).\(ext)", atomically: false, encoding: .utf8)
        }
        try staged.commit()
        #expect(Self.outputs(folder) == ["out.dbf", "out.shp", "out.shx"])  // the stale .cpg was geoplan's
        #expect(try String(contentsOfFile: folder.path("out.shp"), encoding: .utf8) == "new shp")
    }

    @Test func aWriterThatProducedNothingIsAnError() throws {
        let folder = try TemporaryFolder()
        let staged = try StagedOutput(target: OutputTarget(path: folder.path("out.gpkg"), overwrite: false, inputs: []))
        #expect(throws: GeoPlanError.self) { try staged.commit() }
    }
}
