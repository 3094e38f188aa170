import Foundation
import GeoplanTestSupport
import Testing

@testable import GeoPlan

@Suite struct StagedOutputTests {
    @Test func nothingIsLeftWhenAbandoned() throws {
        let folder = try TemporaryFolder()
        do {
            let staged = try StagedOutput(target: OutputTarget(path: folder.path("out.geojson"), overwrite: false,
                                                               inputs: []))
            try "half".write(toFile: staged.stagingPath, atomically: false, encoding: .utf8)
            #expect(folder.contents().count == 1)  // the hidden staging folder
        }
        #expect(folder.contents().isEmpty)
    }

    @Test func commitReplacesAnEarlierOutputAndItsStaleSidecars() throws {
        let folder = try TemporaryFolder()
        try folder.write("old shp", to: "out.shp")
        try folder.write("old cpg", to: "out.cpg")
        let staged = try StagedOutput(target: OutputTarget(path: folder.path("out.shp"), overwrite: true, inputs: []))
        let stem = (staged.stagingPath as NSString).deletingPathExtension
        for ext in ["shp", "shx", "dbf"] {
            try "new \(ext)".write(toFile: "\(stem).\(ext)", atomically: false, encoding: .utf8)
        }
        try staged.commit()
        #expect(folder.contents() == ["out.dbf", "out.shp", "out.shx"])
        #expect(try String(contentsOfFile: folder.path("out.shp"), encoding: .utf8) == "new shp")
    }

    @Test func aWriterThatProducedNothingIsAnError() throws {
        let folder = try TemporaryFolder()
        let staged = try StagedOutput(target: OutputTarget(path: folder.path("out.gpkg"), overwrite: false, inputs: []))
        #expect(throws: GeoPlanError.self) { try staged.commit() }
    }
}
