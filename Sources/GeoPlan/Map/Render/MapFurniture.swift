/// The parts of a map around the areas: frame, title, legend, scale bar, north arrow and source note, as SVG.
/// Ids and data attributes here are what the HTML page's script and the tests look for.
struct MapFurniture {
    let layout: MapLayout
    let fontFamily: String

    private func n(_ value: Double) -> String { SVGNumber.format(value) }

    /// Opens the map frame: its background, and the clipped group the areas and labels go in (the one the HTML
    /// page pans and zooms).
    func frameStart() -> String {
        let f = layout.frame
        let rect = "x=\"\(n(f.x))\" y=\"\(n(f.y))\" width=\"\(n(f.width))\" height=\"\(n(f.height))\""
        return "<defs><clipPath id=\"map-clip\"><rect \(rect)/></clipPath></defs>\n"
            + "<g id=\"map-frame\">\n<rect id=\"map-frame-rect\" \(rect) fill=\"#f6f7f9\"/>\n"
            + "<g clip-path=\"url(#map-clip)\">\n<g id=\"map-viewport\">\n"
    }

    func frameEnd() -> String {
        let f = layout.frame
        return "</g>\n</g>\n<rect x=\"\(n(f.x))\" y=\"\(n(f.y))\" width=\"\(n(f.width))\" height=\"\(n(f.height))\" "
            + "fill=\"none\" stroke=\"#b0b0b0\" stroke-width=\"1\"/>\n</g>\n"
    }

    func title() -> String {
        var out = "<g id=\"title\">\n"
        for line in layout.titleLines {
            let weight = line.role == "subtitle" ? "" : " font-weight=\"bold\""
            let fill = line.role == "subtitle" ? "#505050" : "#1a1a1a"
            out +=
                "<text class=\"\(line.role)\" x=\"\(n(MapLayout.margin))\" y=\"\(n(line.baseline - line.size * 0.25))\" "
                + "font-size=\"\(n(line.size))\"\(weight) fill=\"\(fill)\">\(XMLText.escape(line.text))</text>\n"
        }
        return out + "</g>\n"
    }

    /// The legend: its title (wrapped to the panel), one row per class and the no-data row, each a colour box, a
    /// label and the number of areas, right-aligned.
    func legend(_ legend: MapLegend) -> String {
        let box = layout.legend
        var out = "<g id=\"legend\">\n"
        var y = box.y + 4
        for line in wrap(legend.title, width: box.width, fontSize: 14) {
            y += 18
            out +=
                "<text class=\"legend-title\" x=\"\(n(box.x))\" y=\"\(n(y))\" font-size=\"14\">"
                + "\(XMLText.escape(line))</text>\n"
        }
        y += 10
        func row(_ entry: MapLegendEntry, attributes: String) {
            let colour = XMLText.hexColour(entry.colour) ?? "#d9d9d9"
            out +=
                "<g class=\"legend-entry\"\(attributes)>"
                + "<rect class=\"legend-swatch\" x=\"\(n(box.x))\" y=\"\(n(y))\" width=\"26\" height=\"17\" "
                + "fill=\"\(colour)\" stroke=\"#808080\" stroke-width=\"0.5\"/>"
                + "<text x=\"\(n(box.x + 34))\" y=\"\(n(y + 13))\" font-size=\"13\">\(XMLText.escape(entry.label))</text>"
                + "<text class=\"count\" x=\"\(n(box.maxX - 4))\" y=\"\(n(y + 13))\" font-size=\"12\" "
                + "text-anchor=\"end\">\(entry.count)</text></g>\n"
            y += 24
        }
        for (index, entry) in legend.entries.enumerated() { row(entry, attributes: " data-class=\"\(index)\"") }
        if let noData = legend.noData {
            y += 8
            row(noData, attributes: " data-class=\"none\"")
        }
        out +=
            "<text class=\"count\" x=\"\(n(box.x))\" y=\"\(n(y + 10))\" font-size=\"11\">"
            + "ตัวเลข: จำนวนพื้นที่ / numbers: areas in each class</text>\n"
        return out + "</g>\n"
    }

    /// A bar of a round length, exact at the centre latitude, in the frame's lower-left corner. Its data
    /// attributes let the HTML page pick a new length when zoomed.
    func scaleBar(projection: MapProjection) -> String {
        let f = layout.frame
        let maxWidth = f.width * 0.3
        let bar = ScaleBar(unitsPerMetre: projection.unitsPerMetre, maxWidth: maxWidth)
        let x = f.x + 14
        let y = f.maxY - 16
        let half = bar.width / 2
        return "<g id=\"scale-bar\" data-metres-per-unit=\"\(1 / projection.unitsPerMetre)\" "
            + "data-max-width=\"\(n(maxWidth))\" data-metres=\"\(Int(bar.metres))\" data-x=\"\(n(x))\" font-size=\"12\">"
            + "<rect id=\"scale-bar-bg\" x=\"\(n(x - 8))\" y=\"\(n(y - 22))\" width=\"\(n(bar.width + 40))\" "
            + "height=\"34\" fill=\"#ffffff\" fill-opacity=\"0.85\" rx=\"3\"/>"
            + "<rect id=\"scale-bar-left\" x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(half))\" height=\"6\" fill=\"#1a1a1a\"/>"
            + "<rect id=\"scale-bar-right\" x=\"\(n(x + half))\" y=\"\(n(y))\" width=\"\(n(half))\" height=\"6\" "
            + "fill=\"#ffffff\" stroke=\"#1a1a1a\" stroke-width=\"1\"/>"
            + "<text x=\"\(n(x))\" y=\"\(n(y - 5))\" text-anchor=\"middle\">0</text>"
            + "<text id=\"scale-bar-label\" x=\"\(n(x + bar.width))\" y=\"\(n(y - 5))\" text-anchor=\"middle\">"
            + "\(bar.label)</text></g>\n"
    }

    /// North is straight up everywhere in this projection, so the arrow points up.
    func northArrow() -> String {
        let f = layout.frame
        let cx = f.maxX - 26
        let top = f.y + 12
        return "<g id=\"north-arrow\">"
            + "<rect x=\"\(n(cx - 14))\" y=\"\(n(top - 4))\" width=\"28\" height=\"50\" fill=\"#ffffff\" "
            + "fill-opacity=\"0.85\" rx=\"3\"/>"
            + "<path d=\"M\(n(cx)) \(n(top))L\(n(cx - 9)) \(n(top + 28))L\(n(cx)) \(n(top + 22))z\" fill=\"#1a1a1a\"/>"
            + "<path d=\"M\(n(cx)) \(n(top))L\(n(cx + 9)) \(n(top + 28))L\(n(cx)) \(n(top + 22))z\" fill=\"#ffffff\" "
            + "stroke=\"#1a1a1a\" stroke-width=\"1\"/>"
            + "<text x=\"\(n(cx))\" y=\"\(n(top + 42))\" font-size=\"13\" font-weight=\"bold\" "
            + "text-anchor=\"middle\">N</text></g>\n"
    }

    func sourceNote(_ note: String?) -> String {
        guard let note, !note.isEmpty, let baseline = layout.sourceBaseline else { return "" }
        return "<text id=\"source-note\" x=\"\(n(MapLayout.margin))\" y=\"\(n(baseline))\" font-size=\"11\" "
            + "fill=\"#606060\">\(XMLText.escape(note))</text>\n"
    }

    /// Greedy word wrap on spaces by estimated width (Thai without spaces stays on one line).
    private func wrap(_ text: String, width: Double, fontSize: Double) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if !current.isEmpty && MapLabels.textWidth(candidate, fontSize: fontSize) > width {
                lines.append(current)
                current = String(word)
            } else {
                current = candidate
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
