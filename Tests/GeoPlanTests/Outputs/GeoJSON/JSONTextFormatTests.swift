import Foundation
import Testing

@testable import GeoPlan

@Suite struct JSONTextFormatTests {
    /// Parses one JSON value with Foundation's strict parser (no NaN, no trailing text).
    func parsed(_ bytes: [UInt8]) throws -> Any {
        try JSONSerialization.jsonObject(with: Data("[".utf8 + bytes + "]".utf8), options: [])
    }

    /// Read back with Swift's parser (correctly rounded, as GDAL's is). Foundation's JSONSerialization on Linux is
    /// only checked to accept the text: its own number parsing is off in the last digits for some values.
    @Test func shortestRealsAreValidJSONAndReadBackEqual() throws {
        var values: [Double] = [
            0, -0.0, 1, 0.1, 1e-5, 5e-324, -5e-324, 1e16, 1.7976931348623157e308, -2.5e-308,
            123456789.123, 1.0 / 3, 98.3754907, Double.leastNormalMagnitude, Double.ulpOfOne,
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 { values.append(Double(bitPattern: generator.next())) }
        for value in values where value.isFinite {
            var out = JSONByteBuffer()
            let accepted = out.appendShortest(value)
            #expect(accepted)
            let text = String(decoding: out.bytes, as: UTF8.self)
            let number = try #require(try parsed(out.bytes) as? [NSNumber]).first
            #expect(abs((number?.doubleValue ?? .nan) - value) <= abs(value) * 1e-14, "\(text)")
            #expect(Double(text) == value && text.count <= 24, "\(text)")
        }
    }

    @Test func nonFiniteRealsAreRefusedAndWriteNothing() {
        for value in [Double.nan, .infinity, -.infinity, -.nan] {
            var out = JSONByteBuffer()
            let accepted = out.appendShortest(value)
            #expect(!accepted)
            #expect(out.count == 0)
        }
    }

    @Test func gridValuesHaveAtMostTheirDecimalsAndAtLeastOne() throws {
        let grid = try #require(CoordinateGrid(decimals: 7))
        let cases: [(Double, String)] = [
            (98.37544, "98.37544"), (100, "100.0"), (-0.04, "-0.04"),
            (-179.99999996, "-180.0"), (1e-8, "0.0"), (7.90816994, "7.9081699"),
            (-12.3456789, "-12.3456789"),
        ]
        for (value, expected) in cases {
            var out = JSONByteBuffer()
            out.appendGridValue(steps: try #require(grid.steps(value)), decimals: 7)
            #expect(String(decoding: out.bytes, as: UTF8.self) == expected)
            // what a reader parses is what the grid says
            #expect(Double(expected) == grid.rounded(value))
        }
        #expect(grid.steps(.nan) == nil && grid.steps(.infinity) == nil && grid.steps(1e300) == nil)
        #expect(CoordinateGrid(decimals: 16) == nil && CoordinateGrid(decimals: -1) == nil)
        #expect(CoordinateGrid(decimals: 0)?.stepSize == 1)
    }

    @Test func integersAreWrittenWhole() throws {
        for value: Int64 in [0, -1, 7, Int64.max, Int64.min, 1_000_000] {
            var out = JSONByteBuffer()
            out.appendInteger(value)
            #expect(String(decoding: out.bytes, as: UTF8.self) == String(value))
        }
    }

    @Test func stringsAreEscapedAndReadBackEqual() throws {
        let texts = [
            "ตลาดใหญ่", "a \"quoted\" name", #"back\slash"#, "line\nbreak\r\n", "tab\there",
            "\u{0}\u{1}\u{1F}\u{7F}", "sep\u{2028}para\u{2029}end", "emoji 🇹🇭", "", "/slash/",
        ]
        for text in texts {
            var out = JSONByteBuffer()
            out.appendString(text)
            let written = String(decoding: out.bytes, as: UTF8.self)
            #expect(try parsed(out.bytes) as? [String] == [text], "\(written)")
            #expect(!written.contains("\n") && !written.contains("\u{2028}") && !written.contains("\u{2029}"))
        }
        var out = JSONByteBuffer()
        out.appendString("\u{1}\u{2028}")
        #expect(String(decoding: out.bytes, as: UTF8.self) == #""\u0001\u2028""#)
    }
}
