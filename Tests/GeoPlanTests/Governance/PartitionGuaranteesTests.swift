import Foundation
import GEOS
import GeoplanTestSupport
import Testing

@testable import GeoPlan

extension GovernanceTests {
    /// The guarantees on seeded random configurations, checked here independently of the partition's own checks: a
    /// 3 × 3 coverage of jittered tambons, random star-shaped municipalities, and municipalities copied from a tambon
    /// and shifted by up to 8 m (borders that nearly coincide, for the snapping). For each seed: every unit is valid
    /// and inside its tambon, no two units share more than 1 m², the units' union is the tambons' union within 1e-9 of
    /// its area, and shares add up to 1 within 1e-12. Shared and missing areas are measured as cut (square degrees
    /// scaled at their latitude, `LocalFrame.squareMetres(of:)`): the geodesic area of a crumb along a 2 km edge would
    /// measure how the edge's geodesic bows (tens of m²), not the crumb.
    @Suite struct PartitionGuaranteesTests {
        @Test(arguments: 1...24)
        func randomConfigurationsKeepTheGuarantees(seed: UInt64) throws {
            let context = try GEOSContext()
            var random = SplitMix64(seed: seed)
            let tambons = try Self.tambons(&random, context: context)
            let municipalities = try Self.municipalities(&random, tambons: tambons, context: context)
            let result = try GovernancePartition().build(tambons: tambons, municipalities: municipalities)
            let area = { (geometry: Geometry) throws -> Double in try LocalFrame.squareMetres(of: geometry) }

            let tambonByCode = Dictionary(uniqueKeysWithValues: tambons.map { ($0.code, $0.geometry) })
            for unit in result.units {
                #expect(try unit.geometry.isValid, "seed \(seed): \(unit.localGovernmentCode) in \(unit.tambonCode)")
                let tambon = try #require(tambonByCode[unit.tambonCode])
                #expect(try area(unit.geometry.difference(tambon).polygonalPart()) <= 1, "seed \(seed)")
            }
            for first in result.units.indices {
                for second in result.units.indices where second > first {
                    let (a, b) = (result.units[first].geometry, result.units[second].geometry)
                    guard let boxA = a.bounds, let boxB = b.bounds, boxA.intersects(boxB) else { continue }
                    let shared = try area(a.intersection(b).polygonalPart())
                    #expect(shared <= 1, "seed \(seed): units \(first) and \(second) share \(shared) m²")
                }
            }
            let tambonUnion = try Geometry.collection(tambons.map(\.geometry), context: context).unaryUnion()
            let unitUnion = try Geometry.collection(result.units.map(\.geometry), context: context).unaryUnion()
            let total = try area(tambonUnion)
            let difference = try area(tambonUnion.symmetricDifference(unitUnion).polygonalPart())
            #expect(difference <= 1e-9 * total, "seed \(seed): the unions differ by \(difference) m²")

            for (key, rows) in Dictionary(grouping: result.crosswalk, by: \.tambonCode) {
                #expect(abs(rows.map(\.shareOfTambon).reduce(0, +) - 1) <= 1e-12, "seed \(seed), tambon \(key)")
            }
            for (key, rows) in Dictionary(grouping: result.crosswalk, by: \.localGovernmentCode) {
                #expect(abs(rows.map(\.shareOfLocalGovernment).reduce(0, +) - 1) <= 1e-12, "seed \(seed), \(key)")
            }
            #expect(result.report.guarantees.allHold)
            // Every municipality that was given keeps at least one unit.
            #expect(
                Set(result.units.filter { $0.kind == .municipalPiece }.map(\.localGovernmentCode))
                    == Set(municipalities.map(\.code)), "seed \(seed)")
        }

        @Test func aBrokenGuaranteeIsAnErrorNamingIt() {
            var guarantees = GovernanceReport.Guarantees(
                largestOverlapSquareMetres: 5, largestOverlapBetween: ["T1/M1", "T1/SAO-T1"],
                coverageDifferenceSquareMetres: 0, tambonsSquareMetres: 1e8, invalidUnits: 0, repairedUnits: 0,
                overlapToleranceSquareMetres: 1, coverageRelativeTolerance: 1e-9)
            #expect(
                throws: GeoPlanError.governance(
                    .guaranteeFailed(
                        guarantee: "units do not overlap", detail: "T1/M1 and T1/SAO-T1 share 5.0 m², more than 1.0 m²")
                )
            ) {
                try PartitionGuarantees.check(guarantees)
            }
            guarantees.largestOverlapSquareMetres = 0
            guarantees.coverageDifferenceSquareMetres = 1
            #expect(!guarantees.unitsCoverTambons)
            #expect(throws: GeoPlanError.self) { try PartitionGuarantees.check(guarantees) }
            guarantees.coverageDifferenceSquareMetres = 0
            #expect(throws: Never.self) { try PartitionGuarantees.check(guarantees) }
        }

        // MARK: - Random configurations

        /// Cells of 0.02° over [100.0, 100.06] × [13.0, 13.06] whose corners and edge midpoints are moved by up to
        /// 0.003° (shared by neighbouring cells, so the cells tile).
        static func tambons(_ random: inout SplitMix64, context: GEOSContext) throws -> [TambonInput] {
            let size = 0.02
            let count = 3
            let jitter = 0.003
            func moved(_ x: Double, _ y: Double) -> XY {
                let dx = Double.random(in: -jitter...jitter, using: &random)
                return XY(x + dx, y + Double.random(in: -jitter...jitter, using: &random))
            }
            func at(_ i: Double, _ j: Double) -> XY { moved(100 + i * size, 13 + j * size) }
            let corners = (0...count).map { i in (0...count).map { j in at(Double(i), Double(j)) } }
            let across = (0..<count).map { i in (0...count).map { j in at(Double(i) + 0.5, Double(j)) } }
            let up = (0...count).map { i in (0..<count).map { j in at(Double(i), Double(j) + 0.5) } }
            var tambons: [TambonInput] = []
            for i in 0..<count {
                for j in 0..<count {
                    let ring = [
                        corners[i][j], across[i][j], corners[i + 1][j], up[i + 1][j], corners[i + 1][j + 1],
                        across[i][j + 1], corners[i][j + 1], up[i][j], corners[i][j],
                    ]
                    let geometry = try Geometry.polygon(exterior: ring, context: context)
                    tambons.append(TambonInput(code: "T\(i)\(j)", geometry: geometry))
                }
            }
            return tambons
        }

        /// Up to 3 stars and up to 2 shifted copies of tambons, each minus those before it (so none overlap), kept only
        /// when a 10 m-wide disc still fits in it (so none is a mere sliver, which the partition rightly refuses).
        static func municipalities(_ random: inout SplitMix64, tambons: [TambonInput], context: GEOSContext) throws
            -> [MunicipalityInput]
        {
            var shapes: [Geometry] = []
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let centre = XY(
                    Double.random(in: 100.005...100.055, using: &random),
                    Double.random(in: 13.005...13.055, using: &random))
                let radius = Double.random(in: 0.002...0.012, using: &random)
                let vertices = Int.random(in: 5...12, using: &random)
                let ring = (0...vertices).map { step -> XY in
                    let corner = step % vertices
                    let angle = Double(corner) / Double(vertices) * 2 * .pi
                    let r = radius * (corner % 2 == 0 ? 1 : 0.55)
                    return XY(centre.x + r * cos(angle), centre.y + r * sin(angle))
                }
                shapes.append(try Geometry.polygon(exterior: ring, context: context))
            }
            for _ in 0..<Int.random(in: 0...2, using: &random) {
                let source = tambons[Int.random(in: 0..<tambons.count, using: &random)].geometry
                let dx = GovernanceFixture.lonDegrees(Double.random(in: -8...8, using: &random))
                let dy = GovernanceFixture.latDegrees(Double.random(in: -8...8, using: &random))
                var rings = try PolygonRings(source)
                rings.moveVertices { XY($0.x + dx, $0.y + dy) }
                shapes.append(try rings.geometry(context: context))
            }
            var taken: Geometry?
            var result: [MunicipalityInput] = []
            let types: [LocalGovernmentType] = [.city, .town, .subdistrict]
            for shape in shapes {
                let own = try taken.map { try shape.difference($0).polygonalPart() } ?? shape
                taken = try taken.map { try $0.union(shape) } ?? shape
                let disc = GovernanceFixture.latDegrees(5)
                guard !own.isEmpty, try !own.buffer(distance: -disc).isEmpty else { continue }
                let type = types[result.count % 3]
                result.append(MunicipalityInput(code: "M\(result.count + 1)", type: type, geometry: own))
            }
            return result
        }
    }
}
