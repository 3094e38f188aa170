import Foundation
import Testing

@testable import GeoPlan

@Suite struct ClassifierTests {
    @Test func nullsNaNAndInfinityAreCountedApartAndNeverClassified() throws {
        let values: [Double?] = [nil, 1, 2, .nan, 3, .infinity, 4, -.infinity, 5, 6]
        let result = try Classifier.classify(values, property: "density", method: .equalInterval, classes: 2)
        #expect(result.nullCount == 4)
        #expect(result.valueCount == 6)
        #expect(result.counts == [3, 3])
        #expect(result.classIndex(of: nil) == nil)
        #expect(result.classIndex(of: .nan) == nil)
        #expect(result.classIndex(of: .infinity) == nil)
    }

    @Test func breaksAreUpperBoundsAndTheFirstClassHoldsTheMinimum() throws {
        let result = try Classifier.classify([0, 10, 20, 30, 40], property: "p", method: .manual(breaks: [10, 30]))
        #expect(result.breaks == [10, 30, 40])
        #expect(result.classIndex(of: 0) == 0)
        #expect(result.classIndex(of: 10) == 0)  // an upper bound belongs to its class
        #expect(result.classIndex(of: 10.5) == 1)
        #expect(result.classIndex(of: 30) == 1)
        #expect(result.classIndex(of: 40) == 2)
        #expect(result.classIndex(of: -5) == 0)  // outside the data: clamped to the ends
        #expect(result.classIndex(of: 99) == 2)
        #expect(result.lowerBound(ofClass: 0) == 0)
        #expect(result.lowerBound(ofClass: 2) == 30)
    }

    @Test func allNullIsAnErrorNamingTheProperty() {
        #expect(throws: ClassificationError.noValues(property: "pop_density", nullCount: 3)) {
            try Classifier.classify([nil, .nan, nil], property: "pop_density", method: .quantiles)
        }
        let message = ClassificationError.noValues(property: "pop_density", nullCount: 3).description
        #expect(message.contains("\"pop_density\"") && message.contains("all 3 values are null"))
        #expect(throws: ClassificationError.noValues(property: "p", nullCount: 0)) {
            try Classifier.classify([], property: "p", method: .naturalBreaks)
        }
    }

    @Test(arguments: [0, -1, 33, 1000])
    func classCountsOutsideTheRangeAreRefused(classes: Int) {
        #expect(throws: ClassificationError.badClassCount(property: "p", asked: classes, allowed: 1...32)) {
            try Classifier.classify([1, 2, 3], property: "p", method: .quantiles, classes: classes)
        }
    }

    @Test func oneClassSpansEveryValue() throws {
        for method in [ClassificationMethod.quantiles, .equalInterval, .naturalBreaks, .standardDeviation] {
            let result = try Classifier.classify([3, 1, 2], property: "p", method: method, classes: 1)
            #expect(result.breaks == [3], "\(method.name)")
            #expect(result.counts == [3])
        }
    }

    @Test(arguments: [ClassificationMethod.quantiles, .equalInterval, .naturalBreaks, .standardDeviation])
    func fewerDistinctValuesThanClassesGiveOneClassPerValue(method: ClassificationMethod) throws {
        // mapclassify's FisherJenks raises "Fewer unique values (3) than specified classes (5)" here.
        let values: [Double?] = [3, 3, 3, 7, 7, 7, 7, 9, 9, 9, nil]
        let result = try Classifier.classify(values, property: "p", method: method, classes: 5)
        #expect(result.breaks == [3, 7, 9])
        #expect(result.counts == [3, 4, 3])
        #expect(result.classesAsked == 5)
        #expect(
            result.warnings == [
                "\"p\" has only 3 distinct values, fewer than the 5 classes asked: one class per "
                    + "value"
            ])
    }

    @Test func quantileTiesSayTheyMadeFewerClasses() throws {
        // mapclassify 2.10.0: Quantiles([1,1,1,1,1,1,2,3,4,5], k=5).bins == [1.0, 1.3999999999999995, 3.2, 5.0],
        // counts [6, 0, 2, 2], with "Not enough unique values in array to form 5 classes. Setting k to 4."
        let result = try Classifier.classify(
            [1, 1, 1, 1, 1, 1, 2, 3, 4, 5], property: "p", method: .quantiles,
            classes: 5)
        #expect(result.breaks == [1.0, 1.3999999999999995, 3.2, 5.0])
        #expect(result.counts == [6, 0, 2, 2])
        #expect(result.classesMade == 4)
        #expect(
            result.warnings.contains(
                "quantiles: tied values of \"p\" give equal breaks, so 4 classes were made "
                    + "instead of the 5 asked"))
        #expect(result.warnings.contains("class 2 of \"p\" holds no value (classes counted from 1)"))
    }

    @Test func standardDeviationClassesAreOneSigmaWideAroundTheMean() throws {
        // Symmetric data: mean 0, population σ = √2.75.
        let values: [Double?] = [-1, 1, -1, 1, -2.5, 2.5]
        let result = try Classifier.classify(values, property: "p", method: .standardDeviation, classes: 4)
        let sigma = (result.standardDeviation ?? 0)
        #expect(result.mean == 0)
        #expect(abs(sigma - 2.75.squareRoot()) < 1e-15)
        #expect(result.breaks == [-sigma, 0, sigma, 2.5])
        let odd = try Classifier.classify(values, property: "p", method: .standardDeviation, classes: 3)
        #expect(odd.breaks == [-sigma / 2, sigma / 2, 2.5])
        #expect(odd.counts == [3, 0, 3])
    }

    @Test func standardDeviationClassesBeyondTheDataAreNotMade() throws {
        // Skewed: nothing lies 1.5σ below the mean, so the first of 5 classes would be empty.
        let values: [Double?] = [1, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 2, 30]
        let result = try Classifier.classify(values, property: "p", method: .standardDeviation, classes: 5)
        // Mean 4.57, σ 9.00: mean − 0.5σ and − 1.5σ lie below the minimum, mean + 0.5σ and + 1.5σ are kept, and
        // the class between them is empty but inside the data, so it stays (and is named).
        #expect(result.classesMade == 3)
        #expect(result.counts == [8, 0, 1])
        #expect(result.warnings.count == 2)
        #expect(result.warnings[0].hasPrefix("standard deviation: the values of \"p\" lie between the mean −"))
        #expect(result.breaks.last == 30)
    }

    @Test func manualBreaksBelowTheMaximumGetAClassUpToIt() throws {
        // mapclassify 2.10.0: UserDefined([1,1,1,1,1,1,2,3,4,5], [2, 3]).bins == [2, 3, 5], counts [7, 1, 2].
        let result = try Classifier.classify(
            [1, 1, 1, 1, 1, 1, 2, 3, 4, 5], property: "p",
            method: .manual(breaks: [2, 3]))
        #expect(result.breaks == [2, 3, 5])
        #expect(result.counts == [7, 1, 2])
        #expect(result.classesAsked == 2)
        #expect(
            result.warnings == [
                "manual breaks: values of \"p\" reach 5.0, above the last break 3.0, so a class "
                    + "(3.0, 5.0] was added"
            ])
    }

    @Test func manualBreaksAreValidated() {
        let cases: [([Double], String)] = [
            ([], "none were given"),
            ([10, 5], "break 2 (5.0) is not above break 1 (10.0)"),
            ([1, 1], "break 2 (1.0) is not above break 1 (1.0)"),
            ([1, .nan], "break 2 is nan; every break must be a finite number"),
            ([1, .infinity], "break 2 is inf"),
            (Array(stride(from: 1.0, through: 40, by: 1)), "40 were given; give at most 32"),
        ]
        for (breaks, expected) in cases {
            do {
                _ = try Classifier.classify([1, 2], property: "density", method: .manual(breaks: breaks))
                Issue.record("\(breaks) accepted")
            } catch let error as ClassificationError {
                #expect(error.description.hasPrefix("property \"density\": manual breaks: "), "\(error)")
                #expect(error.description.contains(expected), "\(error)")
            } catch {
                Issue.record("unexpected \(error)")
            }
        }
    }

    @Test func equalIntervalsEndOnTheMaximumExactly() throws {
        let result = try Classifier.classify([0.1, 0.2, 0.7], property: "p", method: .equalInterval, classes: 3)
        #expect(result.breaks.last == 0.7)
        #expect(result.counts == [2, 0, 1])
        #expect(result.warnings == ["class 2 of \"p\" holds no value (classes counted from 1)"])
    }
}
