import Foundation
import GDAL
import GeoplanTestSupport
import Testing

@testable import GeoPlan

/// What `--resume` compares for inputs that are not plain files.
@Suite struct InputFingerprintTests {
    @Test func theArchiveBehindAVirtualPathIsFound() throws {
        let folder = try TemporaryFolder()
        let zip = try folder.write("not really a zip", to: "cells.zip")
        #expect(InputFingerprint.localArchive(in: "/vsizip/\(zip)/cells.shp") == zip)
        #expect(InputFingerprint.localArchive(in: "/vsizip/{\(zip)}/inner/cells.shp") == zip)
        #expect(InputFingerprint.localArchive(in: "/vsizip//nowhere/cells.zip/cells.shp") == nil)
        #expect(InputFingerprint.localArchive(in: "/vsicurl/https://example.org/a.zip") == nil)
        #expect(VirtualFile.isRemote("/vsizip//vsicurl/https://example.org/a.zip/a.shp"))
        #expect(!VirtualFile.isRemote("/vsizip/\(zip)/cells.shp"))
    }

    @Test func anArchivesFingerprintFollowsItsBytesAndThePathInsideIt() throws {
        let folder = try TemporaryFolder()
        let zip = try folder.write("first", to: "cells.zip")
        let first = InputFingerprint.of("/vsizip/\(zip)/a.shp")
        #expect(first.fnv1a64 != nil && first.bytes == 5)
        #expect(InputFingerprint.of("/vsizip/\(zip)/b.shp").fnv1a64 != first.fnv1a64)
        _ = try folder.write("other", to: "cells.zip")
        #expect(InputFingerprint.of("/vsizip/\(zip)/a.shp").fnv1a64 != first.fnv1a64)
    }

    @Test func aFolderIsItsFilesByNameAndContent() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path("d"), withIntermediateDirectories: true)
        _ = try folder.write("one", to: "d/a.txt")
        _ = try folder.write("two", to: "d/b.txt")
        let before = InputFingerprint.of(folder.path("d"))
        #expect(before.fnv1a64 != nil && before.bytes == 6)
        _ = try folder.write("owt", to: "d/b.txt")
        #expect(InputFingerprint.of(folder.path("d")).fnv1a64 != before.fnv1a64)
    }

    @Test func whatCannotBeReadHasNoFingerprint() {
        #expect(InputFingerprint.of("/vsimem/nothing-here.geojson").fnv1a64 == nil)
        #expect(InputFingerprint.of("/vsicurl/http://127.0.0.1:9/none.fgb").fnv1a64 == nil)
    }
}
