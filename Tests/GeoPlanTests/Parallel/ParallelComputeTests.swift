import Foundation
import GEOS
import GeoplanTestSupport
import Testing

@testable import GeoPlan

/// Splitting the work changes nothing: the same spec over real tambons gives the same values, bit for bit, on
/// one thread in one chunk and on two threads in chunks of three areas (each chunk seeing only its neighbours),
/// and the counters agree.
@Suite struct ParallelComputeTests {
    let spec: Spec

    init() throws {
        var spec = try SpecParser.load(Fixtures.root.appendingPathComponent("samples/nakhon-pathom.yaml").path)
        spec.output.formats = []  // compute only
        self.spec = spec
    }

    @Test func chunkingAndThreadsDoNotChangeAnyValue() throws {
        let whole = try #require(try Runner.run(spec, includeRows: true, jobs: 1, chunkSize: 10_000).boundarySets.first)
        let split = try #require(try Runner.run(spec, includeRows: true, jobs: 2, chunkSize: 3).boundarySets.first)
        #expect(whole.areas == 106)
        let wholeRows = try #require(whole.rows)
        let splitRows = try #require(split.rows)
        #expect(wholeRows.count == splitRows.count)
        for (one, other) in zip(wholeRows, splitRows) {
            #expect(one == other, "area \(one.id) differs")
        }
        #expect(whole.counters == split.counters)
        // The sample has points on borders and lines along them: the rules that look across borders are used.
        #expect((whole.counters["facilities: points on a border"] ?? 0) > 0)
        #expect((whole.counters["road_km: line-area pairs clipped"] ?? 0) > 0)
    }

    @Test func chunksAreCompactAndCoverEveryAreaOnce() {
        // A 20 × 20 grid of unit boxes, in scrambled order.
        let cells = (0..<400).map { ($0 * 7919) % 400 }
        let boxes: [Envelope] = cells.map { cell in
            let (x, y) = (Double(cell % 20), Double(cell / 20))
            return Envelope(minX: x, minY: y, maxX: x + 1, maxY: y + 1)
        }
        let chunks = ChunkPlan.chunks(boxes: boxes, selected: Array(0..<400), jobs: 2, maxChunkSize: 25)
        #expect(chunks.count == 16)
        let cores = chunks.flatMap { chunk in chunk.areas.indices.filter { chunk.core[$0] }.map { chunk.areas[$0] } }
        #expect(cores.sorted() == Array(0..<400))
        for chunk in chunks {
            // 25 cells along a Hilbert curve of a 20 × 20 grid fit in a box of at most 8 × 8 cells.
            guard let window = chunk.window else {
                Issue.record("a chunk without window")
                continue
            }
            #expect((window.maxX - window.minX) * (window.maxY - window.minY) <= 64, "\(window)")
            // Every neighbour of a core cell is in the chunk.
            for core in chunk.areas.indices where chunk.core[core] {
                let box = boxes[chunk.areas[core]]
                let touching = boxes.indices.filter { (other: Int) in boxes[other].intersects(box) }
                #expect(Set(touching).isSubset(of: chunk.areas))
            }
        }
    }

    /// Detailed areas make smaller chunks: a chunk's core stops before its vertices pass the budget (a single
    /// area over the budget is a chunk of its own), and every area is still in exactly one core.
    @Test func chunksAreCutByTheirVertices() {
        let boxes: [Envelope] = (0..<400).map { cell in
            let (x, y) = (Double(cell % 20), Double(cell / 20))
            return Envelope(minX: x, minY: y, maxX: x + 1, maxY: y + 1)
        }
        // Every tenth area is detailed (5,000 vertices), the rest simple (100).
        let vertices = (0..<400).map { $0 % 10 == 0 ? 5_000 : 100 }
        let chunks = ChunkPlan.chunks(
            boxes: boxes, selected: Array(0..<400), jobs: 1, maxChunkSize: 100, vertices: vertices,
            maxChunkVertices: 8_000)
        let cores = chunks.map { chunk in chunk.areas.indices.filter { chunk.core[$0] }.map { chunk.areas[$0] } }
        #expect(cores.flatMap { $0 }.sorted() == Array(0..<400))
        for core in cores {
            let total = core.reduce(0) { $0 + vertices[$1] }
            #expect(total <= 8_000 || core.count == 1, "\(core.count) areas, \(total) vertices")
            #expect(core.count <= 100)
        }
        // By area count alone (no budget hit) the same areas make 4 chunks; the budget made many more.
        #expect(chunks.count > 4)
        let huge = ChunkPlan.chunks(
            boxes: boxes, selected: Array(0..<400), jobs: 1, maxChunkSize: 100, vertices: vertices,
            maxChunkVertices: 10)
        #expect(huge.count == 400)
    }

    @Test func hilbertKeysFollowTheCurve() {
        let extent = Envelope(minX: 0, minY: 0, maxX: 2, maxY: 2)
        func key(_ x: Double, _ y: Double) -> UInt64 {
            ChunkPlan.hilbertKey(Envelope(minX: x, minY: y, maxX: x, maxY: y), in: extent)
        }
        // The first-order curve visits the quadrants lower-left, upper-left, upper-right, lower-right.
        let order = [key(0.5, 0.5), key(0.5, 1.5), key(1.5, 1.5), key(1.5, 0.5)]
        #expect(order == order.sorted())
        #expect(Set(order).count == 4)
    }
}
