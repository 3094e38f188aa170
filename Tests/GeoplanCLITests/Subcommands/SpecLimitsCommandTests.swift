import Foundation
import GeoplanTestSupport
import Testing

/// `geoplan run` on hostile and on very large specs: a YAML alias bomb is refused at once with the limit at its
/// line; thousands of chained expressions are checked and run in time linear in their number.
@Suite struct SpecLimitsCommandTests {
    /// Two cells of 0.1° (see RunTests), then `count` indicators: an area, then expressions each reading the one
    /// before (`i3: i2 + 1`).
    private func chainedSpec(_ count: Int, in folder: TemporaryFolder) throws -> String {
        func cell(_ west: Double, _ code: String) -> (String, String) {
            let ring = [(west, 13.0), (west + 0.1, 13.0), (west + 0.1, 13.1), (west, 13.1), (west, 13.0)]
            let coordinates = ring.map { "[\($0.0), \($0.1)]" }.joined(separator: ", ")
            return (#"{"type": "Polygon", "coordinates": [["# + coordinates + "]]}", #"{"code": "\#(code)"}"#)
        }
        try folder.write(SyntheticData.featureCollection([cell(100.0, "A"), cell(100.1, "B")]), to: "cells.geojson")
        var text = """
            boundaries:
              - name: cells
                path: cells.geojson
                id: code
            output:
              formats: [csv]
            indicators:
              - id: i0
                type: area

            """
        for index in 1..<count {
            text += "  - id: i\(index)\n    type: expression\n    expression: i\(index - 1) + 1\n"
        }
        return try folder.write(text, to: "chain.yaml")
    }

    /// Nine levels of nine aliases, the last used as a key: 511 bytes that took Yams minutes (21 s at seven levels
    /// in a release build). Refused at the first anchor that crosses a million nodes.
    @Test func anAliasBombIsRefusedAtOnce() throws {
        let folder = try TemporaryFolder()
        var lines = ["a0: &a0 x"]
        for level in 1...9 {
            let aliases = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
            lines.append("a\(level): &a\(level) [\(aliases)]")
        }
        let spec = try folder.write((lines + ["y: {? *a9 : 1}"]).joined(separator: "\n") + "\n", to: "bomb.yaml")
        let start = Date()
        let result = try CommandRunner.run(["run", spec, "--check"])
        #expect(Date().timeIntervalSince(start) < 10)
        #expect(result.status == 1)
        #expect(
            result.stderr.contains("bomb.yaml:8:10: the YAML has more than 1 million nodes here"),
            "\(result.stderr)")
    }

    /// 10,000 indicators checked in seconds (before: about 10 s in a release build, quadratic; 40,000 took 4 min).
    @Test func tenThousandChainedIndicatorsAreCheckedQuickly() throws {
        let folder = try TemporaryFolder()
        let spec = try chainedSpec(10_000, in: folder)
        let start = Date()
        let result = try CommandRunner.run(["run", spec, "--check"])
        let elapsed = Date().timeIntervalSince(start)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(elapsed < 30, "took \(elapsed) s")
    }

    /// A run computes every link of the chain in order: the last is the area plus 999 in each row.
    @Test func aChainOfAThousandIsComputedInOrder() throws {
        let folder = try TemporaryFolder()
        let spec = try chainedSpec(1_000, in: folder)
        let result = try CommandRunner.run(["run", spec, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        // CSV rows end in CRLF, one Character.
        let rows = try String(contentsOfFile: folder.path("out/cells.csv"), encoding: .utf8)
            .split(whereSeparator: \.isNewline)
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = try #require(rows.first)
        let first = try #require(header.firstIndex(of: "i0"))
        let last = try #require(header.firstIndex(of: "i999"))
        #expect(rows.count == 3)
        for row in rows.dropFirst() {
            let area = try #require(Double(row[first]))
            let end = try #require(Double(row[last]))
            // A 0.1° cell near 13° N is about 120 km².
            #expect(area > 100 && area < 130)
            #expect(abs(end - area - 999) < 1e-6, "\(row[first]) → \(row[last])")
        }
    }
}
