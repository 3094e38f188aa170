import Foundation
import Testing

@testable import GeoPlan

@Suite struct JSONValueTests {
    @Test func aRecordRoundTripsAsGeoplanWroteIt() throws {
        // Formatted as Provenance formats its records; numbers keep their integer or decimal form.
        let text = """
            {
              "bytes" : 1234,
              "flag" : true,
              "list" : [
                1,
                2.5,
                null,
                "a/b"
              ],
              "nested" : {
                "off" : false,
                "seconds" : 0.123456789
              }
            }
            """
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        #expect(value["bytes"] == .integer(1234) && value["flag"] == .bool(true))
        #expect(value["nested"]?["off"] == .bool(false) && value["nested"]?["seconds"] == .number(0.123456789))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        #expect(String(decoding: try encoder.encode(value), as: UTF8.self) == text)
    }
}
