import GEOS

/// Draws a `MapDocument` as one self-contained SVG: a choropleth in `MapProjection`, fitted to the areas, with
/// the title, a legend with counts, a scale bar, a north arrow and Thai/English labels on the largest areas.
///
/// The file needs no network and no other file; its text asks for Thai-capable fonts (`fonts-thai-tlwg` on Debian)
/// and falls back to sans-serif. Each area carries a `<title>` (its names and value) that SVG viewers show on hover,
/// and `data-i` (its position in `features`), which the HTML page uses for its tooltip.
public enum SVGMap {
    /// The SVG document, with its XML declaration.
    public static func render(_ document: MapDocument, options: MapRenderOptions = MapRenderOptions()) throws
        -> String
    {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + (try element(document, options: options, extraStyle: ""))
    }

    /// The `<svg>` element alone, for embedding in HTML; `extraStyle` is added to its stylesheet. Without
    /// `hoverTitles` the areas carry no `<title>` (the HTML page shows its own tooltip and would remove them).
    static func element(
        _ document: MapDocument, options: MapRenderOptions, extraStyle: String, hoverTitles: Bool = true
    ) throws -> String {
        try validate(document)
        let layout = try MapLayout(document: document, options: options)
        guard let extent = extent(of: document.features) else { throw MapRenderError.nothingToDraw }
        let projection = MapProjection(fitting: extent, into: layout.frame)
        let furniture = MapFurniture(layout: layout, fontFamily: options.fontFamily)
        let w = SVGNumber.format(layout.width)
        let h = SVGNumber.format(layout.height)
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"geoplan-map\" width=\"\(w)\" height=\"\(h)\" "
            + "viewBox=\"0 0 \(w) \(h)\" font-family=\"\(XMLText.escape(options.fontFamily))\">\n"
        let heading = document.title.lines.joined(separator: " / ")
        svg += "<title>\(XMLText.escape(heading.isEmpty ? document.indicatorName : heading))</title>\n"
        svg += "<style>\n\(style)\(extraStyle)</style>\n"
        svg += "<rect width=\"\(w)\" height=\"\(h)\" fill=\"#ffffff\"/>\n"
        svg += furniture.frameStart()
        // Projected once, for both the paths and the label points.
        let projected = document.features.map { $0.rings.map { $0.map { $0.map(projection.project) } } }
        svg += areas(document, projected: projected, decimals: options.coordinateDecimals, hoverTitles: hoverTitles)
        svg += labels(document, projected: projected, projection: projection, frame: layout.frame, options: options)
        svg += furniture.frameEnd()
        svg += furniture.title()
        svg += furniture.legend(document.legend)
        svg += furniture.scaleBar(projection: projection)
        svg += furniture.northArrow()
        svg += furniture.sourceNote(document.sourceNote)
        svg += "</svg>\n"
        return svg
    }

    static let style = """
        .area{stroke:#ffffff;stroke-width:0.6;stroke-linejoin:round;fill-rule:evenodd;vector-effect:non-scaling-stroke}
        .label{fill:#1a1a1a;stroke:#ffffff;stroke-width:3px;stroke-linejoin:round;paint-order:stroke;\
        text-anchor:middle;pointer-events:none}
        .label .second{fill:#404040}
        .legend-title{font-weight:bold}
        .count{fill:#606060}

        """

    private static func areas(
        _ document: MapDocument, projected: [[[[XY]]]], decimals: Int, hoverTitles: Bool
    ) -> String {
        let path = SVGPath(decimals: decimals)
        var out = "<g id=\"areas\">\n"
        for (index, feature) in document.features.enumerated() {
            let data = path.data(Array(projected[index].joined()))
            guard !data.isEmpty else { continue }
            let colour = XMLText.hexColour(feature.colour) ?? "#d9d9d9"
            out +=
                "<path class=\"area\" data-i=\"\(index)\" data-id=\"\(XMLText.escape(feature.id))\" "
                + "fill=\"\(colour)\" d=\"\(data)\">"
            guard hoverTitles else {
                out += "</path>\n"
                continue
            }
            let value = MapValueFormat.format(feature.value)
            let names = feature.names.lines.joined(separator: " / ")
            let hover = (names.isEmpty ? feature.id : names) + " — \(document.indicatorName): \(value)"
            out += "<title>\(XMLText.escape(hover))</title></path>\n"
        }
        return out + "</g>\n"
    }

    private static func labels(
        _ document: MapDocument, projected: [[[[XY]]]], projection: MapProjection,
        frame: MapRect, options: MapRenderOptions
    ) -> String {
        let placer = MapLabels(fontSize: options.labelFontSize)
        let shapes = zip(document.features, projected).map { feature, polygons in
            (polygons: polygons, labelPoint: feature.labelPoint.map(projection.project), lines: feature.names.lines)
        }
        let placed = placer.place(shapes, frame: frame, limit: max(options.maxLabels, 0))
        var out = "<g id=\"labels\">\n"
        let size = SVGNumber.format(placer.fontSize)
        let second = SVGNumber.format(placer.fontSize * MapLabels.secondLineScale)
        for label in placed {
            // Offsets in em, so the lines stay together when the HTML page scales the font against the zoom: the
            // first baseline sits so the block of lines is centred on the anchor.
            let x = SVGNumber.format(label.anchor.x)
            let firstShift = label.lines.count > 1 ? "-0.15em" : "0.35em"
            out +=
                "<text class=\"label\" data-i=\"\(label.feature)\" x=\"\(x)\" "
                + "y=\"\(SVGNumber.format(label.anchor.y))\" font-size=\"\(size)\">"
                + "<tspan class=\"first\" dy=\"\(firstShift)\">\(XMLText.escape(label.lines[0]))</tspan>"
            if label.lines.count > 1 {
                out +=
                    "<tspan class=\"second\" x=\"\(x)\" dy=\"1.45em\" font-size=\"\(second)\">"
                    + "\(XMLText.escape(label.lines[1]))</tspan>"
            }
            out += "</text>\n"
        }
        return out + "</g>\n"
    }

    /// Colours, class indexes and coordinates checked before anything is drawn.
    static func validate(_ document: MapDocument) throws {
        let legend = document.legend
        for entry in legend.entries + (legend.noData.map { [$0] } ?? []) where XMLText.hexColour(entry.colour) == nil {
            throw MapRenderError.badColour(owner: "legend entry \"\(entry.label)\"", colour: entry.colour)
        }
        for feature in document.features {
            guard XMLText.hexColour(feature.colour) != nil else {
                throw MapRenderError.badColour(owner: "area \"\(feature.id)\"", colour: feature.colour)
            }
            if let index = feature.classIndex, !legend.entries.indices.contains(index) {
                throw MapRenderError.badClassIndex(featureID: feature.id, index: index, entries: legend.entries.count)
            }
            for point in feature.rings.joined().joined() + (feature.labelPoint.map { [$0] } ?? [])
            where !(point.x.isFinite && point.y.isFinite && abs(point.x) <= 360 && abs(point.y) <= 90) {
                throw MapRenderError.badCoordinate(featureID: feature.id, lon: point.x, lat: point.y)
            }
        }
    }

    /// The lon/lat box of every ring with three or more points.
    static func extent(of features: [MapFeature]) -> Envelope? {
        var box: Envelope?
        for ring in features.lazy.flatMap({ $0.rings.joined() }) where ring.count >= 3 {
            for point in ring {
                if var b = box {
                    b.minX = min(b.minX, point.x)
                    b.minY = min(b.minY, point.y)
                    b.maxX = max(b.maxX, point.x)
                    b.maxY = max(b.maxY, point.y)
                    box = b
                } else {
                    box = Envelope(minX: point.x, minY: point.y, maxX: point.x, maxY: point.y)
                }
            }
        }
        return box
    }
}
