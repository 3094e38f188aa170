import Foundation
import GDAL
import GeoplanTestSupport
import Testing

/// Thai shapefiles in TIS-620 without a `.cpg`, UTF-8 ones without a `.cpg`, and text nobody can identify.
@Suite struct EncodingTests {
    /// Copies the Phuket tambons into a shapefile whose DBF GDAL recodes to TIS-620/CP874, then removes every
    /// declaration (the `.cpg`, the language-driver byte): what many Thai agencies still hand out.
    func undeclaredTIS620(in folder: TemporaryFolder) throws -> String {
        let path = folder.path("legacy.shp")
        let source = try Dataset.open(Fixtures.phuket).layer(at: 0)
        do {
            let dataset = try Dataset.create(path, driver: "ESRI Shapefile")
            let layer = try dataset.createLayer(
                named: "legacy", spatialReference: source.spatialReference,
                geometryType: source.geometryType, options: ["ENCODING": "CP874"])
            for field in source.schema.fields { try layer.createField(field) }
            try source.forEachFeature { feature in
                let copy = try layer.makeFeature()
                for (index, value) in try feature.values().enumerated() { copy.set(value, at: index) }
                try copy.setGeometry(feature.geometry)
                try layer.write(copy)
            }
            try dataset.close()
        }
        try? FileManager.default.removeItem(atPath: folder.path("legacy.cpg"))
        let dbf = URL(fileURLWithPath: folder.path("legacy.dbf"))
        var bytes = [UInt8](try Data(contentsOf: dbf))
        bytes[29] = 0
        try Data(bytes).write(to: dbf)
        // The bytes are TIS-620: "ตลาดใหญ่" as `iconv -f UTF-8 -t TIS-620` writes it (b5c5d2b4e3cbade8).
        #expect(bytes.firstRange(of: [0xB5, 0xC5, 0xD2, 0xB4, 0xE3, 0xCB, 0xAD, 0xE8]) != nil)
        return path
    }

    @Test func tis620WithoutCPGIsDetectedDecodedAndWarnedAbout() throws {
        let folder = try TemporaryFolder()
        let shp = try undeclaredTIS620(in: folder)
        let info = try CommandRunner.run(["info", shp])
        #expect(info.status == 0, "\(info.stderr)")
        #expect(info.stdout.contains("encoding: TIS-620/CP874 (Thai), detected from the bytes"))
        #expect(info.stderr.contains("warning: legacy.dbf: decoded as Thai TIS-620/CP874"))
        #expect(info.stderr.contains("--encoding CP874"))
        // The names come out intact, as UTF-8, in every output.
        let out = folder.path("legacy.geojson")
        let converted = try CommandRunner.run(["convert", shp, out, "--quiet"])
        #expect(converted.status == 0, "\(converted.stderr)")
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.contains("ตลาดใหญ่") && text.contains("เมืองภูเก็ต"))
        // --quiet silences the warning; --encoding or a .cpg makes it unnecessary.
        #expect(!converted.stderr.contains("warning"))
        let told = try CommandRunner.run(["info", shp, "--encoding", "TIS-620"])
        #expect(!told.stderr.contains("warning") && told.stdout.contains("as given with --encoding"))
        try "874".write(toFile: folder.path("legacy.cpg"), atomically: true, encoding: .utf8)
        let declared = try CommandRunner.run(["info", shp])
        #expect(!declared.stderr.contains("warning"))
        #expect(declared.stdout.contains("declared and confirmed by the bytes"))
    }

    @Test func utf8WithoutCPGIsReadAsUTF8() throws {
        let folder = try TemporaryFolder()
        let shp = try folder.copyShapefile(Fixtures.nonthaburi)
        try FileManager.default.removeItem(atPath: folder.path("nonthaburi.cpg"))
        let info = try CommandRunner.run(["info", shp])
        #expect(info.status == 0)
        #expect(info.stdout.contains("encoding: UTF-8, detected from the bytes (no .cpg)"))
        #expect(!info.stderr.contains("warning"))
    }

    @Test func unidentifiableTextIsRefusedWithAHint() throws {
        let folder = try TemporaryFolder()
        // Latin-1 place names (iconv -f UTF-8 -t ISO-8859-1), no .cpg, language driver 0.
        let dbf = try TinyDBF.write(
            to: folder.path("names.dbf"),
            values: [[0x5A, 0xFC, 0x72, 0x69, 0x63, 0x68], [0x43, 0x61, 0x66, 0xE9]])
        let result = try CommandRunner.run(["info", dbf])
        #expect(result.status == 1)
        #expect(result.stderr.contains("names.dbf") && result.stderr.contains("--encoding"))
        let told = try CommandRunner.run(["convert", dbf, folder.path("names.csv"), "--encoding", "ISO-8859-1"])
        #expect(told.status == 0, "\(told.stderr)")
        #expect(try String(contentsOfFile: folder.path("names.csv"), encoding: .utf8).contains("Zürich"))
    }

    @Test func unknownEncodingNameIsRefused() throws {
        let result = try CommandRunner.run(["info", Fixtures.phuket, "--encoding", "klingon"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("unknown text encoding \"klingon\""))
    }
}
