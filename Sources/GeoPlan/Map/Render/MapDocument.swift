import Foundation
import GEOS

/// Everything a rendered map shows, as plain data: `geoplan map` (or a run) fills it from its classified output, and
/// `SVGMap` / `HTMLMap` draw it. Nothing here reads files or classifies: colours and legend arrive decided.
public struct MapDocument: Hashable, Sendable {
    /// The map's title, in Thai and English (either may be missing).
    public var title: MapName
    /// A line under the title, e.g. the indicator and the classification ("Population density, natural breaks, 5").
    public var subtitle: String?
    /// The small print at the bottom: source and date of the data, attribution.
    public var sourceNote: String?
    /// The indicator the colours show, named in the tooltip next to each area's value.
    public var indicatorName: String
    /// The areas, drawn in this order (later ones on top).
    public var features: [MapFeature]
    public var legend: MapLegend

    public init(
        title: MapName, subtitle: String? = nil, sourceNote: String? = nil, indicatorName: String,
        features: [MapFeature], legend: MapLegend
    ) {
        self.title = title
        self.subtitle = subtitle
        self.sourceNote = sourceNote
        self.indicatorName = indicatorName
        self.features = features
        self.legend = legend
    }
}

/// A name in Thai and in English; a map shows whichever are given.
public struct MapName: Hashable, Sendable {
    public var thai: String?
    public var english: String?

    public init(thai: String? = nil, english: String? = nil) {
        self.thai = thai
        self.english = english
    }

    /// The non-empty names, Thai first.
    public var lines: [String] {
        [thai, english].compactMap { $0?.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }
}

/// One area of the map.
public struct MapFeature: Hashable, Sendable {
    /// The area's code (e.g. `TH120101`); it becomes part of an SVG id, so it need not be unique but helps if it is.
    public var id: String
    public var names: MapName
    /// The indicator's value; nil for no data.
    public var value: Double?
    /// The fill, as `#rgb` or `#rrggbb` (the classifier's colour, or the legend's no-data colour).
    public var colour: String
    /// Which legend entry the area falls in (index into `MapLegend.entries`); nil for no data.
    public var classIndex: Int?
    /// More name–value pairs for the tooltip, in this order (other indicators, the district…).
    public var properties: [MapProperty]
    /// Polygons → rings (the first one exterior, the others holes) → points, x longitude and y latitude (WGS 84).
    /// Rings may be closed or not; orientation does not matter (holes are drawn with the even-odd rule).
    public var rings: [[[XY]]]
    /// Where to put the area's label; nil: a point inside its largest polygon, found from its outer ring.
    public var labelPoint: XY?

    public init(
        id: String, names: MapName, value: Double?, colour: String, classIndex: Int?,
        properties: [MapProperty] = [], rings: [[[XY]]], labelPoint: XY? = nil
    ) {
        self.id = id
        self.names = names
        self.value = value
        self.colour = colour
        self.classIndex = classIndex
        self.properties = properties
        self.rings = rings
        self.labelPoint = labelPoint
    }
}

/// A name and its value, already formatted, for a tooltip.
public struct MapProperty: Hashable, Sendable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// The legend: one entry per class, lowest first, and one for areas without data.
public struct MapLegend: Hashable, Sendable {
    /// Shown above the entries, e.g. "Population density (people/km²)".
    public var title: String
    public var entries: [MapLegendEntry]
    /// Drawn after a gap below the classes; nil draws none (then no area should lack a value).
    public var noData: MapLegendEntry?

    public init(title: String, entries: [MapLegendEntry], noData: MapLegendEntry? = nil) {
        self.title = title
        self.entries = entries
        self.noData = noData
    }
}

/// One row of the legend: a colour box, its label (e.g. "1,200 – 3,400") and how many areas it holds.
public struct MapLegendEntry: Hashable, Sendable {
    public var label: String
    public var colour: String
    public var count: Int

    public init(label: String, colour: String, count: Int) {
        self.label = label
        self.colour = colour
        self.count = count
    }

    /// The usual no-data entry: light grey, labelled in Thai and English.
    public static func noData(count: Int, colour: String = "#d9d9d9") -> MapLegendEntry {
        MapLegendEntry(label: "ไม่มีข้อมูล / No data", colour: colour, count: count)
    }
}
