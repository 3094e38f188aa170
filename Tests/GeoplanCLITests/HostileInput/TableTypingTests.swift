import Foundation
import GDAL
import GeoplanTestSupport
import Testing

/// A joined table column is typed by one rule (README, "How tables are read"): a cell that is not a number in a
/// numeric column stops the run naming file, row and column, or is read as null and counted when the spec says so;
/// thousands separators and non-finite numbers are said, never silent.
@Suite struct TableTypingTests {
    static let codes = ["A1", "A2", "A3"]

    /// Three 0.01° cells near Bangkok and a table of people per cell, written with `cells` as the people column.
    func spec(
        _ folder: TemporaryFolder, people cells: [String], join extra: String = "",
        density: Bool = true
    ) throws -> String {
        try folder.write(
            SyntheticData.featureCollection(
                Self.codes.enumerated().map { index, code in
                    (NonFiniteCase.square(100.5 + Double(index) * 0.01, 13.5, 0.01), #"{"code": "\#(code)"}"#)
                }), to: "cells.geojson")
        let rows = zip(Self.codes, cells).map { "\($0),\"\($1)\"" }.joined(separator: "\n")
        try folder.write("code,people\n" + rows + "\n", to: "people.csv")
        return try folder.write(
            """
            boundaries:
              - name: cells
                path: cells.geojson
                id: code
            inputs:
              - name: table
                type: table
                path: people.csv
                code: code
            indicators:
              - id: area
                type: area
                unit: km2
              - id: people
                type: join
                input: table
                column: people\(extra)\(density ? "\n  - id: density\n    type: expression\n    expression: people / area" : "")
            output:
              folder: out
              formats: [csv]
            """, to: "spec.yaml")
    }

    func values(_ folder: TemporaryFolder, _ column: String) throws -> [String] {
        let layer = try Dataset.open(folder.path("out/cells.csv")).layer(at: 0)
        guard let index = layer.schema.index(of: column) else { return [] }
        var values: [String] = []
        try layer.forEachFeature { values.append(try $0.values()[index].text ?? "") }
        return values
    }

    @Test func oneCellThatIsNoNumberStopsTheRunNamingIt() throws {
        let folder = try TemporaryFolder()
        let result = try CommandRunner.run(["run", try spec(folder, people: ["1200", "abc", "900"])])
        #expect(result.status == 1, "\(result.stderr)")
        for needle in [
            "people.csv", "row 2", "column \"people\"", "\"abc\" is not a number",
            "`non_numeric: null`", "`values: text`",
        ] {
            #expect(result.stderr.contains(needle), "\"\(needle)\" not in \(result.stderr)")
        }
        // The spec's words, not the command line's.
        #expect(!result.stderr.contains("--non-numeric") && !result.stderr.contains("⟦"))
        // Nothing written: the output folder (made to be locked) holds no file.
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: folder.path("out"))) ?? []).isEmpty)
    }

    @Test func nonNumericAsNullIsCountedInAWarning() throws {
        let folder = try TemporaryFolder()
        let result = try CommandRunner.run([
            "run",
            try spec(
                folder, people: ["1200", "abc", "900"],
                join: "\n    non_numeric: null"),
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stderr.contains("1 cells of column \"people\"") && result.stderr.contains("row 2 \"abc\""),
            "\(result.stderr)")
        #expect(try values(folder, "people") == ["1200", "", "900"])
        // The other areas keep their density: the column stayed numeric.
        let density = try values(folder, "density").map { Double($0) }
        #expect(density[0] != nil && density[1] == nil && density[2] != nil, "\(density)")
    }

    @Test func aTextColumnStaysTextWhenTheSpecSaysSo() throws {
        let folder = try TemporaryFolder()
        let result = try CommandRunner.run([
            "run",
            try spec(
                folder, people: ["1200", "abc", "900"],
                join: "\n    values: text", density: false),
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try values(folder, "people") == ["1200", "abc", "900"])
    }

    @Test func thousandsSeparatorsAreReadAndSaid() throws {
        let folder = try TemporaryFolder()
        let result = try CommandRunner.run(["run", try spec(folder, people: ["1,234", "45,210", "900"])])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stderr.contains("2 cells of column \"people\"")
                && result.stderr.contains("thousands separators (1,234)"), "\(result.stderr)")
        #expect(try values(folder, "people") == ["1234", "45210", "900"])
    }

    @Test func aDecimalCommaIsNoNumber() throws {
        let folder = try TemporaryFolder()
        let result = try CommandRunner.run(["run", try spec(folder, people: ["1,5", "2", "3"])])
        #expect(result.status == 1 && result.stderr.contains("\"1,5\" is not a number"), "\(result.stderr)")
    }

    @Test func anOverflowingNumberIsNoFiniteNumber() throws {
        let folder = try TemporaryFolder()
        let result = try CommandRunner.run(["run", try spec(folder, people: ["1e309", "2", "3"])])
        #expect(result.status == 1 && result.stderr.contains("\"1e309\" is not a finite number"), "\(result.stderr)")
        let nan = try CommandRunner.run(["run", try spec(folder, people: ["NaN", "2", "3"])])
        #expect(nan.status == 1 && nan.stderr.contains("\"NaN\" is not a finite number"), "\(nan.stderr)")
    }

    @Test func anAllTextColumnIsText() throws {
        let folder = try TemporaryFolder()
        let result = try CommandRunner.run(["run", try spec(folder, people: ["many", "few", "none"], density: false)])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try values(folder, "people") == ["many", "few", "none"], "\(result.stderr)")
    }
}
