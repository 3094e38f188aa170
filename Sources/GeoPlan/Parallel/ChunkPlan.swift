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
enum ChunkPlan {
    /// - Parameters:
    ///   - selected: positions of the areas to compute (all, or a partition's), ascending.
    ///   - jobs: workers; chunks are small enough for each to get several (so none waits idle at the end)
    ///     and for a chunk's features to stay a small part of memory.
    ///   - boxes: every area's lon/lat box.
    static func chunks(boxes: [Envelope], selected: [Int], jobs: Int, maxChunkSize: Int = 400) -> [Chunk] {
        guard !selected.isEmpty else { return [Chunk(areas: [], core: [], window: nil)] }
        let jobs = max(1, jobs)
        let size = max(1, min(maxChunkSize, (selected.count + 4 * jobs - 1) / (4 * jobs)))
        let extent = selected.dropFirst().reduce(boxes[selected[0]]) { $0.union(boxes[$1]) }
        let keys = Dictionary(uniqueKeysWithValues: selected.map { ($0, hilbertKey(boxes[$0], in: extent)) })
        let ordered = selected.sorted { first, second in
            keys[first] != keys[second] ? keys[first, default: 0] < keys[second, default: 0] : first < second
        }
        return stride(from: 0, to: ordered.count, by: size).map { start in
            let core = Array(ordered[start..<min(start + size, ordered.count)])
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
