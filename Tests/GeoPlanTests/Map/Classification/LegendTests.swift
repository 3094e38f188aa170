import Foundation
import GeoplanTestSupport
import Testing

@testable import GeoPlan

@Suite struct LegendTests {
    func californiaLegend() throws -> Legend {
        let classes = try Classifier.classify(
            ClassifierReferenceTests.california + [nil, nil], property: "emp_density",
            method: .naturalBreaks, classes: 5)
        return try Legend(classification: classes, palette: Palette.named("YlOrRd"))
    }

    @Test func holdsEveryClassWithBoundsCountsColoursAndLabels() throws {
        let legend = try californiaLegend()
        #expect(legend.property == "emp_density")
        #expect(legend.method == "natural-breaks")
        #expect(legend.classesAsked == 5 && legend.classesMade == 5)
        #expect(legend.breaks == [75.29, 192.05, 370.5, 722.85, 4111.45])
        #expect(legend.classes.map(\.count) == [49, 3, 4, 1, 1])
        #expect(legend.classes.map(\.lower) == [0.13, 75.29, 192.05, 370.5, 722.85])
        #expect(legend.classes.map(\.color) == ["#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"])
        #expect(
            legend.classes.map(\.label) == [
                "0.13 – 75.29", "75.29 – 192.05", "192.05 – 370.50",
                "370.50 – 722.85", "722.85 – 4111.45",
            ])
        #expect(legend.nullCount == 2)
        #expect(legend.nullColor == "#cccccc")
        #expect(legend.palette == "YlOrRd" && legend.paletteKind == .sequential && !legend.paletteReversed)
        #expect(legend.warnings.isEmpty)
        #expect(legend.color(of: nil) == "#cccccc")
        #expect(legend.color(of: 4111.45) == "#bd0026")
        #expect(legend.color(of: 75.29) == "#ffffb2")
    }

    @Test func labelsUseTheFewestDecimalsThatKeepBoundsApart() {
        #expect(
            LegendLabels.labels(first: 0, uppers: [100, 2000], mean: nil, sigma: nil)
                == ["0 – 100", "100 – 2000"])
        #expect(
            LegendLabels.labels(first: 0.11, uppers: [0.12, 0.5], mean: nil, sigma: nil)
                == ["0.11 – 0.12", "0.12 – 0.50"])
        #expect(
            LegendLabels.labels(first: 0.0012, uppers: [0.0015, 0.0031], mean: nil, sigma: nil)
                == ["0.0012 – 0.0015", "0.0015 – 0.0031"])
        #expect(
            LegendLabels.labels(
                first: 1.5, uppers: [125.83999999999996, 1369.9500000000003], mean: nil,
                sigma: nil) == ["1.50 – 125.84", "125.84 – 1369.95"])
        #expect(LegendLabels.format(-0.0001, 2) == "0.00")
        #expect(LegendLabels.format(-3, 0) == "−3")
    }

    @Test func standardDeviationLabelsSaySigmas() throws {
        let classes = try Classifier.classify(
            [-1, 1, -1, 1, -2.5, 2.5], property: "p", method: .standardDeviation,
            classes: 3)
        let legend = try Legend(classification: classes, palette: Palette.named("RdBu"))
        #expect(
            legend.classes.map(\.label) == [
                "−2.50 – −0.83 (below −0.5σ)",
                "−0.83 – 0.83 (−0.5σ to +0.5σ)", "0.83 – 2.50 (above +0.5σ)",
            ])
        #expect(legend.mean == 0 && legend.standardDeviation != nil)
    }

    @Test func tooFewPaletteColoursIsAnError() throws {
        let classes = try Classifier.classify(
            (1...20).map { Double($0) }, property: "p", method: .quantiles,
            classes: 12)
        #expect(throws: ClassificationError.paletteTooSmall(name: "Blues", asked: 12, available: 1...9)) {
            try Legend(classification: classes, palette: Palette.named("Blues"))
        }
    }

    @Test func writesJSONThatReadsBackTheSame() throws {
        let folder = try TemporaryFolder()
        let legend = try californiaLegend()
        let path = folder.path("emp_density.legend.json")
        try legend.write(to: path)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(try JSONDecoder().decode(Legend.self, from: data) == legend)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        for key in [
            "property", "method", "classesAsked", "classesMade", "breaks", "classes", "nullCount", "nullColor",
            "palette", "warnings", "convention",
        ] {
            #expect(object[key] != nil, "\(key)")
        }
        // Written through a temporary file and a rename: nothing else is left in the folder.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["emp_density.legend.json"])
        // The same legend twice gives the same bytes.
        try legend.write(to: path)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == data)
    }

    @Test func aFolderThatDoesNotExistIsNamed() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("missing/legend.json")
        do {
            try californiaLegend().write(to: path)
            Issue.record("written")
        } catch let error as GeoPlanError {
            #expect(error.description.hasPrefix("cannot write \"\(path)\""))
        }
    }
}
