import Foundation
import GeoplanTestSupport
import Testing

@testable import GeoPlan

/// Breaks compared with mapclassify and jenkspy on the same data. The references were printed by
///   python3 -m venv /tmp/mc && /tmp/mc/bin/pip install mapclassify jenkspy numba
///   /tmp/mc/bin/python Tests/Fixtures/classification/record.py
/// with Python 3.11.7, mapclassify 2.10.0, jenkspy 0.4.1, numpy 2.4.6 (numba 0.68.1 only for speed). mapclassify's
/// FisherJenks and jenkspy agree on every Fisher–Jenks break below. Natural breaks are data values and must be
/// equal; quantile and equal-interval breaks are computed and must agree to 1e-12 relative.
@Suite struct ClassifierReferenceTests {
    /// mapclassify's bundled example, `mapclassify.load_example()`: employment density (employees per km²) of the
    /// 58 California counties (mapclassify/datasets/calemp/calempdensity.csv, BSD-3-Clause, from Anselin & Rey),
    /// read offline from the installed package; in the file's order.
    static let california: [Double?] = [
        329.92, 0.42, 5.9, 14.03, 2.78, 1.34, 181.27, 1.65, 10.03, 16.7, 1.32, 3.99, 3.16, 0.22, 8.7, 6.56, 3.27, 0.33,
        370.5, 4.51, 75.29, 0.99, 2.74, 8.68, 0.14, 0.92, 12.63, 28.7, 12.02, 722.85, 36.68, 0.74, 29.82, 192.05, 3.38,
        11.15, 110.74, 4111.45, 49.47, 10.33, 317.11, 20.47, 264.93, 66.26, 5.39, 0.13, 0.61, 50.65, 40.48, 36.67,
        13.09, 1.81, 0.2, 7.6, 2.51, 57.26, 24.32, 6.97,
    ]

    /// Tests/Fixtures/classification/values.csv (made by make_values.py there, seeded): 10,000 rows, 50 empty.
    static func generatedValues() throws -> [Double?] {
        let text = try String(contentsOfFile: Fixtures.testData("classification/values.csv"), encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst()
            .dropLast(text.hasSuffix("\n") ? 1 : 0)
            .map { Double($0) }
    }

    struct Reference: Sendable, CustomStringConvertible {
        var data: String
        var method: ClassificationMethod
        var classes: Int
        var breaks: [Double]
        var counts: [Int]
        var description: String { "\(data) \(method.name) k=\(classes)" }
    }

    static let references: [Reference] = [
        // The published doctest of mapclassify.FisherJenks: [75.29, 192.05, 370.5, 722.85, 4111.45], counts
        // [49, 3, 4, 1, 1]; jenkspy.jenks_breaks(n_classes=5) gives the same after the minimum 0.13.
        Reference(
            data: "california", method: .naturalBreaks, classes: 5,
            breaks: [75.29, 192.05, 370.5, 722.85, 4111.45], counts: [49, 3, 4, 1, 1]),
        Reference(
            data: "california", method: .naturalBreaks, classes: 7,
            breaks: [29.82, 110.74, 192.05, 264.93, 370.5, 722.85, 4111.45], counts: [41, 9, 2, 1, 3, 1, 1]),
        Reference(
            data: "california", method: .quantiles, classes: 5,
            breaks: [1.4640000000000002, 5.798, 13.277999999999997, 54.61600000000001, 4111.45],
            counts: [12, 11, 12, 11, 12]),
        Reference(
            data: "california", method: .quantiles, classes: 7,
            breaks: [
                0.9300000000000002, 2.8885714285714292, 6.735714285714286, 12.368571428571432,
                34.71285714285715, 105.67571428571442, 4111.45,
            ],
            counts: [9, 8, 8, 8, 8, 8, 9]),
        Reference(
            data: "california", method: .equalInterval, classes: 5,
            breaks: [822.3939999999999, 1644.658, 2466.922, 3289.1859999999997, 4111.45],
            counts: [57, 0, 0, 0, 1]),
        Reference(
            data: "california", method: .equalInterval, classes: 7,
            breaks: [
                587.4614285714285, 1174.792857142857, 1762.1242857142854, 2349.455714285714,
                2936.7871428571425, 3524.118571428571, 4111.45,
            ],
            counts: [56, 1, 0, 0, 0, 0, 1]),
        // values.csv: 9,950 values, 8,476 distinct; mapclassify's FisherJenks took 0.38 s (k=5) with numba.
        Reference(
            data: "generated", method: .naturalBreaks, classes: 5,
            breaks: [808.9, 2905.91, 11284.63, 18036.16, 24976.34], counts: [7113, 2364, 153, 146, 174]),
        Reference(
            data: "generated", method: .naturalBreaks, classes: 7,
            breaks: [808.9, 2905.91, 7951.8, 11284.63, 16092.65, 20590.38, 24976.34],
            counts: [7113, 2364, 63, 90, 104, 110, 106]),
        Reference(
            data: "generated", method: .quantiles, classes: 5,
            breaks: [34.09, 62.6, 125.83999999999996, 1369.9500000000003, 24976.34],
            counts: [1991, 1990, 1989, 1990, 1990]),
        Reference(
            data: "generated", method: .quantiles, classes: 7,
            breaks: [
                27.47, 44.78, 67.81571428571428, 110.19142857142857, 802.36, 1618.2828571428572,
                24976.34,
            ],
            counts: [1423, 1421, 1420, 1422, 1421, 1421, 1422]),
        Reference(
            data: "generated", method: .equalInterval, classes: 5,
            breaks: [4996.804, 9991.688, 14986.572, 19981.456, 24976.34], counts: [9477, 126, 110, 112, 125]),
        Reference(
            data: "generated", method: .equalInterval, classes: 7,
            breaks: [
                3569.6942857142863, 7137.468571428572, 10705.242857142859, 14273.017142857145,
                17840.791428571432, 21408.565714285716, 24976.34,
            ],
            counts: [9477, 46, 95, 83, 68, 92, 89]),
    ]

    @Test(arguments: references)
    func breaksAndCountsMatchMapclassify(reference: Reference) throws {
        let values = reference.data == "california" ? Self.california : try Self.generatedValues()
        let result = try Classifier.classify(
            values, property: "density", method: reference.method,
            classes: reference.classes)
        #expect(result.breaks.count == reference.breaks.count)
        for (made, expected) in zip(result.breaks, reference.breaks) {
            if reference.method == .naturalBreaks {
                #expect(made == expected)
            } else {
                #expect(abs(made - expected) <= 1e-12 * abs(expected), "\(made) vs \(expected)")
            }
        }
        #expect(result.counts == reference.counts)
        #expect(result.classesMade == reference.classes)
        #expect(result.valueCount == reference.counts.reduce(0, +))
    }

    @Test func theGeneratedFileKeepsItsNullsApart() throws {
        let values = try Self.generatedValues()
        #expect(values.count == 10_000)
        let result = try Classifier.classify(values, property: "density", method: .naturalBreaks, classes: 5)
        #expect(result.nullCount == 50)
        #expect(result.valueCount == 9_950)
        #expect(result.minimum == 1.92)
        #expect(result.maximum == 24976.34)
    }
}
