import Foundation

/// Draws a `MapDocument` as one self-contained HTML page: the SVG map inline, fitted to the window, with pan, zoom
/// and a tooltip per area (`HTMLMapScript`). It opens from `file://` with no network: no CDN, no web fonts, no
/// tiles, and a Content-Security-Policy that forbids fetching anything, so a later edit cannot quietly add a fetch.
public enum HTMLMap {
    /// Allows the page's own inline style and script and nothing else: no images, fonts, frames or connections.
    public static let contentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"

    public static func render(_ document: MapDocument, options: MapRenderOptions = MapRenderOptions()) throws
        -> String
    {
        let svg = try SVGMap.element(
            document, options: options, extraStyle: zoomStyle(options), hoverTitles: false)
        let title = document.title.lines.joined(separator: " / ")
        // Raw text inside <style>: entities would not be decoded there, so only the characters that could end it go.
        let font = options.fontFamily.filter { $0 != "<" && $0 != ">" }
        return """
            <!DOCTYPE html>
            <html lang="th">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="\(contentSecurityPolicy)">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="geoplan">
            <title>\(XMLText.escape(title.isEmpty ? document.indicatorName : title))</title>
            <style>
            html,body{margin:0;height:100%;overflow:hidden;background:#ffffff;font-family:\(font)}
            #map{position:fixed;inset:0}
            #map svg{width:100%;height:100%;display:block;touch-action:none;user-select:none;-webkit-user-select:none}
            #zoom{position:fixed;left:26px;top:110px;display:flex;flex-direction:column;gap:4px}
            #zoom button{width:30px;height:30px;font:bold 18px/1 sans-serif;background:#ffffff;color:#1a1a1a;\
            border:1px solid #9a9a9a;border-radius:4px;cursor:pointer;padding:0}
            #zoom button:hover{background:#eeeeee}
            #tooltip{position:fixed;display:none;pointer-events:none;max-width:320px;background:#ffffff;\
            border:1px solid #8a8a8a;border-radius:4px;padding:6px 9px;font-size:13px;line-height:1.35;\
            box-shadow:0 2px 6px rgba(0,0,0,0.25);color:#1a1a1a}
            #tooltip .name{font-weight:bold;font-size:15px}
            #tooltip .value{margin-top:3px;font-weight:bold}
            #tooltip .class,#tooltip .code{color:#606060}
            </style>
            </head>
            <body>
            <div id="map">
            \(svg)</div>
            <div id="zoom"><button id="zoom-in" type="button" title="ขยาย / Zoom in (+)">+</button>\
            <button id="zoom-out" type="button" title="ย่อ / Zoom out (−)">−</button>\
            <button id="zoom-reset" type="button" title="ทั้งหมด / Whole map (0)">⟲</button></div>
            <div id="tooltip" role="status" aria-live="polite"></div>
            <script type="application/json" id="map-data">\(try tooltipData(document))</script>
            <script>
            \(HTMLMapScript.source)
            </script>
            </body>
            </html>

            """
    }

    /// Labels keep their size on screen however far the map is zoomed (the script sets `--z`).
    private static func zoomStyle(_ options: MapRenderOptions) -> String {
        let size = SVGNumber.format(options.labelFontSize, decimals: 2)
        let second = SVGNumber.format(options.labelFontSize * MapLabels.secondLineScale, decimals: 2)
        return ".area.hover{stroke:#1a1a1a;stroke-width:2}\n"
            + ".label{font-size:calc(\(size)px / var(--z, 1));stroke-width:calc(3px / var(--z, 1))}\n"
            + ".label .second{font-size:calc(\(second)px / var(--z, 1))}\n"
    }

    private struct TooltipData: Encodable {
        struct Area: Encodable {
            let id: String
            let th: String?
            let en: String?
            /// The value, formatted.
            let v: String
            /// The legend entry's label.
            let c: String?
            let p: [[String]]
        }

        let indicator: String
        let features: [Area]
    }

    /// What the tooltip shows for each area, by its position in `features`, as JSON safe inside `<script>`.
    private static func tooltipData(_ document: MapDocument) throws -> String {
        let legend = document.legend
        let areas = document.features.map { feature in
            let entry =
                feature.classIndex.flatMap { legend.entries.indices.contains($0) ? legend.entries[$0] : nil }
                ?? (feature.value == nil ? legend.noData : nil)
            return TooltipData.Area(
                id: feature.id, th: feature.names.thai, en: feature.names.english,
                v: MapValueFormat.format(feature.value), c: entry?.label,
                p: feature.properties.map { [$0.name, $0.value] })
        }
        let tooltips = TooltipData(indicator: document.indicatorName, features: areas)
        let json = String(decoding: try ReportJSON.encode(tooltips, formatting: [.sortedKeys]), as: UTF8.self)
        // "<" only occurs inside JSON strings, where \u003c means the same and cannot close the script element.
        return json.replacingOccurrences(of: "<", with: "\\u003c")
    }
}
