import Foundation
import GEOS
import GeoplanTestSupport
import Testing

@testable import GeoPlan

extension MapTopologyTests {
    /// The shipped tambons simplified: still a coverage (no gap, no overlap), valid, islands kept, fewer vertices.
    @Suite struct TopologySimplifierTests {
        let context: GEOSContext

        init() throws {
            context = try GEOSContext()
        }

        static let cases: [(String, SimplificationMethod)] = MapTopologyTests.provinces.keys.sorted().flatMap {
            province in
            SimplificationMethod.allCases.map { (province, $0) }
        }

        /// At 20 m, the union of a province's tambons moves by less than 0.2 % of its area (its outline is
        /// simplified too; 0.05 % seen), while the tambons keep meeting without gaps or overlaps.
        @Test(arguments: cases)
        func twentyMetresKeepTheCoverage(province: String, method: SimplificationMethod) throws {
            let (set, topology) = try MapTopologyTests.tambons(province, context: context)
            let result = try TopologySimplifier.simplify(
                topology, SimplificationOptions(method: method, amount: .tolerance(metres: 20)), context: context)
            let report = result.report
            #expect(report.featureVerticesAfter * 3 < report.featureVerticesBefore, "\(report)")
            #expect(report.madeValid == 0)
            #expect((report.largestAreaChange?.relative ?? 1) < 0.02, "\(report)")
            try checkCoverage(set, result, unionTolerance: 0.002)
        }

        /// Coarse simplification (1 km, 2 % of vertices) is where borders cross and rings collapse: the repairs
        /// must still leave a valid coverage.
        @Test(arguments: cases)
        func coarseSimplificationIsRepaired(province: String, method: SimplificationMethod) throws {
            let (set, topology) = try MapTopologyTests.tambons(province, context: context)
            for amount in [SimplificationAmount.tolerance(metres: 1000), .keep(share: 0.02)] {
                let result = try TopologySimplifier.simplify(
                    topology, SimplificationOptions(method: method, amount: amount), context: context)
                try checkCoverage(set, result, unionTolerance: 0.05)
            }
        }

        @Test func aShareKeepsThatShareOfRemovableVertices() throws {
            let (_, topology) = try MapTopologyTests.tambons("nonthaburi", context: context)
            let result = try TopologySimplifier.simplify(
                topology, SimplificationOptions(amount: .keep(share: 0.1)),
                context: context)
            let ends = topology.arcs.count * 2
            let removable = topology.arcVertexCount - ends
            let kept = result.report.arcVerticesAfter - ends
            let restored = result.report.verticesRestoredAtCrossings + result.report.verticesRestoredForValidity
            #expect(
                abs(kept - restored - removable / 10) <= 1 + result.report.ringsHeldAtMinimum * 2,
                "\(result.report)")
            #expect(result.report.keepShare == 0.1 && result.report.thresholdMetres > 0)
        }

        @Test func everyArcEndStaysAndNoVertexIsInvented() throws {
            let (_, topology) = try MapTopologyTests.tambons("phuket", context: context)
            let result = try TopologySimplifier.simplify(
                topology, SimplificationOptions(amount: .keep(share: 0)),
                context: context)
            for (before, after) in zip(topology.arcs, result.topology.arcs) {
                #expect(after.first == before.first && after.last == before.last)
                #expect(Set(after).isSubset(of: Set(before)))
            }
            #expect(result.report.ringsHeldAtMinimum > 0)  // islands of one closed arc need two vertices each
        }

        /// A border bending round a lake island: straightened, it would cut through the island, so the bend is put
        /// back (a crossing).
        @Test func aBorderThatWouldCrossAnIslandKeepsItsBend() throws {
            let island = "(0.0093 0.0049, 0.0102 0.0049, 0.0098 0.0053, 0.0093 0.0049)"
            let topology = try Topology([
                TopologyInput(
                    id: "west",
                    geometry: try Geometry(
                        wkt: "POLYGON ((0 0, 0.01 0, 0.009 0.005, 0.01 0.01, "
                            + "0 0.01, 0 0))", context: context)),
                TopologyInput(
                    id: "east",
                    geometry: try Geometry(
                        wkt: "POLYGON ((0.01 0, 0.02 0, 0.02 0.01, 0.01 0.01, "
                            + "0.009 0.005, 0.01 0), \(island))", context: context)),
                TopologyInput(id: "island", geometry: try Geometry(wkt: "POLYGON (\(island))", context: context)),
            ])
            let result = try TopologySimplifier.simplify(
                topology, SimplificationOptions(method: .douglasPeucker, amount: .tolerance(metres: 200)),
                context: context)
            #expect(result.report.verticesRestoredAtCrossings > 0)
            #expect(result.topology.arcs.contains { $0.contains(XY(0.009, 0.005)) })
            for index in topology.features.indices {
                #expect(try result.geometry(of: index, context: context).isValid)
            }
        }

        /// A hole in a peak of its shell: with the peak cut off the hole would lie outside, which GEOS finds invalid,
        /// so the peak is put back.
        @Test func aHoleLeftOutsideItsShellIsRepaired() throws {
            let topology = try Topology([
                TopologyInput(
                    id: "peak",
                    geometry: try Geometry(
                        wkt: "POLYGON ((0 0, 0.01 0, 0.01 0.01, 0.005 0.011, 0 0.01, 0 0), "
                            + "(0.0049 0.0102, 0.0051 0.0102, 0.005 0.0104, 0.0049 0.0102))", context: context))
            ])
            let result = try TopologySimplifier.simplify(
                topology, SimplificationOptions(method: .douglasPeucker, amount: .tolerance(metres: 200)),
                context: context)
            #expect(result.report.verticesRestoredForValidity > 0)
            #expect(result.report.madeValid == 0)
            #expect(try result.geometry(of: 0, context: context).isValid)
        }

        // MARK: - Checks

        private func checkCoverage(_ set: BoundarySet, _ result: SimplifiedTopology, unionTolerance: Double) throws {
            let before = set.areas.map(\.geometry)
            let after = try set.areas.indices.map { try result.geometry(of: $0, context: context) }
            for (index, geometry) in after.enumerated() {
                let validity = try geometry.validity()
                #expect(validity.isValid, "\(set.areas[index].id): \(validity)")
            }
            // No overlaps: neighbours meet along lines only.
            for first in after.indices {
                for second in after.indices where second > first {
                    guard let a = after[first].bounds, let b = after[second].bounds, a.intersects(b) else { continue }
                    let shared = try after[first].intersection(after[second]).area
                    #expect(shared == 0, "\(set.areas[first].id) and \(set.areas[second].id) overlap by \(shared)")
                }
            }
            // No gaps: the union has the holes it had, and its area moved only by the outline's simplification.
            let unionBefore = try Geometry.collection(before, context: context).unaryUnion()
            let unionAfter = try Geometry.collection(after, context: context).unaryUnion()
            #expect(try holes(unionAfter) == holes(unionBefore))
            let change = abs(try unionAfter.area - unionBefore.area) / (try unionBefore.area)
            #expect(change < unionTolerance, "union area changed by \(change)")
            let summed = try after.reduce(0) { $0 + (try $1.area) }
            #expect(abs(summed - (try unionAfter.area)) <= 1e-9 * summed)
            // Islands kept: every part of every tambon is still there, and still overlaps where it was.
            for (index, original) in before.enumerated() {
                let parts = try original.type == .polygon ? [original] : original.geometries
                #expect(after[index].numberOfGeometries == parts.count, "\(set.areas[index].id)")
                for part in parts where try part.area > 1e-6 {  // about 1 ha
                    #expect(try part.intersects(after[index]), "\(set.areas[index].id) lost a part")
                }
            }
        }

        private func holes(_ geometry: Geometry) throws -> Int {
            let parts = try geometry.type == .polygon ? [geometry] : geometry.geometries
            return try parts.reduce(0) { $0 + (try $1.interiorRings.count) }
        }
    }
}
