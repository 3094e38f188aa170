import Foundation
import GDAL
import GeoplanTestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `geoplan map` on the shipped Phuket tambons (17 areas), coloured by their `Shape_Area` field: every output
/// written and readable (the GeoJSON and TopoJSON by GDAL, the SVG as XML), the classes in the data agreeing with
/// the legend, and the issue's bad inputs refused with nothing written.
@Suite struct MapCommandTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
    }

    @Test func helpShowsTheOutputsAndExamples() throws {
        let result = try CommandRunner.run(["map", "--help"])
        #expect(result.status == 0)
        for text in ["--indicator", "--method", "--palette", "--breaks", "STEM.topojson", "Examples:"] {
            #expect(result.stdout.contains(text), "\(text)")
        }
    }

    @Test func writesTheMapAndItsDataTogether() throws {
        let stem = folder.path("phuket-area")
        let result = try CommandRunner.run([
            "map", Fixtures.phuket, "--indicator", "Shape_Area", "--classes", "4",
            "--palette", "Blues", "--out", stem, "--json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(report["features"] as? Int == 17)
        #expect(
            Set(folder.contents()) == [
                "phuket-area.svg", "phuket-area.html", "phuket-area.legend.json",
                "phuket-area.geojson", "phuket-area.topojson",
            ])
        // The legend's counts add up to the areas; its colours are the palette's.
        let legend = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: stem + ".legend.json"))) as? [String: Any])
        let classes = try #require(legend["classes"] as? [[String: Any]])
        #expect(classes.count == 4)
        #expect(classes.compactMap { $0["count"] as? Int }.reduce(0, +) == 17)
        let colours = classes.compactMap { $0["color"] as? String }
        // The classified GeoJSON: every feature has its class and the class's colour, and every attribute.
        let geojson = try String(contentsOfFile: stem + ".geojson", encoding: .utf8)
        #expect(RFC7946Checker(maximumDecimals: 6).violations(in: geojson) == [])
        let layer = try Dataset.open(stem + ".geojson").layer(at: 0)
        var seen = 0
        try layer.forEachFeature { feature in
            let index = try #require(try feature.value("Shape_Area_class").number.map(Int.init))
            #expect(try feature.value("Shape_Area_colour").text == colours[index])
            #expect(try feature.value("ADM3_TH").text?.isEmpty == false)
            seen += 1
        }
        #expect(seen == 17)
        // The TopoJSON opens in GDAL with the same properties.
        let topology = try Dataset.open(stem + ".topojson").layer(at: 0)
        #expect(topology.featureCount() == 17)
        #expect(topology.schema.names.contains("Shape_Area_colour"))
        // The SVG is well-formed XML.
        let svg = try Data(contentsOf: URL(fileURLWithPath: stem + ".svg"))
        #expect(XMLParser(data: svg).parse())
    }

    @Test func badInputIsNamedAndNothingIsWritten() throws {
        try folder.write(
            SyntheticData.featureCollection([
                (
                    #"{"type": "Polygon", "coordinates": [[[100.0, 13.0], [100.1, 13.0], [100.1, 13.1], [100.0, 13.0]]]}"#,
                    #"{"code": "A", "empty": null, "two": 1}"#
                ),
                (
                    #"{"type": "Polygon", "coordinates": [[[100.1, 13.0], [100.2, 13.0], [100.2, 13.1], [100.1, 13.0]]]}"#,
                    #"{"code": "B", "empty": null, "two": 2}"#
                ),
            ]), to: "two.geojson")
        let two = folder.path("two.geojson")
        let cases: [(arguments: [String], status: Int32, message: String)] = [
            ([Fixtures.phuket, "--indicator", "Shape_Aera"], 1, "did you mean \"Shape_Area\""),
            ([Fixtures.phuket, "--indicator", "ADM3_EN"], 1, "\"ADM3_EN\" is not numeric"),
            ([Fixtures.phuket, "--indicator", "Shape_Area", "--palette", "YlOrRed"], 1, "YlOrRd"),
            ([Fixtures.phuket, "--indicator", "Shape_Area", "--method", "kmeans"], 2, "natural-breaks"),
            ([Fixtures.phuket, "--indicator", "Shape_Area", "--breaks", "1,x"], 2, "--breaks must be numbers"),
            ([two, "--indicator", "empty"], 1, "all null"),
            ([folder.path("missing.geojson"), "--indicator", "x"], 1, "cannot open"),
        ]
        for (arguments, status, message) in cases {
            let result = try CommandRunner.run(["map"] + arguments + ["--out", folder.path("bad")])
            #expect(result.status == status, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
        #expect(folder.contents() == ["two.geojson"])
        // Fewer distinct values than classes: one class per value, and the run says so.
        let fallBack = try CommandRunner.run(["map", two, "--indicator", "two", "--out", folder.path("two-map")])
        #expect(fallBack.status == 0, "\(fallBack.stderr)")
        #expect(fallBack.stdout.contains("2 classes (5 asked)"))
        #expect(fallBack.stderr.contains("distinct"))
    }
}
