import Foundation
import GEOS
import GeoplanTestSupport
import PROJ
import Testing

@testable import GeoPlan

#if canImport(FoundationXML)
    import FoundationXML
#endif

extension MapRenderTests {
    @Suite struct SVGMapTests {
        static func parse(_ svg: String) throws -> XMLDocument {
            try XMLDocument(data: Data(svg.utf8), options: [])
        }

        static func nodes(_ document: XMLDocument, _ xpath: String) throws -> [XMLElement] {
            try document.nodes(forXPath: xpath).compactMap { $0 as? XMLElement }
        }

        /// An attribute's value, looked up by hand: on Linux, FoundationXML's `attribute(forName:)` gave nil for `d` and `x`.
        static func attribute(_ element: XMLElement?, _ name: String) -> String? {
            element?.attributes?.first { $0.name == name }?.stringValue
        }

        static func number(_ element: XMLElement?, _ name: String) -> Double {
            attribute(element, name).flatMap(Double.init) ?? .nan
        }

        @Test func nonthaburiIsWellFormedWithEveryPart() throws {
            let map = try MapRenderFixture.nonthaburi()
            let svg = try SVGMap.render(map)
            let document = try Self.parse(svg)
            #expect(try Self.nodes(document, "//*[local-name()='path'][@class='area']").count == 52)
            let entries = try Self.nodes(document, "//*[local-name()='g'][@class='legend-entry']")
            #expect(entries.count == map.legend.entries.count + 1)
            let counts = try Self.nodes(document, "//*[local-name()='g'][@class='legend-entry']/*[@class='count']")
            #expect(counts.compactMap { Int($0.stringValue ?? "") }.reduce(0, +) == 52)
            let swatches = try Self.nodes(document, "//*[local-name()='rect'][@class='legend-swatch']")
            #expect(
                swatches.compactMap { Self.attribute($0, "fill") }
                    == MapRenderFixture.palette + [MapRenderFixture.noDataColour])
            let titles = try Self.nodes(document, "//*[local-name()='g'][@id='title']/*").compactMap(\.stringValue)
            #expect(titles.first == "ความหนาแน่นประชากร จังหวัดนนทบุรี")
            #expect(titles.contains("Population density, Nonthaburi"))
            for id in ["north-arrow", "scale-bar", "map-viewport", "source-note"] {
                #expect(try Self.nodes(document, "//*[@id='\(id)']").count == 1, "\(id)")
            }
            // Labels: some, within the limit, Thai first then English, on distinct areas.
            let labels = try Self.nodes(document, "//*[local-name()='text'][@class='label']")
            #expect(labels.count >= 10 && labels.count <= MapRenderOptions().maxLabels, "\(labels.count) labels")
            let firstLabel = try #require(labels.first?.children?.compactMap { $0.stringValue })
            let labelled = try #require(Int(Self.attribute(labels.first, "data-i") ?? ""))
            #expect(firstLabel == map.features[labelled].names.lines)
            #expect(Set(labels.compactMap { Self.attribute($0, "data-i") }).count == labels.count)
            #expect(svg.contains("font-family=\"Loma, Garuda, Norasi, &apos;TLWG Typist&apos;, sans-serif\""))
        }

        /// The bar's two ends, taken back to lon/lat along the centre latitude, are as far apart on the WGS 84
        /// ellipsoid as its label says; so is the same length turned north–south (the projection is true in both
        /// directions there). The length is round and fills between 12 % and 30 % of the frame.
        @Test func scaleBarMeasuresTheGround() throws {
            let map = try MapRenderFixture.nonthaburi()
            let options = MapRenderOptions()
            let document = try Self.parse(try SVGMap.render(map, options: options))
            let bar = try #require(try Self.nodes(document, "//*[@id='scale-bar']").first)
            let left = try #require(try Self.nodes(document, "//*[@id='scale-bar-left']").first)
            let right = try #require(try Self.nodes(document, "//*[@id='scale-bar-right']").first)
            let label = try #require(try Self.nodes(document, "//*[@id='scale-bar-label']").first?.stringValue)
            let x0 = Self.number(left, "x")
            let width = Self.number(left, "width") + Self.number(right, "width")
            #expect(abs(Self.number(right, "x") - (x0 + Self.number(left, "width"))) < 0.11)
            let metres = Self.number(bar, "data-metres")
            #expect(label == (metres >= 1000 ? "\(Int(metres / 1000)) km" : "\(Int(metres)) m"))
            let power = pow(10, floor(log10(metres)))
            #expect([1.0, 2, 5].contains(metres / power), "\(metres) m is not round")

            let layout = try MapLayout(document: map, options: options)
            let projection = MapProjection(fitting: try #require(SVGMap.extent(of: map.features)), into: layout.frame)
            #expect(width > 0.12 * layout.frame.width && width <= 0.3 * layout.frame.width + 0.1)
            let centre = projection.origin
            let west = projection.unproject(XY(centre.x - width / 2, centre.y))
            let east = projection.unproject(XY(centre.x + width / 2, centre.y))
            let across = Geodesic.wgs84.inverse(
                from: LonLat(lon: west.x, lat: west.y),
                to: LonLat(lon: east.x, lat: east.y)
            ).distance
            #expect(abs(across - metres) / metres < 1e-3, "bar \(label): \(across) m on the ground east–west")
            let south = projection.unproject(XY(centre.x, centre.y + width / 2))
            let north = projection.unproject(XY(centre.x, centre.y - width / 2))
            let along = Geodesic.wgs84.inverse(
                from: LonLat(lon: south.x, lat: south.y),
                to: LonLat(lon: north.x, lat: north.y)
            ).distance
            #expect(abs(along - metres) / metres < 1e-3, "bar \(label): \(along) m on the ground north–south")
        }

        @Test func textIsEscapedAndControlCharactersDropped() throws {
            let name = "<b>\"ท่า\" & 'ทราย'\u{1}</b>"
            let svg = try SVGMap.render(MapRenderFixture.tiny(name: name))
            let document = try Self.parse(svg)
            let label = try #require(try Self.nodes(document, "//*[@data-i='0']/*[@class='first']").first?.stringValue)
            #expect(label == "<b>\"ท่า\" & 'ทราย'</b>")
            #expect(!svg.contains("<b>"))
        }

        @Test func holesAreSubpathsAndCoordinatesAreRounded() throws {
            let outer = MapRenderFixture.square(100.40, 13.80, 0.05)
            let hole = MapRenderFixture.square(100.42, 13.82, 0.01)
            let svg = try SVGMap.render(MapRenderFixture.tiny(rings: [[outer + [outer[0]], hole]]))
            let paths = try Self.nodes(try Self.parse(svg), "//*[local-name()='path'][@class='area']")
            let d = try #require(Self.attribute(paths.first, "d"))
            #expect(d.filter { $0 == "M" }.count == 2 && d.filter { $0 == "z" }.count == 2)
            let decimals = d.split(whereSeparator: { !"0123456789.".contains($0) }).map { $0.split(separator: ".") }
            #expect(decimals.allSatisfy { $0.count < 2 || $0[1].count <= 1 }, "\(d)")
        }

        @Test func badInputIsNamed() throws {
            #expect(throws: MapRenderError.badColour(owner: "area \"A\"", colour: "red")) {
                try SVGMap.render(MapRenderFixture.tiny(colour: "red"))
            }
            #expect(throws: MapRenderError.badClassIndex(featureID: "A", index: 3, entries: 1)) {
                try SVGMap.render(MapRenderFixture.tiny(classIndex: 3))
            }
            #expect(throws: MapRenderError.badCoordinate(featureID: "A", lon: 500_000, lat: 1_500_000)) {
                try SVGMap.render(MapRenderFixture.tiny(rings: [[[XY(500_000, 1_500_000), XY(1, 1), XY(2, 2)]]]))
            }
            #expect(throws: MapRenderError.badSize(width: 200, height: 900)) {
                try SVGMap.render(MapRenderFixture.tiny(), options: MapRenderOptions(width: 200))
            }
            var empty = MapRenderFixture.tiny()
            empty.features = empty.features.map {
                var f = $0
                f.rings = [[[XY(100, 13), XY(100.1, 13)]]]
                return f
            }
            #expect(throws: MapRenderError.nothingToDraw) { try SVGMap.render(empty) }
            #expect(MapRenderError.badColour(owner: "area \"A\"", colour: "red").description.contains("#1a9850"))
        }
    }
}
