import GEOS

/// One worker's share of a parallel run: areas to compute (`core`) and, around them, the neighbours the border
/// rules need.
struct Chunk: Sendable {
    /// Positions in the whole boundary set, ascending: the core areas and their neighbours.
    let areas: [Int]
    /// Per entry of `areas`, whether it is a core area.
    let core: [Bool]
    /// The lon/lat box of the core areas: features that miss it cannot touch them.
    let window: Envelope?

    var coreCount: Int { core.lazy.filter { $0 }.count }
}

/// Splits the areas to compute into compact chunks: areas in Hilbert-curve order of their box centres, cut into
/// runs of equal size, so each chunk is a compact patch whose window takes few features its neighbours also take.
/// A run is also cut when its vertices pass a budget: a worker's memory (its copies of the areas, the indexes
/// GEOS builds to test points in them) grows with its chunk's vertices, so detailed areas make smaller chunks.
enum ChunkPlan {
    /// The vertices of a chunk's core areas beyond which it is cut: about 40 MB of a worker's memory.
    static let maxChunkVertices = 150_000

    /// - Parameters:
    ///   - selected: positions of the areas to compute (all, or a partition's), ascending.
    ///   - jobs: workers; chunks are small enough for each to get several (so none waits idle at the end)
    ///     and for a chunk's features to stay a small part of memory.
    ///   - boxes: every area's lon/lat box.
    ///   - vertices: every area's vertex count (nil: chunks are cut by area count only).
    static func chunks(
        boxes: [Envelope], selected: [Int], jobs: Int, maxChunkSize: Int = 400, vertices: [Int]? = nil,
        maxChunkVertices: Int = maxChunkVertices
    ) -> [Chunk] {
        guard !selected.isEmpty else { return [Chunk(areas: [], core: [], window: nil)] }
        let jobs = max(1, jobs)
        let size = max(1, min(maxChunkSize, (selected.count + 4 * jobs - 1) / (4 * jobs)))
        let extent = selected.dropFirst().reduce(boxes[selected[0]]) { $0.union(boxes[$1]) }
        let keys = Dictionary(uniqueKeysWithValues: selected.map { ($0, hilbertKey(boxes[$0], in: extent)) })
        let ordered = selected.sorted { first, second in
            keys[first] != keys[second] ? keys[first, default: 0] < keys[second, default: 0] : first < second
        }
        var runs: [[Int]] = [[]]
        var runVertices = 0
        for area in ordered {
            let weight = vertices?[area] ?? 0
            if let last = runs.last, !last.isEmpty, last.count >= size || runVertices + weight > maxChunkVertices {
                runs.append([])
                runVertices = 0
            }
            runs[runs.count - 1].append(area)
            runVertices += weight
        }
        return runs.map { core in
            let window = core.dropFirst().reduce(boxes[core[0]]) { $0.union(boxes[$1]) }
            let coreSet = Set(core)
            // Every area whose box meets the window: any that touches a core area is among them.
            let areas = boxes.indices.filter { coreSet.contains($0) || boxes[$0].intersects(window) }
            return Chunk(areas: areas, core: areas.map(coreSet.contains), window: window)
        }
    }

    /// The position of a box's centre along a Hilbert curve of 2¹⁶ × 2¹⁶ cells over `extent`.
    static func hilbertKey(_ box: Envelope, in extent: Envelope) -> UInt64 {
        let side = 1 << 16
        func cell(_ value: Double, _ low: Double, _ high: Double) -> Int {
            guard high > low else { return 0 }
            return min(side - 1, max(0, Int((value - low) / (high - low) * Double(side))))
        }
        var x = cell((box.minX + box.maxX) / 2, extent.minX, extent.maxX)
        var y = cell((box.minY + box.maxY) / 2, extent.minY, extent.maxY)
        var key: UInt64 = 0
        var step = side / 2
        while step > 0 {
            let rx = (x & step) > 0 ? 1 : 0
            let ry = (y & step) > 0 ? 1 : 0
            key += UInt64(step) * UInt64(step) * UInt64((3 * rx) ^ ry)
            // Rotate the quadrant so the curve stays continuous.
            if ry == 0 {
                if rx == 1 {
                    x = side - 1 - x
                    y = side - 1 - y
                }
                swap(&x, &y)
            }
            step /= 2
        }
        return key
    }
}
