import Foundation
import GDAL
import GeoplanTestSupport
import Testing

@testable import GeoPlan

/// One naming authority for output columns (issue 13, part 6): every name decided once, unique ignoring case,
/// checked at `--check`; classes that normalise alike kept apart; shapefile short names recorded; format limits.
@Suite struct ColumnNamingTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
        try folder.write(
            SyntheticData.featureCollection([
                (
                    #"{"type": "Polygon", "coordinates": [[[100.0, 13.0], [100.1, 13.0], [100.1, 13.1], [100.0, 13.1], [100.0, 13.0]]]}"#,
                    #"{"code": "A", "name": "ก"}"#
                ),
                (
                    #"{"type": "Polygon", "coordinates": [[[100.1, 13.0], [100.2, 13.0], [100.2, 13.1], [100.1, 13.1], [100.1, 13.0]]]}"#,
                    #"{"code": "B", "name": "ข"}"#
                ),
            ]), to: "cells.geojson")
    }

    /// A spec over the two cells with these indicator lines (YAML, indented as list items) and outputs.
    func spec(_ indicators: String, formats: String = "[csv]", inputs: String = "") throws -> Spec {
        let path = try folder.write(
            """
            boundaries:
              - name: cells
                path: cells.geojson
                id: code
                names: [name]
            \(inputs.isEmpty ? "" : "inputs:\n" + inputs)
            indicators:
            \(indicators)
            output:
              folder: out
              formats: \(formats)
            """, to: "spec.yaml")
        return try SpecParser.load(path)
    }

    /// Points in cell A (x < 100.1) and B, one per class label (nil: a null `kind`).
    func writePoints(_ labels: [(label: String?, inA: Bool)]) throws {
        let features = labels.enumerated().map { position, point in
            let x = (point.inA ? 100.0 : 100.1) + 0.01 + 0.08 * Double(position) / Double(max(labels.count, 1))
            let kind =
                point.label.map { label in
                    String(data: (try? JSONEncoder().encode(label)) ?? Data(), encoding: .utf8) ?? "null"
                } ?? "null"
            return (#"{"type": "Point", "coordinates": [\#(x), 13.05]}"#, #"{"kind": \#(kind)}"#)
        }
        try folder.write(SyntheticData.featureCollection(features), to: "points.geojson")
    }

    static let pointsInput = """
          - name: points
            type: points
            path: points.geojson
        """

    /// The error a run (or `--check`) stops with, as the CLI prints it.
    func failure(_ spec: Spec, check: Bool) -> String? {
        do {
            _ = try Runner.run(spec, check: check)
            return nil
        } catch {
            return "\(error)"
        }
    }

    // MARK: - Collisions between sources

    @Test func kmAndRaiAreasCannotShareTheThaiTextColumn() throws {
        let spec = try spec(
            """
              - id: a_thai
                type: area
                unit: km2
              - id: a
                type: area
                unit: rai
            """)
        for check in [true, false] {
            let message = try #require(failure(spec, check: check))
            #expect(message.contains(#"column "a_thai""#), "\(message)")
            #expect(
                message.contains(#"indicator "a_thai" (line 8)"#) && message.contains(#"indicator "a""#)
                    && message.contains("line 11"), "\(message)")
            #expect(message.hasPrefix(folder.path("spec.yaml") + ":11:"), "\(message)")
        }
        #expect(folder.written("out") == [])
    }

    @Test(arguments: ["code", "CODE", "name", "Name"])
    func anIndicatorCannotTakeABoundaryFieldsName(id: String) throws {
        let spec = try spec(
            """
              - id: \(id)
                type: area
            """)
        let message = try #require(failure(spec, check: true))
        #expect(message.contains("boundary set \"cells\""), "\(message)")
        #expect(message.contains("indicator \"\(id)\" (line 8)"), "\(message)")
        #expect(message.contains("ignoring case"), "\(message)")
    }

    @Test func aMappedIndicatorsClassColumnsAreChecked() throws {
        let spec = try spec(
            """
              - id: density
                type: area
                map: true
              - id: density_colour
                type: area
            """)
        let message = try #require(failure(spec, check: true))
        #expect(message.contains(#"column "density_colour""#) && message.contains("map"), "\(message)")
    }

    @Test func aGeoPackageReservesItsFidAndGeometryColumns() throws {
        let spec = try spec(
            """
              - id: FID
                type: area
            """, formats: "[gpkg]")
        let message = try #require(failure(spec, check: true))
        #expect(message.contains("GeoPackage") && message.contains("fid"), "\(message)")
        #expect(failure(try self.spec("  - {id: fid, type: area}"), check: true) == nil)
    }

    @Test func anIndicatorCannotTakeALevelsCodeColumn() throws {
        try folder.write(
            SyntheticData.featureCollection([
                (
                    #"{"type": "Polygon", "coordinates": [[[100.0, 13.0], [100.1, 13.0], [100.1, 13.1], [100.0, 13.1], [100.0, 13.0]]]}"#,
                    #"{"code": "TH100101", "name": "ก"}"#
                )
            ]), to: "tambons.geojson")
        let path = try folder.write(
            """
            boundaries:
              - name: tambons
                path: tambons.geojson
                id: code
                names: [name]
                levels: [district]
            indicators:
              - id: District_Code
                type: area
            output:
              formats: [csv]
            """, to: "levels.yaml")
        let message = try #require(failure(try SpecParser.load(path), check: true))
        #expect(message.contains(#"level "district"'s code column"#), "\(message)")
        #expect(message.contains(#"indicator "District_Code" (line 8)"#), "\(message)")
    }

    // MARK: - Classes that normalise alike

    @Test func classesThatNormaliseAlikeGetDistinctColumnsThatAddUp() throws {
        try writePoints([
            ("A-B", true), ("A B", true), ("A B", false), ("a_b", true), ("A.B", false),
            (nil, true), ("", true), ("", false), ("unclassified", true),
        ])
        let spec = try spec(
            """
              - id: c
                type: count
                input: points
                by: kind
            """, formats: "[csv, geojson, gpkg]", inputs: Self.pointsInput)
        let report = try Runner.run(spec)
        // Sorted classes ("A B" < "A-B" < "A.B" < "a_b" < "unclassified"); the missing ones (null and "") first.
        let expected: [(name: String, className: String?)] = [
            ("c", nil), ("c_a_b", "A B"), ("c_a_b_2", "A-B"), ("c_a_b_3", "A.B"), ("c_a_b_4", "a_b"),
            ("c_unclassified_2", "unclassified"), ("c_unclassified", nil),
        ]
        #expect(report.boundarySets.first?.columns.map(\.name) == expected.map(\.name))
        #expect(report.warnings.contains { $0.contains(#""A-B""#) && $0.contains("c_a_b_2") }, "\(report.warnings)")
        let tables = try OutputReader.tables(in: folder.path("out"), stem: "cells")
        for (format, table) in tables {
            #expect(table.header == ["code", "name"] + expected.map(\.name), "\(format)")
            #expect(table.value("A", "c") == 6 && table.value("B", "c") == 3, "\(format)")
            #expect(table.value("A", "c_unclassified") == 2 && table.value("B", "c_unclassified") == 1, "\(format)")
            #expect(table.value("A", "c_unclassified_2") == 1 && table.value("A", "c_a_b_2") == 1, "\(format)")
            for id in ["A", "B"] {
                let classes = expected.dropFirst().map { table.value(id, $0.name) ?? -1 }.reduce(0, +)
                #expect(classes == table.value(id, "c"), "\(format) \(id)")
            }
        }
        let meta = try MetaRecord.read(folder.path("out/cells.meta.json"))
        #expect(meta.columns.map(\.name) == expected.map(\.name))
        #expect(meta.columns.map(\.className) == expected.map(\.className))
    }

    /// Random labels (seeded): every column name is unique ignoring case and every area's classes add up to its
    /// total, in CSV, GeoJSON and GeoPackage alike.
    @Test func classColumnsAddUpToTheirTotalForRandomLabels() throws {
        var generator = SeededGenerator(seed: 0x6765_6F70_6C61_6E)
        let alphabet = ["A", "a", "b", "B", "-", " ", ".", "_", "ก", "1", "ß"]
        for trial in 0..<12 {
            let labels: [(label: String?, inA: Bool)] = (0..<Int.random(in: 1...25, using: &generator)).map { _ in
                let length = Int.random(in: 0...3, using: &generator)
                let label =
                    Int.random(in: 0..<8, using: &generator) == 0
                    ? nil
                    : (0..<length).map { _ in alphabet.randomElement(using: &generator) ?? "" }.joined()
                return (label, Bool.random(using: &generator))
            }
            try writePoints(labels)
            try? FileManager.default.removeItem(atPath: folder.path("out"))
            let spec = try spec(
                "  - {id: n, type: count, input: points, by: kind}", formats: "[csv, geojson, gpkg]",
                inputs: Self.pointsInput)
            _ = try Runner.run(spec)
            for (format, table) in try OutputReader.tables(in: folder.path("out"), stem: "cells") {
                let lowered = table.header.map { $0.lowercased() }
                #expect(Set(lowered).count == lowered.count, "trial \(trial) \(format): \(table.header)")
                let classColumns = table.header.filter { $0.hasPrefix("n_") }
                for id in ["A", "B"] {
                    let total = table.value(id, "n")
                    let sum = classColumns.map { table.value(id, $0) ?? -1_000 }.reduce(0, +)
                    #expect(total == sum, "trial \(trial) \(format) \(id): \(labels)")
                    #expect(total == Double(labels.filter { $0.inA == (id == "A") }.count), "trial \(trial)")
                }
            }
        }
    }

    /// Each partition reads the classes of the whole input, so all of them name (and suffix) the columns alike,
    /// even a partition whose areas have none of the points.
    @Test func everyPartitionNamesTheClassColumnsAlike() throws {
        try writePoints([("A-B", true), ("A B", true), ("a_b", true), ("", true)])
        let spec = try spec("  - {id: c, type: count, input: points, by: kind}", inputs: Self.pointsInput)
        let headers = try (1...2).map { index in
            try Runner.run(
                spec, outputFolder: folder.path("part-\(index)"),
                partition: try PartitionRequest(index: index, count: 2))
            return try String(contentsOfFile: folder.path("part-\(index)/cells.csv"), encoding: .utf8)
                .split(whereSeparator: \.isNewline).first.map(String.init)
        }
        #expect(headers[0] == "code,name,c,c_a_b,c_a_b_2,c_a_b_3,c_unclassified")
        #expect(headers[0] == headers[1])
    }

    // MARK: - Shapefiles and format limits

    @Test func shapefileFieldsGetRecordedShortNames() throws {
        try writePoints([("school", true), ("temple", false)])
        let spec = try spec(
            """
              - {id: population_total, type: area}
              - {id: population_density, type: area}
              - {id: population, type: area, unit: rai}
              - {id: facilities_by_kind, type: count, input: points, by: kind}
            """, formats: "[shp, csv]", inputs: Self.pointsInput)
        _ = try Runner.run(spec)
        let meta = try MetaRecord.read(folder.path("out/cells.meta.json"))
        let names = try #require(meta.shapefileFields?["cells.shp"])
        let long = [
            "code", "name", "population_total", "population_density", "population", "population_thai",
            "facilities_by_kind", "facilities_by_kind_school", "facilities_by_kind_temple",
        ]
        #expect(Set(names.keys) == Set(long))
        let short = long.compactMap { names[$0] }
        #expect(short.allSatisfy { $0.utf8.count <= 10 })
        #expect(Set(short.map { $0.lowercased() }).count == short.count, "\(short)")
        #expect(names["code"] == "code" && names["population"] == "population")
        let layer = try Dataset.open(folder.path("out/cells.shp")).layer(at: 0)
        #expect(layer.schema.names == short)
        let feature = try #require(try layer.feature(id: 0))
        #expect(try feature.value(try #require(names["facilities_by_kind_school"])) == .integer(1))
    }

    @Test func aGeoPackageHoldsAtMost2000Columns() throws {
        // code, name, fid and geom besides the indicators: 1,996 fit, 1,997 do not (SQLite's 2,000 columns).
        func indicators(_ count: Int) -> String {
            (1...count).map { "  - {id: a\($0), type: area}" }.joined(separator: "\n")
        }
        let tooMany = try spec(indicators(1_997), formats: "[gpkg]")
        let message = try #require(failure(tooMany, check: true))
        #expect(message.contains("2,000") && message.contains("cells.gpkg"), "\(message)")
        #expect(message.contains(":2004:"), "at the line of the indicator that crosses the limit: \(message)")
        #expect(failure(try spec(indicators(1_997), formats: "[csv]"), check: true) == nil)
        // The largest table that passes --check is written by GDAL, read back whole.
        _ = try Runner.run(try spec(indicators(1_996), formats: "[gpkg]"))
        #expect(try Dataset.open(folder.path("out/cells.gpkg")).layer(at: 0).schema.names.count == 1_998)
    }

    @Test func aShapefileHoldsAtMost255Fields() throws {
        let indicators = (1...254).map { "  - {id: a\($0), type: area}" }.joined(separator: "\n")
        let message = try #require(failure(try spec(indicators, formats: "[shp]"), check: true))
        #expect(message.contains("255") && message.contains("cells.shp"), "\(message)")
    }
}

extension TemporaryFolder {
    /// The outputs in a subfolder (a lock or other hidden file aside).
    func written(_ subfolder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path(subfolder))) ?? []).filter { !$0.hasPrefix(".") }
    }
}

/// What a meta.json says about columns.
struct MetaRecord: Decodable {
    struct Column: Decodable {
        var name: String
        var className: String?
    }
    var columns: [Column]
    var shapefileFields: [String: [String: String]]?

    static func read(_ path: String) throws -> MetaRecord {
        try JSONDecoder().decode(MetaRecord.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }
}

/// A written table read back by GDAL: its field names and each area's values, by code.
struct WrittenTable {
    var header: [String]
    var rows: [String: [String: FieldValue]]

    /// A number in the row of area `id` (nil when null or missing).
    func value(_ id: String, _ column: String) -> Double? {
        switch rows[id]?[column] {
        case let .integer(value): Double(value)
        case let .real(value): value
        case let .string(text): Double(text)
        default: nil
        }
    }
}

enum OutputReader {
    /// Every `<stem>.csv`, `.geojson` and `.gpkg` in a folder, read back through GDAL.
    static func tables(in folder: String, stem: String) throws -> [(format: String, table: WrittenTable)] {
        try ["csv", "geojson", "gpkg"].compactMap { format -> (String, WrittenTable)? in
            let path = "\(folder)/\(stem).\(format)"
            guard FileManager.default.fileExists(atPath: path) else { return nil }
            let layer = try Dataset.open(path).layer(at: 0)
            // GDAL reads a GeoJSON feature's string `id` member back as a field of its own.
            let header = layer.schema.names.filter { !(format == "geojson" && $0 == "id") }
            var rows: [String: [String: FieldValue]] = [:]
            try layer.forEachFeature { feature in
                var row: [String: FieldValue] = [:]
                for name in header { row[name] = try feature.value(name) }
                if case let .string(code)? = row["code"] { rows[code] = row }
            }
            return (format, WrittenTable(header: header, rows: rows))
        }
    }
}

/// SplitMix64: the same labels on every machine.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49B5_5BD1_33EB
        return z ^ (z >> 31)
    }
}
