import Foundation
import GeoplanTestSupport
import Testing

/// The hostile-input catalogue (issue 14): every hostile or careless input found so far, in one table — the input,
/// the command, the exit status, the words the message must hold (and must not), and the files that must not
/// exist afterwards. No case may crash, hang or change a value silently; each runs in seconds.
///
/// Fuller suites per kind live beside it (TableTyping, ClearMessage, ResumeAndMergeTrust, SpecLimitsCommand,
/// ZonalHugeRaster, CoordinateDomainCommand, SpecialFileInput, BadInput, OutputTrust); this table is the index.
@Suite struct HostileInputCatalogueTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        /// Writes the inputs into the folder and returns the command's arguments.
        let make: @Sendable (TemporaryFolder) throws -> [String]
        let status: Int32
        let words: [String]
        var forbidden: [String] = ["⟦", "Fatal error", "Double value cannot be converted"]
        /// Paths relative to the folder that must not exist after the command.
        var absent: [String] = []

        var testDescription: String { name }
    }

    @Test(.timeLimit(.minutes(2)), arguments: catalogue)
    func hostileInput(_ item: Case) throws {
        let folder = try TemporaryFolder()
        let arguments = try item.make(folder)
        let started = Date()
        let result = try CommandRunner.run(arguments, in: folder.url)
        #expect(Date().timeIntervalSince(started) < 60, "\(item.name) took too long")
        #expect(result.status == item.status, "\(item.name): status \(result.status); stderr: \(result.stderr)")
        let said = result.stdout + result.stderr
        for word in item.words {
            #expect(said.contains(word), "\(item.name): \"\(word)\" not in: \(said)")
        }
        for word in item.forbidden {
            #expect(!said.contains(word), "\(item.name): \"\(word)\" in: \(said)")
        }
        for path in item.absent {
            #expect(!FileManager.default.fileExists(atPath: folder.path(path)), "\(item.name): \(path) exists")
        }
        if item.status != 0 {
            // An error is one line, never a stack trace.
            #expect(
                result.stderr.split(separator: "\n").filter { $0.hasPrefix("error:") }.count <= 1,
                "\(item.name): \(result.stderr)")
        }
    }

    // MARK: - Inputs

    static func square(_ west: Double, _ south: Double, _ size: Double, code: String = "A1") -> (String, String) {
        let (east, north) = (west + size, south + size)
        let ring = [(west, south), (east, south), (east, north), (west, north), (west, south)]
        let coordinates = ring.map { "[\($0.0), \($0.1)]" }.joined(separator: ", ")
        return (#"{"type": "Polygon", "coordinates": [[\#(coordinates)]]}"#, #"{"code": "\#(code)"}"#)
    }

    static func layer(_ folder: TemporaryFolder, _ name: String, _ features: [(String, String)]) throws -> String {
        try folder.write(SyntheticData.featureCollection(features), to: name)
    }

    static func spec(
        _ folder: TemporaryFolder, boundary: String, boundaryExtra: String = "",
        inputs: String = "", indicators: String = "", output: String = "out"
    ) throws -> String {
        try folder.write(
            """
            boundaries:
              - name: cells
                path: \(boundary)
                id: code\(boundaryExtra)
            \(inputs)
            indicators:
              - id: area
                type: area\(indicators)
            output:
              folder: \(output)
              formats: [csv]
            """, to: "spec.yaml")
    }

    static func tableSpec(_ folder: TemporaryFolder, cells: [String]) throws -> [String] {
        _ = try layer(
            folder, "cells.geojson",
            cells.indices.map {
                square(
                    100.5 + Double($0) * 0.01, 13.5, 0.01,
                    code: "A\($0 + 1)")
            })
        let rows = cells.enumerated().map { "A\($0.offset + 1),\"\($0.element)\"" }.joined(separator: "\n")
        _ = try folder.write("code,people\n\(rows)\n", to: "people.csv")
        return [
            "run",
            try spec(
                folder, boundary: "cells.geojson",
                inputs: "inputs:\n  - name: table\n    type: table\n    path: people.csv\n    code: code",
                indicators: "\n  - id: people\n    type: join\n    input: table\n    column: people"),
        ]
    }

    static let lat95: @Sendable (TemporaryFolder) throws -> String = { folder in
        try layer(folder, "lat95.geojson", [square(101, 94, 1)])
    }

    static let lon500: @Sendable (TemporaryFolder) throws -> String = { folder in
        try layer(folder, "lon500.geojson", [square(500.5, 13.5, 0.01)])
    }

    static let noCRS: @Sendable (TemporaryFolder) throws -> String = { folder in
        try folder.write(
            "code,WKT\nA1,\"POLYGON ((100.5 13.5,100.51 13.5,100.51 13.51,100.5 13.51,100.5 13.5))\"\n",
            to: "nocrs.csv")
    }

    static let hugeRaster: @Sendable (TemporaryFolder) throws -> String = { folder in
        try folder.write(
            """
            <VRTDataset rasterXSize="2000000000" rasterYSize="2000000000">
              <SRS>EPSG:4326</SRS>
              <GeoTransform>100.0, 1.7e-10, 0, 13.34, 0, -1.7e-10</GeoTransform>
              <VRTRasterBand dataType="Float32" band="1"><Offset>3</Offset></VRTRasterBand>
            </VRTDataset>
            """, to: "huge.vrt")
    }

    // MARK: - The catalogue

    static let catalogue: [Case] = [
        // Crashes: a polygon beyond the pole; a grid too big to hold.
        Case(
            name: "latitude 95, measure", make: { ["measure", try lat95($0)] }, status: 1,
            words: ["feature 0", "beyond the pole"]),
        Case(
            name: "latitude 95, area in rai",
            make: {
                [
                    "area", try lat95($0), "--unit", "rai", "--id", "code",
                    "--out", $0.path("rai.csv"),
                ]
            },
            status: 1, words: ["beyond the pole"], absent: ["rai.csv"]),
        Case(
            name: "latitude 95, validate", make: { ["validate", try lat95($0)] }, status: 3,
            words: ["latitude"]),
        Case(
            name: "latitude 95, info", make: { ["info", try lat95($0)] }, status: 0,
            words: ["out of range"], forbidden: ["NaN", "⟦"]),
        Case(
            name: "2e9 × 2e9 raster over a large area, zonal",
            make: { folder in
                let raster = try hugeRaster(folder)
                let areas = try layer(folder, "areas.geojson", [square(100.0, 13.0, 0.3, code: "BIG")])
                return ["zonal", areas, raster, "--stats", "sum", "--id", "code", "--out", folder.path("z.csv")]
            }, status: 1, words: ["huge.vrt", "area \"BIG\"", "limit"], absent: ["z.csv"]),
        Case(
            name: "2e9 × 2e9 raster under a small area, zonal",
            make: { folder in
                let raster = try hugeRaster(folder)
                let areas = try layer(folder, "areas.geojson", [square(100.1, 13.1, 1e-8, code: "SMALL")])
                return ["zonal", areas, raster, "--stats", "mean", "--id", "code"]
            }, status: 0, words: ["SMALL"]),

        // Hangs: YAML alias bombs, special files.
        Case(
            name: "YAML alias used as a key over nine levels",
            make: { folder in
                var lines = ["a0: &a0 x"]
                for level in 1...9 {
                    lines.append(
                        "a\(level): &a\(level) ["
                            + Array(repeating: "*a\(level - 1)", count: 9)
                            .joined(separator: ", ") + "]")
                }
                return [
                    "run",
                    try folder.write(
                        (lines + ["y: {? *a9 : 1}"]).joined(separator: "\n") + "\n",
                        to: "bomb.yaml"), "--check",
                ]
            }, status: 1, words: ["bomb.yaml:", "million nodes"]),
        Case(
            name: "YAML nested 10,000 levels",
            make: { ["run", try $0.write(String(repeating: "[", count: 10_000), to: "deep.yaml"), "--check"] },
            status: 1, words: ["deep.yaml:", "nested more than"]),
        Case(
            name: "expression nested 2,000 parentheses",
            make: { folder in
                _ = try layer(folder, "cells.geojson", [square(100.5, 13.5, 0.01)])
                let deep = String(repeating: "(", count: 2_000) + "area" + String(repeating: ")", count: 2_000)
                return [
                    "run",
                    try spec(
                        folder, boundary: "cells.geojson",
                        indicators: "\n  - id: deep\n    type: expression\n    expression: \"\(deep)\""),
                    "--check",
                ]
            }, status: 1, words: ["spec.yaml:", "nested more than"]),
        Case(
            name: "a FIFO as the boundaries",
            make: { folder in
                let fifo = folder.path("pipe.geojson")
                guard mkfifo(fifo, 0o600) == 0 else { throw CocoaError(.fileWriteUnknown) }
                return ["measure", fifo]
            }, status: 1, words: ["FIFO"]),
        Case(
            name: "/dev/zero as the spec", make: { _ in ["run", "/dev/zero", "--check"] }, status: 1,
            words: ["device"]),

        // Silent wrong values, now said.
        Case(
            name: "a table cell 'abc' in a numeric column", make: { try tableSpec($0, cells: ["1200", "abc"]) },
            status: 1, words: ["row 2", "\"abc\" is not a number", "`non_numeric: null`"],
            absent: ["out/cells.csv", "out/cells.meta.json"]),
        Case(
            name: "a table cell 1e309", make: { try tableSpec($0, cells: ["1e309", "5"]) }, status: 1,
            words: ["\"1e309\" is not a finite number"], absent: ["out/cells.csv", "out/cells.meta.json"]),
        Case(
            name: "a map of a joined value of 1e300",
            make: { folder in
                var arguments = try tableSpec(folder, cells: ["1e300", "5"])
                let spec = arguments[1]
                let text = try String(contentsOfFile: spec, encoding: .utf8)
                    .replacingOccurrences(of: "    column: people", with: "    column: people\n    map: {classes: 2}")
                try text.write(toFile: spec, atomically: true, encoding: .utf8)
                arguments[1] = spec
                return arguments
            }, status: 0, words: ["people"]),
        Case(
            name: "thousands separators", make: { try tableSpec($0, cells: ["1,234", "5"]) }, status: 0,
            words: ["thousands separators (1,234)"]),
        Case(
            name: "longitude 500, convert",
            make: { ["convert", try lon500($0), $0.path("out.geojson")] }, status: 1,
            words: ["outside ±180", "--wrap-longitudes"], absent: ["out.geojson"]),
        Case(
            name: "longitude 500, run",
            make: { folder in
                _ = try lon500(folder)
                return ["run", try spec(folder, boundary: "lon500.geojson")]
            },
            status: 1, words: ["`wrap_longitudes: true`"], forbidden: ["--wrap-longitudes", "⟦"],
            absent: ["out/cells.csv", "out/cells.meta.json"]),
        Case(
            name: "longitude 500, area --wrap-longitudes",
            make: { ["area", try lon500($0), "--id", "code", "--wrap-longitudes"] }, status: 0,
            words: ["shifted by 360°", "(--wrap-longitudes)", "A1"]),
        Case(
            name: "--precision 16", make: { ["convert", try lat95($0), $0.path("p.geojson"), "--precision", "16"] },
            status: 2, words: ["--precision"], absent: ["p.geojson"]),
        Case(
            name: "merge of a part without its record",
            make: { ["merge", $0.path("merged.csv"), try $0.write("code\nA1\n", to: "part.csv")] }, status: 1,
            words: ["provenance record"], absent: ["merged.csv"]),

        // Unclear errors, now clear and in the front-end's words.
        Case(
            name: "no CRS in a spec run",
            make: { folder in
                _ = try noCRS(folder)
                return ["run", try spec(folder, boundary: "nocrs.csv")]
            },
            status: 1, words: ["spec.yaml", "`assume_crs: EPSG:4326`"], forbidden: ["--assume-crs", "⟦"],
            absent: ["out/cells.csv", "out/cells.meta.json"]),
        Case(
            name: "no CRS on the command line", make: { ["measure", try noCRS($0)] }, status: 1,
            words: ["--assume-crs EPSG:4326"], forbidden: ["assume_crs", "⟦"]),
        Case(
            name: "a where: that selects nothing",
            make: { folder in
                _ = try layer(folder, "cells.geojson", [square(100.5, 13.5, 0.01)])
                return [
                    "run", try spec(folder, boundary: "cells.geojson", boundaryExtra: "\n    where: \"code = 'X'\""),
                ]
            }, status: 1, words: ["no feature matches the filter", "`where: …`"], forbidden: ["--where", "⟦"]),
        Case(
            name: "a shapefile without its .dbf",
            make: { folder in
                let shp = try folder.copyShapefile(Fixtures.phuket)
                try FileManager.default.removeItem(atPath: folder.path("phuket.dbf"))
                return ["info", shp]
            }, status: 1, words: ["\"phuket.dbf\" is missing"], forbidden: ["its fields are"]),
        Case(
            name: "an output folder that is a file",
            make: { folder in
                _ = try layer(folder, "cells.geojson", [square(100.5, 13.5, 0.01)])
                _ = try folder.write("not a folder", to: "taken")
                return ["run", try spec(folder, boundary: "cells.geojson", output: "taken")]
            }, status: 1, words: ["is a file"]),
        Case(
            name: "two CRS codes for one",
            make: { ["measure", try noCRS($0), "--assume-crs", "EPSG:4326 EPSG:3857"] }, status: 1,
            words: ["expected one code"]),
        Case(
            name: "a one-off into a folder that does not exist",
            make: { ["area", Fixtures.phuket, "--out", $0.path("new/deeper/a.csv")] }, status: 1,
            words: ["does not exist"], absent: ["new"]),
        Case(
            name: "a boundary feature without geometry",
            make: { folder in
                _ = try layer(folder, "cells.geojson", [square(100.5, 13.5, 0.01), ("null", #"{"code": "A2"}"#)])
                return ["run", try spec(folder, boundary: "cells.geojson")]
            }, status: 1, words: ["has no geometry"], forbidden: ["is no geometry"],
            absent: ["out/cells.csv", "out/cells.meta.json"]),
        Case(
            name: "two features with one code",
            make: { folder in
                _ = try layer(folder, "cells.geojson", [square(100.5, 13.5, 0.01), square(100.6, 13.5, 0.01)])
                return ["run", try spec(folder, boundary: "cells.geojson")]
            }, status: 1, words: ["ids must be unique"], absent: ["out/cells.csv", "out/cells.meta.json"]),
        Case(
            name: "an unknown encoding", make: { _ in ["info", Fixtures.phuket, "--encoding", "klingon"] },
            status: 1, words: ["unknown text encoding \"klingon\"", "--encoding"]),
        Case(
            name: "a truncated shapefile",
            make: { folder in
                let shp = try folder.copyShapefile(Fixtures.phuket)
                let bytes = try Data(contentsOf: URL(fileURLWithPath: shp))
                try bytes.prefix(bytes.count / 3).write(to: URL(fileURLWithPath: shp))
                return ["convert", shp, folder.path("cut.geojson")]
            }, status: 1, words: ["phuket.shp"], absent: ["cut.geojson"]),
        Case(
            name: "an empty file", make: { ["info", try $0.write("", to: "empty.geojson")] }, status: 1,
            words: ["empty.geojson"]),
    ]
}
