import Foundation
import Testing

@testable import GeoPlan

extension MapRenderTests {
    /// The page's text: self-contained, locked against fetching, with tooltip data for every area.
    @Suite struct HTMLMapTests {
        @Test func pageIsSelfContained() throws {
            let html = try HTMLMap.render(try MapRenderFixture.nonthaburi())
            #expect(
                html.contains(
                    "<meta http-equiv=\"Content-Security-Policy\" "
                        + "content=\"\(HTMLMap.contentSecurityPolicy)\">"))
            // The SVG namespace is a name, not a fetch; no other URL and nothing loaded by reference.
            let urls = html.ranges(of: /(https?|wss?|ftp):\/\/[^"'\s<)]*/).map { String(html[$0]) }
            #expect(Set(urls) == ["http://www.w3.org/2000/svg"])
            for reference in ["src=", "href=", "@import", "url(http", "fetch(", "XMLHttpRequest", "WebSocket"] {
                #expect(!html.contains(reference), "\(reference)")
            }
            #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"geoplan-map\""))
            #expect(!html.contains("<?xml"))
            #expect(html.contains("font-family:Loma, Garuda, Norasi, 'TLWG Typist', sans-serif}"))
        }

        @Test func tooltipDataHasEveryAreaAndCannotCloseTheScript() throws {
            var map = MapRenderFixture.tiny(name: "</script><script>alert(1)</script>")
            map.features[0].properties.append(MapProperty("<!--", "-->"))
            let html = try HTMLMap.render(map)
            #expect(html.components(separatedBy: "</script>").count == 3)  // the data block and the script only
            let start = try #require(html.range(of: "<script type=\"application/json\" id=\"map-data\">"))
            let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
            let json = try JSONSerialization.jsonObject(with: Data(html[start.upperBound..<end.lowerBound].utf8))
            let root = try #require(json as? [String: Any])
            let features = try #require(root["features"] as? [[String: Any]])
            #expect(root["indicator"] as? String == "Value")
            #expect(features.count == 2)
            #expect(features[0]["th"] as? String == "</script><script>alert(1)</script>")
            #expect(features[0]["v"] as? String == "1,235" && features[0]["c"] as? String == "0 – 2,000")
            #expect(features[1]["v"] as? String == "–" && features[1]["c"] as? String == "ไม่มีข้อมูล / No data")
            #expect(features[0]["p"] as? [[String]] == [["Note", "a < b & c"], ["<!--", "-->"]])
        }

        @Test func valuesAreFormattedWithoutLocale() {
            #expect(MapValueFormat.format(12_345.6) == "12,346")
            #expect(MapValueFormat.format(-1_234_567) == "-1,234,567")
            #expect(MapValueFormat.format(42.25) == "42.3" || MapValueFormat.format(42.25) == "42.2")
            #expect(MapValueFormat.format(3.14159) == "3.14")
            #expect(MapValueFormat.format(0.012345) == "0.0123")
            #expect(MapValueFormat.format(0) == "0")
            #expect(MapValueFormat.format(nil) == "–" && MapValueFormat.format(.nan) == "–")
        }
    }
}
