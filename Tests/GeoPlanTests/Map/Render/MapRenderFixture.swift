import Foundation
import GEOS
import GeoplanTestSupport

@testable import GeoPlan

/// Map documents for the render tests.
enum MapRenderFixture {
    /// ColorBrewer YlOrRd, 5 classes.
    static let palette = ["#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"]
    static let noDataColour = "#d9d9d9"

    /// The 52 shipped Nonthaburi tambons coloured by a made-up indicator (a number per tambon from its position, in
    /// five equal-interval classes), every ninth tambon without data; the district goes in the tooltip.
    static func nonthaburi() throws -> MapDocument {
        let context = try GEOSContext()
        let spec = BoundarySpec(
            name: "tambons", path: Fixtures.nonthaburi, idField: "ADM3_PCODE",
            nameFields: ["ADM3_TH", "ADM3_EN", "ADM2_EN"])
        let set = try BoundarySet.load(spec, folder: nil, context: context)
        var counts = [Int](repeating: 0, count: palette.count)
        var noData = 0
        var features: [MapFeature] = []
        for area in set.areas {
            let value: Double? = area.index % 9 == 4 ? nil : Double((area.index * 7919) % 9000 + 500)
            let classIndex = value.map { min(palette.count - 1, Int(($0 - 500) / 1800)) }
            if let classIndex { counts[classIndex] += 1 } else { noData += 1 }
            features.append(
                MapFeature(
                    id: area.id, names: MapName(thai: area.names[0].text, english: area.names[1].text), value: value,
                    colour: classIndex.map { palette[$0] } ?? noDataColour, classIndex: classIndex,
                    properties: [MapProperty("District", area.names[2].text ?? "")],
                    rings: try MapFeature.rings(of: area.geometry)))
        }
        let labels = ["500 – 2,300", "2,300 – 4,100", "4,100 – 5,900", "5,900 – 7,700", "7,700 – 9,500"]
        let legend = MapLegend(
            title: "Made-up density (people/km²)",
            entries: zip(labels, zip(palette, counts)).map { MapLegendEntry(label: $0, colour: $1.0, count: $1.1) },
            noData: .noData(count: noData, colour: noDataColour))
        return MapDocument(
            title: MapName(thai: "ความหนาแน่นประชากร จังหวัดนนทบุรี", english: "Population density, Nonthaburi"),
            subtitle: "Test data: made-up values in five equal-interval classes",
            sourceNote: "Boundaries: COD-AB Thailand (RTSD, OCHA HDX), CC BY-IGO 3.0",
            indicatorName: "Made-up density", features: features, legend: legend)
    }

    /// A square of `size` degrees with its south-west corner at (`lon`, `lat`), open (not closed).
    static func square(_ lon: Double, _ lat: Double, _ size: Double) -> [XY] {
        [XY(lon, lat), XY(lon + size, lat), XY(lon + size, lat + size), XY(lon, lat + size)]
    }

    /// Two areas near Bangkok: one with data (class 0), one without; `name` is the first one's Thai name.
    static func tiny(
        name: String = "บางกรวย", colour: String = "#fecc5c", classIndex: Int? = 0,
        rings: [[[XY]]]? = nil
    ) -> MapDocument {
        let first = MapFeature(
            id: "A", names: MapName(thai: name, english: "Bang Kruai"), value: 1234.5,
            colour: colour, classIndex: classIndex, properties: [MapProperty("Note", "a < b & c")],
            rings: rings ?? [[square(100.40, 13.80, 0.05)]])
        let second = MapFeature(
            id: "B", names: MapName(english: "No data here"), value: nil, colour: noDataColour,
            classIndex: nil, rings: [[square(100.45, 13.80, 0.05)]])
        return MapDocument(
            title: MapName(thai: "ทดสอบ", english: "Test"), indicatorName: "Value",
            features: [first, second],
            legend: MapLegend(
                title: "Value",
                entries: [
                    MapLegendEntry(
                        label: "0 – 2,000",
                        colour: "#fecc5c", count: 1)
                ],
                noData: .noData(count: 1)))
    }
}
