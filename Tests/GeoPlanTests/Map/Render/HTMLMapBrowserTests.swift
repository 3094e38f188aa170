import Foundation
import GeoplanTestSupport
import Testing

@testable import GeoPlan

#if canImport(FoundationXML)
    import FoundationXML
#endif

extension MapRenderTests {
    /// The HTML page in a real browser: headless Chromium from the distribution (`apt-get install chromium
    /// fonts-thai-tlwg`). Skipped where Chromium is missing, except on CI (`CI=true`), where that fails.
    /// Set `GEOPLAN_MAP_SCREENSHOTS` to a folder to keep the page and its screenshot for a look.
    @Suite(
        .serialized,
        .enabled(
            if: HeadlessChromium.shouldRun,
            "Chromium not installed: apt-get install -y chromium fonts-thai-tlwg"))
    struct HTMLMapBrowserTests {
        static let size = (width: 1200, height: 900)

        /// The Nonthaburi page drew: most of the map frame is in the classes' colours, every legend swatch shows its
        /// colour where the SVG puts it, the title is inked; and the page asked the network for nothing.
        @Test func drawsTheMapAndFetchesNothing() throws {
            let map = try MapRenderFixture.nonthaburi()
            let options = MapRenderOptions(width: Self.size.width, height: Self.size.height)
            let folder = try TemporaryFolder("geoplan-map")
            let page = try folder.write(try HTMLMap.render(map, options: options), to: "nonthaburi.html")
            let run = try HeadlessChromium.screenshot(
                page, width: Self.size.width, height: Self.size.height,
                in: folder)
            let png = try #require(run.screenshot)
            Self.keep([page, png])
            let shot = try Screenshot(png: png)
            #expect(shot.width == Self.size.width && shot.height == Self.size.height)
            // SVG units to screen pixels: the page fits the viewBox to the window, centred.
            let scale = min(Double(shot.width) / Double(options.width), Double(shot.height) / Double(options.height))
            let offset = (
                (Double(shot.width) - Double(options.width) * scale) / 2,
                (Double(shot.height) - Double(options.height) * scale) / 2
            )
            func box(_ r: MapRect) -> (x: Int, y: Int, width: Int, height: Int) {
                (Int(offset.0 + r.x * scale), Int(offset.1 + r.y * scale), Int(r.width * scale), Int(r.height * scale))
            }

            let layout = try MapLayout(document: map, options: options)
            let colours = (MapRenderFixture.palette + [MapRenderFixture.noDataColour]).compactMap(Screenshot.RGB.init)
            let frame = box(layout.frame)
            let filled = shot.count(x: frame.x, y: frame.y, width: frame.width, height: frame.height) { pixel in
                colours.contains { $0.distance(to: pixel) <= 8 }
            }
            #expect(Double(filled.hits) > 0.25 * Double(filled.of), "class colours on \(filled.hits) of \(filled.of)")
            for colour in colours {
                let hits = shot.count(x: frame.x, y: frame.y, width: frame.width, height: frame.height) {
                    $0.distance(to: colour) <= 8
                }.hits
                #expect(hits > 500, "\(colour) on \(hits) pixels of the map")
            }

            let svg = try XMLDocument(data: Data(try SVGMap.render(map, options: options).utf8), options: [])
            let swatches = try svg.nodes(forXPath: "//*[@class='legend-swatch']").compactMap { $0 as? XMLElement }
            #expect(swatches.count == 6)
            for swatch in swatches {
                func value(_ name: String) -> Double {
                    swatch.attributes?.first { $0.name == name }?.stringValue.flatMap(Double.init) ?? .nan
                }
                let fill = swatch.attributes?.first { $0.name == "fill" }?.stringValue ?? ""
                let expected = try #require(Screenshot.RGB(hex: fill))
                let r = box(
                    MapRect(
                        x: value("x") + 4, y: value("y") + 4, width: value("width") - 8,
                        height: value("height") - 8))
                let inside = shot.count(x: r.x, y: r.y, width: r.width, height: r.height) {
                    $0.distance(to: expected) <= 4
                }
                #expect(inside.hits == inside.of && inside.of > 0, "legend \(fill): \(inside.hits) of \(inside.of)")
            }
            let title = box(MapRect(x: MapLayout.margin, y: MapLayout.margin, width: 400, height: 30))
            let ink = shot.count(x: title.x, y: title.y, width: title.width, height: title.height) {
                $0.r < 90 && $0.g < 90 && $0.b < 90
            }
            #expect(ink.hits > 300, "title ink: \(ink.hits) dark pixels")

            #expect(try NetLog.pageRequests(run.netLog) == [])
        }

        /// The check above is not blind: the same page with its lock taken off and an external image added is
        /// caught; with the lock on, the browser refuses the image before any request.
        @Test func netLogCatchesAPageFetch() throws {
            let html = try HTMLMap.render(MapRenderFixture.tiny())
            let image = "<img src=\"http://example.invalid/x.png\" alt=\"\">"
            let csp = "<meta http-equiv=\"Content-Security-Policy\" content=\"\(HTMLMap.contentSecurityPolicy)\">"
            #expect(html.contains(csp))
            let folder = try TemporaryFolder("geoplan-map")
            let unlocked = try folder.write(
                html.replacingOccurrences(of: csp, with: "")
                    .replacingOccurrences(of: "<body>", with: "<body>\(image)"), to: "unlocked.html")
            let fetched = try HeadlessChromium.screenshot(
                unlocked, width: 800, height: 600, in: folder, name: "unlocked")
            #expect(try NetLog.pageRequests(fetched.netLog) == ["http://example.invalid/x.png"])

            let locked = try folder.write(
                html.replacingOccurrences(of: "<body>", with: "<body>\(image)"),
                to: "locked.html")
            let refused = try HeadlessChromium.screenshot(locked, width: 800, height: 600, in: folder, name: "locked")
            #expect(try NetLog.pageRequests(refused.netLog) == [])
        }

        /// The script runs: hovering an area fills the tooltip with its names and value, the wheel zooms the map
        /// (only the map) and the scale bar is redrawn shorter in metres for the zoom.
        @Test func hoverShowsTheAreaAndWheelZooms() throws {
            let map = try MapRenderFixture.nonthaburi()
            let html = try HTMLMap.render(map)
            let svg = try XMLDocument(data: Data(try SVGMap.render(map).utf8), options: [])
            let label = try #require(try svg.nodes(forXPath: "//*[@class='label']").first as? XMLElement)
            func attribute(_ name: String) -> String { label.attributes?.first { $0.name == name }?.stringValue ?? "" }
            let index = try #require(Int(attribute("data-i")))
            // Events are sent at the label's anchor (inside its area; labels let the pointer through).
            let probe = """
                <script>
                (function () {
                  var svg = document.querySelector('svg.geoplan-map');
                  var m = svg.getScreenCTM();
                  var p = new DOMPoint(\(attribute("x")), \(attribute("y"))).matrixTransform(m);
                  svg.dispatchEvent(new PointerEvent('pointermove', {clientX: p.x, clientY: p.y, bubbles: true,
                                                                     pointerType: 'mouse', pointerId: 1}));
                  document.body.setAttribute('data-tooltip', document.getElementById('tooltip').innerText);
                  document.body.setAttribute('data-bar-before', document.getElementById('scale-bar-label').textContent);
                  svg.dispatchEvent(new WheelEvent('wheel', {clientX: p.x, clientY: p.y, deltaY: -1000, bubbles: true,
                                                             cancelable: true}));
                  document.body.setAttribute('data-bar-after', document.getElementById('scale-bar-label').textContent);
                })();
                </script>
                </body>
                """
            let folder = try TemporaryFolder("geoplan-map")
            let page = try folder.write(html.replacingOccurrences(of: "</body>", with: probe), to: "probe.html")
            let run = try HeadlessChromium.dumpDOM(page, width: 1200, height: 900, in: folder)
            let dom = try #require(run.dom)
            #expect(dom.contains("data-map-ready=\"true\""), "the page's script did not finish")
            // Only the page's and the SVG's own titles remain: the areas' hover titles give way to the tooltip.
            #expect(dom.components(separatedBy: "</title>").count - 1 == 2)
            let feature = map.features[index]
            let tooltip = try #require(dom.firstMatch(of: /data-tooltip="([^"]*)"/)).1
            for text in [feature.names.thai, feature.names.english, MapValueFormat.format(feature.value), feature.id] {
                let text = try #require(text)
                #expect(tooltip.contains(text), "tooltip \(tooltip) lacks \(text)")
            }
            let transform = try #require(
                dom.firstMatch(of: /id="map-viewport" transform="translate\([^)]*\) scale\(([0-9.]+)\)"/))
            let zoom = try #require(Double(transform.1))
            #expect(zoom > 3 && zoom <= 40, "zoom \(zoom)")
            let before = try #require(dom.firstMatch(of: /data-bar-before="([^"]*)"/)).1
            let after = try #require(dom.firstMatch(of: /data-bar-after="([^"]*)"/)).1
            #expect(before == "10 km" && after != before, "scale bar \(before) → \(after)")
            #expect(try NetLog.pageRequests(run.netLog) == [])
        }

        /// Copies files into `$GEOPLAN_MAP_SCREENSHOTS`, if set, to look at.
        static func keep(_ files: [String]) {
            guard let folder = ProcessInfo.processInfo.environment["GEOPLAN_MAP_SCREENSHOTS"] else { return }
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for file in files {
                let target = URL(fileURLWithPath: folder).appendingPathComponent(
                    URL(fileURLWithPath: file).lastPathComponent)
                try? FileManager.default.removeItem(at: target)
                try? FileManager.default.copyItem(at: URL(fileURLWithPath: file), to: target)
            }
        }
    }
}
