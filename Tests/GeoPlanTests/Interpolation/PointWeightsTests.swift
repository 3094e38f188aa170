import GEOS
import GeoplanTestSupport
import PROJ
import Testing

@testable import GeoPlan

/// Points as interpolation weights, on the hand-made case (see ArealInterpolationTests): tambons
/// T1 = [100.0, 100.1] × [13.0, 13.1] and T2 = [100.1, 100.2] × [13.0, 13.1], municipalities
/// M1 = [100.05, 100.15] × [13.02, 13.08] and M2 = [100.16, 100.19] × [13.01, 13.04]. Villages are placed so
/// every share is a simple fraction, some exactly on borders: the expected values are exact.
@Suite struct PointWeightsTests: HandMadeCase {
    let context: GEOSContext
    let method: MeasureMethod

    init() throws {
        context = try GEOSContext()
        method = try MeasureMethod(.geodesic)
    }

    /// Shares such as 1/3 are exact fractions, but not exact doubles.
    private func close(_ values: [Double?], _ expected: [Double?]) -> Bool {
        values.count == expected.count
            && zip(values, expected).allSatisfy { value, wanted in
                guard let value, let wanted else { return value == nil && wanted == nil }
                return abs(value - wanted) <= 1e-12 * max(abs(wanted), 1)
            }
    }

    private func points(_ xy: [(Double, Double)]) throws -> [Geometry] {
        try xy.map { try Geometry.point(x: $0.0, y: $0.1, context: context) }
    }

    private func interpolate(
        _ values: [Double?], sources: [Geometry], targets: [Geometry], villages: [Geometry],
        weights: [Double]? = nil, kind: ArealInterpolationKind = .extensive,
        targetOrder: [String]? = nil
    ) throws -> (PointWeights, ArealInterpolation.Result) {
        let placed = try PointWeights(
            points: villages, values: weights,
            sources: PointWeights.Candidates(sources, order: sources.indices.map { "TH10010\($0 + 1)" }),
            targets: PointWeights.Candidates(targets, order: targetOrder ?? targets.indices.map { "M\($0 + 1)" }))
        let overlaps = try ZoneOverlaps(sources: sources, targets: targets, method: method, weighting: .placed(placed))
        return (placed, ArealInterpolation(overlaps: overlaps).interpolate(values, kind: kind))
    }

    /// T1 holds 4 villages: one inside M1, one on the T1/T2 border inside M1 (T1's: the smaller code), two
    /// outside M1: M1 takes 2/4 of T1. T2 holds 3: one on M1's east border (M1's), one in M2, one outside:
    /// M1 and M2 take 1/3 of T2 each. Half of T1 and a third of T2 fall outside every municipality.
    @Test func villagesSplitEachSourceBySimpleFractions() throws {
        let tambons = [try box(100.0, 13.0, 100.1, 13.1), try box(100.1, 13.0, 100.2, 13.1)]
        let municipalities = [try box(100.05, 13.02, 100.15, 13.08), try box(100.16, 13.01, 100.19, 13.04)]
        let villages = try points([
            (100.07, 13.05), (100.1, 13.05), (100.02, 13.02), (100.03, 13.09),
            (100.15, 13.05), (100.17, 13.02), (100.18, 13.09),
        ])
        let (placed, result) = try interpolate(
            [1000, 3000], sources: tambons, targets: municipalities,
            villages: villages)
        #expect(placed.sources == [4, 3])
        typealias Pair = ZoneOverlaps.Pair
        #expect(
            placed.pieces == [
                Pair(source: 0, target: 0): 2, Pair(source: 1, target: 0): 1,
                Pair(source: 1, target: 1): 1,
            ])
        #expect(close(result.values, [1500, 1000]), "\(result.values)")
        #expect(close([result.outside], [1500]))
        #expect(result.fellBackToArea.isEmpty)
    }

    /// One tambon S (120 people) split by B | C down its middle; A lies east of S and only touches it. A village
    /// on the B/C border goes to B (the smaller id); one on S's east border, which is C's and A's border too,
    /// goes to C although A's id is smaller, since A holds no ground of S; one inside C. B = 1/3, C = 2/3.
    @Test func aBorderPointGoesToOneTargetThatSharesGroundWithItsSource() throws {
        let source = [try box(100.0, 13.0, 100.1, 13.1)]
        let targets = [
            try box(100.0, 13.0, 100.05, 13.1), try box(100.05, 13.0, 100.1, 13.1),
            try box(100.1, 13.0, 100.2, 13.1),
        ]
        let villages = try points([(100.05, 13.05), (100.1, 13.05), (100.07, 13.02)])
        let (placed, result) = try interpolate(
            [120], sources: source, targets: targets, villages: villages,
            targetOrder: ["B", "C", "A"])
        #expect(placed.sources == [3])
        #expect(close(result.values, [40, 80, nil]), "\(result.values)")
        #expect(close([result.outside], [0]))
    }

    /// A household field instead of a count; a multi-point shares its value among its points. T1: 30 (in M1),
    /// 10 and 20 outside → M1 takes 1/2; T2: a multi-point of 15 (one point in M1, one in M2) and 5 in M2 →
    /// M1 takes 7.5/20, M2 12.5/20.
    @Test func aFieldIsSummedAndAMultiPointSharesIt() throws {
        let tambons = [try box(100.0, 13.0, 100.1, 13.1), try box(100.1, 13.0, 100.2, 13.1)]
        let municipalities = [try box(100.05, 13.02, 100.15, 13.08), try box(100.16, 13.01, 100.19, 13.04)]
        let villages =
            try points([(100.07, 13.05), (100.02, 13.02), (100.03, 13.09), (100.17, 13.02)])
            + [try Geometry(wkt: "MULTIPOINT ((100.12 13.05), (100.18 13.03))", context: context)]
        let (placed, result) = try interpolate(
            [1000, 4000], sources: tambons, targets: municipalities,
            villages: villages, weights: [30, 10, 20, 5, 15])
        #expect(placed.sources == [60, 20])
        #expect(close(result.values, [500 + 1500, 2500]), "\(result.values)")
        #expect(close([result.outside], [500]))
    }

    /// A tambon without a village is split by area and listed (the existing fall-back).
    @Test func aSourceWithoutPointsFallsBackToArea() throws {
        let tambons = [try box(100.0, 13.0, 100.1, 13.1), try box(100.1, 13.0, 100.2, 13.1)]
        let municipalities = [try box(100.05, 13.02, 100.15, 13.08)]
        let (_, result) = try interpolate(
            [1000, 3000], sources: tambons, targets: municipalities,
            villages: try points([(100.07, 13.05), (100.02, 13.02)]))
        let t2 = abs(
            Geodesic.wgs84.polygonMeasure(exterior: [
                100.1, 13.0, 100.2, 13.0, 100.2, 13.1, 100.1, 13.1,
                100.1, 13.0,
            ]).area)
        let piece = abs(
            Geodesic.wgs84.polygonMeasure(exterior: [
                100.1, 13.02, 100.15, 13.02, 100.15, 13.08, 100.1,
                13.08, 100.1, 13.02,
            ]).area)
        #expect(abs((result.values[0] ?? .nan) - (500 + 3000 * piece / t2)) < 1e-9)
        #expect(result.fellBackToArea == [1])
    }

    /// Conservation on seeded layouts, with villages snapped onto grid lines so many sit on borders:
    /// Σ targets + outside = Σ sources (1e-9 relative), and every village weighs in exactly one source.
    @Test func conservesTheTotalWithPointsOnBorders() throws {
        var random = SplitMix64(seed: 97)
        for _ in 0..<5 {
            var sources: [Geometry] = []
            for column in 0..<4 {
                for row in 0..<4 {
                    sources.append(
                        try box(
                            100 + Double(column) * 0.03, 13 + Double(row) * 0.03,
                            100 + Double(column + 1) * 0.03, 13 + Double(row + 1) * 0.03))
                }
            }
            let size = Double.random(in: 0.02...0.05, using: &random)
            let (x0, y0) = (100 + 0.01 * Double(Int.random(in: 0...3, using: &random)), 13.01)
            var targets: [Geometry] = []
            for column in 0..<3 {
                for row in 0..<3 {
                    targets.append(
                        try box(
                            x0 + Double(column) * size, y0 + Double(row) * size,
                            x0 + Double(column + 1) * size, y0 + Double(row + 1) * size))
                }
            }
            // Coordinates on a 0.01° lattice: on source borders every third line, on target borders often.
            let villages = try points(
                (0..<300).map { _ in
                    (
                        100 + 0.01 * Double(Int.random(in: 0...12, using: &random)),
                        13 + 0.01 * Double(Int.random(in: 0...12, using: &random))
                    )
                })
            let values = sources.indices.map { _ in Double.random(in: 0...10_000, using: &random) }
            let (placed, result) = try interpolate(values, sources: sources, targets: targets, villages: villages)
            #expect(placed.sources.reduce(0, +) == 300)
            let allocated = result.values.compactMap { $0 }.reduce(0, +)
            let total = values.reduce(0, +)
            #expect(abs(allocated + result.outside - total) <= 1e-9 * total)
        }
    }
}
