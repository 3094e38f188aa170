import GEOS
import GeoplanTestSupport
import PROJ
import Testing

@testable import GeoPlan

/// The hand-made case: tambons T1 = [100.0, 100.1] × [13.0, 13.1] and T2 = [100.1, 100.2] × [13.0, 13.1];
/// a town municipality M1 = [100.05, 100.15] × [13.02, 13.08] straddling them and a subdistrict municipality
/// M2 = [100.16, 100.19] × [13.01, 13.04] inside T2. References are geodesic areas of the hand-written
/// rectangles (PROJ's geodesic polygon area, GeographicLib), never of GEOS's overlay output; tolerance 1e-12
/// relative (the same vertices, summed in another order).
@Suite struct ArealInterpolationTests: HandMadeCase {
    let context: GEOSContext
    let method: MeasureMethod

    init() throws {
        context = try GEOSContext()
        method = try MeasureMethod(.geodesic)
    }

    private func close(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-12) -> Bool {
        guard let a else { return false }
        return abs(a - b) <= tolerance * max(abs(b), 1)
    }

    @Test func extensiveValuesSplitByAreaAndWhatIsOutsideIsReported() throws {
        let tambons = [try box(100.0, 13.0, 100.1, 13.1), try box(100.1, 13.0, 100.2, 13.1)]
        let municipalities = [try box(100.05, 13.02, 100.15, 13.08), try box(100.16, 13.01, 100.19, 13.04)]
        let overlaps = try ZoneOverlaps(sources: tambons, targets: municipalities, method: method)
        let result = ArealInterpolation(overlaps: overlaps).interpolate([1000, 3000], kind: .extensive)
        let t1 = area(100.0, 13.0, 100.1, 13.1)
        let t2 = area(100.1, 13.0, 100.2, 13.1)
        let m1 = 1000 * area(100.05, 13.02, 100.1, 13.08) / t1 + 3000 * area(100.1, 13.02, 100.15, 13.08) / t2
        let m2 = 3000 * area(100.16, 13.01, 100.19, 13.04) / t2
        #expect(close(result.values[0], m1), "\(result.values[0] ?? .nan) vs \(m1)")
        #expect(close(result.values[1], m2))
        #expect(close(result.outside, 4000 - m1 - m2, 1e-12))
        #expect(result.fellBackToArea.isEmpty)
    }

    /// T1 has no value: M1, which takes half of its ground, gets none (its total would miss T1's part); M2, in
    /// T2 alone, gets its share; intensive values average T2 alone.
    @Test func aTargetTakingPartOfASourceWithoutValueGetsNone() throws {
        let tambons = [try box(100.0, 13.0, 100.1, 13.1), try box(100.1, 13.0, 100.2, 13.1)]
        let municipalities = [try box(100.05, 13.02, 100.15, 13.08), try box(100.16, 13.01, 100.19, 13.04)]
        let overlaps = try ZoneOverlaps(sources: tambons, targets: municipalities, method: method)
        let extensive = ArealInterpolation(overlaps: overlaps).interpolate([nil, 3000], kind: .extensive)
        #expect(extensive.values[0] == nil)
        #expect(extensive.incomplete == [0])
        #expect(close(extensive.values[1], 3000 * area(100.16, 13.01, 100.19, 13.04) / area(100.1, 13.0, 100.2, 13.1)))
        let intensive = ArealInterpolation(overlaps: overlaps).interpolate([nil, 300], kind: .intensive)
        #expect(close(intensive.values[0], 300))
    }

    /// Densities average over the target by shared ground: M1 shares equal halves with T1 and T2.
    @Test func intensiveValuesAverageByArea() throws {
        let tambons = [try box(100.0, 13.0, 100.1, 13.1), try box(100.1, 13.0, 100.2, 13.1)]
        let municipalities = [try box(100.05, 13.02, 100.15, 13.08), try box(100.3, 13.0, 100.4, 13.1)]
        let overlaps = try ZoneOverlaps(sources: tambons, targets: municipalities, method: method)
        let result = ArealInterpolation(overlaps: overlaps).interpolate([100, 300], kind: .intensive)
        let a = area(100.05, 13.02, 100.1, 13.08)
        let b = area(100.1, 13.02, 100.15, 13.08)
        #expect(close(result.values[0], (100 * a + 300 * b) / (a + b)))
        #expect(result.values[1] == nil)  // overlaps no source
    }

    /// Villages as the auxiliary weight: T1 has three, one inside M1, so M1 takes a third of T1's people; T2 has
    /// none, so it is split by area and reported.
    @Test func dasymetricByPointsFallsBackToAreaWhereThereAreNone() throws {
        let tambons = [try box(100.0, 13.0, 100.1, 13.1), try box(100.1, 13.0, 100.2, 13.1)]
        let municipalities = [try box(100.05, 13.02, 100.15, 13.08), try box(100.16, 13.01, 100.19, 13.04)]
        let villages = try [(100.07, 13.05), (100.02, 13.02), (100.03, 13.09)].map {
            try Geometry.point(x: $0.0, y: $0.1, context: context)
        }
        let count = { (zone: Geometry) throws -> Double in
            let prepared = try zone.prepared()
            return Double(try villages.filter { try prepared.containsProperly($0) }.count)
        }
        let overlaps = try ZoneOverlaps(sources: tambons, targets: municipalities, method: method, weight: count)
        let result = ArealInterpolation(overlaps: overlaps).interpolate([900, 3000], kind: .extensive)
        let t2 = area(100.1, 13.0, 100.2, 13.1)
        let m1 = 900.0 / 3 + 3000 * area(100.1, 13.02, 100.15, 13.08) / t2
        #expect(close(result.values[0], m1))
        #expect(result.fellBackToArea == [1])
        #expect(close(result.outside, 3900 - m1 - 3000 * area(100.16, 13.01, 100.19, 13.04) / t2))
    }

    /// Conservation on seeded random layouts: sources a jittered grid, targets another grid shifted over it
    /// and partly off it; Σ targets + outside = Σ sources within 1e-9 relative, by area and by weight.
    @Test func conservesTheTotalOnRandomLayouts() throws {
        var random = SplitMix64(seed: 61)
        for _ in 0..<5 {
            let originX = 100 + Double.random(in: 0...0.05, using: &random)
            let originY = 13 + Double.random(in: 0...0.05, using: &random)
            let size = Double.random(in: 0.02...0.05, using: &random)
            var sources: [Geometry] = []
            for column in 0..<4 {
                for row in 0..<4 {
                    sources.append(
                        try box(
                            100 + Double(column) * 0.03, 13 + Double(row) * 0.03,
                            100 + Double(column + 1) * 0.03, 13 + Double(row + 1) * 0.03))
                }
            }
            var targets: [Geometry] = []
            for column in 0..<3 {
                for row in 0..<3 {
                    targets.append(
                        try box(
                            originX + Double(column) * size, originY + Double(row) * size,
                            originX + Double(column + 1) * size, originY + Double(row + 1) * size))
                }
            }
            let values = sources.indices.map { _ in Double.random(in: 0...10_000, using: &random) }
            let total = values.reduce(0, +)
            // By area; by an additive weight (planar area in degrees², any additive measure does); by a weight
            // that is not additive over pieces (a centroid's longitude), which must still create nothing.
            let additive: (Geometry) throws -> Double = { try $0.area }
            let notAdditive: (Geometry) throws -> Double = { (try $0.centroid().coordinates.first?.x ?? 0) - 99 }
            for (name, weight) in [("area", nil), ("additive", additive), ("not additive", notAdditive)]
                as [(String, ((Geometry) throws -> Double)?)]
            {
                let overlaps = try ZoneOverlaps(sources: sources, targets: targets, method: method, weight: weight)
                let result = ArealInterpolation(overlaps: overlaps).interpolate(values, kind: .extensive)
                let allocated = result.values.compactMap { $0 }.reduce(0, +)
                #expect(abs(allocated + result.outside - total) <= 1e-9 * total, "\(name)")
                #expect(result.outside > 0, "\(name)")  // the targets leave part of the sources uncovered
            }
        }
    }
}
