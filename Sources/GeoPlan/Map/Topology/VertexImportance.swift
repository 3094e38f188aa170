import GEOS

/// Each vertex's removal threshold in metres for one arc: the vertex stays at every tolerance below it. Ends get
/// infinity (junctions always stay). Thresholds are monotone along each method's removal order, so keeping
/// `threshold > tolerance` gives exactly what running the method with that tolerance would.
///
/// Metres come from the arc's ``LocalFrame`` (an equirectangular frame at the arc's middle latitude, WGS 84
/// scales): east–west scale is off by about |φ − φ₀|·tan φ₀ away from the middle, so for an arc spanning 0.5° of
/// latitude in Thailand (φ ≤ 20.5°) distances are within 0.2 % (0.05 % at Phuket's 8°): a 20 m tolerance acts as
/// 20 ± 0.04 m.
enum VertexImportance {
    static func thresholds(_ arc: [XY], method: SimplificationMethod) -> [Double] {
        guard arc.count > 2 else { return Array(repeating: .infinity, count: arc.count) }
        var box = Envelope(minX: arc[0].x, minY: arc[0].y, maxX: arc[0].x, maxY: arc[0].y)
        for point in arc { box = box.union(Envelope(minX: point.x, minY: point.y, maxX: point.x, maxY: point.y)) }
        let frame = LocalFrame(around: box)
        let origin = arc[0]
        let points = arc.map { point in
            XY((point.x - origin.x) * frame.metresPerDegreeLon, (point.y - origin.y) * frame.metresPerDegreeLat)
        }
        switch method {
        case .visvalingam: return visvalingam(points)
        case .douglasPeucker: return douglasPeucker(points)
        }
    }

    /// Square roots of monotone effective areas (Visvalingam–Whyatt 1993 with the usual monotone fix).
    static func visvalingam(_ points: [XY]) -> [Double] {
        let count = points.count
        var result = Array(repeating: Double.infinity, count: count)
        guard count > 2 else { return result }
        var previous = Array(-1..<(count - 1))
        var next = Array(1...count)
        var area = Array(repeating: Double.infinity, count: count)
        for index in 1..<(count - 1) {
            area[index] = triangleArea(points[index - 1], points[index], points[index + 1])
        }
        var heap = IndexedMinHeap(keys: area, members: Array(1..<(count - 1)))
        var largest = 0.0
        while let index = heap.popMin() {
            largest = max(largest, area[index])
            result[index] = largest.squareRoot()
            let (before, after) = (previous[index], next[index])
            next[before] = after
            previous[after] = before
            // Two neighbours, not a loop over `[before, after]`: that array was allocated once per vertex.
            if before > 0 {
                area[before] = triangleArea(points[previous[before]], points[before], points[after])
                heap.update(before, key: area[before])
            }
            if after < count - 1 {
                area[after] = triangleArea(points[before], points[after], points[next[after]])
                heap.update(after, key: area[after])
            }
        }
        return result
    }

    /// Distances to the splitting chord, each capped by its parent's so a vertex never outranks the one that split
    /// its part.
    static func douglasPeucker(_ points: [XY]) -> [Double] {
        let count = points.count
        var result = Array(repeating: Double.infinity, count: count)
        guard count > 2 else { return result }
        var parts = [(first: 0, last: count - 1, cap: Double.infinity)]
        while let part = parts.popLast() {
            guard part.last - part.first > 1 else { continue }
            var farthest = part.first + 1
            var distance = -1.0
            for index in (part.first + 1)..<part.last {
                let here = segmentDistance(points[index], points[part.first], points[part.last])
                if here > distance {
                    (farthest, distance) = (index, here)
                }
            }
            let threshold = min(distance, part.cap)
            result[farthest] = threshold
            parts.append((part.first, farthest, threshold))
            parts.append((farthest, part.last, threshold))
        }
        return result
    }

    static func triangleArea(_ a: XY, _ b: XY, _ c: XY) -> Double {
        abs((b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y)) / 2
    }

    /// The distance from `p` to the segment `a`–`b` (to `a` when the segment is a point, as for a closed arc).
    static func segmentDistance(_ p: XY, _ a: XY, _ b: XY) -> Double {
        let (dx, dy) = (b.x - a.x, b.y - a.y)
        let length2 = dx * dx + dy * dy
        var t = length2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2 : 0
        t = min(1, max(0, t))
        let (ex, ey) = (a.x + t * dx - p.x, a.y + t * dy - p.y)
        return (ex * ex + ey * ey).squareRoot()
    }
}

/// A binary min-heap of vertex indices keyed by area, whose keys can change (a neighbour's triangle after a removal).
/// Ordered by (key, index). Each slot holds its key beside its index, so a comparison reads one place in memory, not
/// the heap and then a key array (the heap was the largest cost of ranking a national layer's vertices).
struct IndexedMinHeap {
    private struct Entry {
        var key: Double
        var member: Int
    }

    private var heap: [Entry]
    private var position: [Int]

    init(keys: [Double], members: [Int]) {
        heap = members.map { Entry(key: keys[$0], member: $0) }
        position = Array(repeating: -1, count: keys.count)
        for (slot, member) in members.enumerated() { position[member] = slot }
        for slot in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(slot) }
    }

    mutating func popMin() -> Int? {
        guard let top = heap.first?.member else { return nil }
        swapAt(0, heap.count - 1)
        heap.removeLast()
        position[top] = -1
        if !heap.isEmpty { siftDown(0) }
        return top
    }

    mutating func update(_ member: Int, key: Double) {
        let slot = position[member]
        guard slot >= 0 else { return }
        heap[slot].key = key
        siftUp(slot)
        siftDown(position[member])
    }

    private func less(_ a: Int, _ b: Int) -> Bool {
        (heap[a].key, heap[a].member) < (heap[b].key, heap[b].member)
    }

    private mutating func swapAt(_ a: Int, _ b: Int) {
        heap.swapAt(a, b)
        position[heap[a].member] = a
        position[heap[b].member] = b
    }

    private mutating func siftUp(_ start: Int) {
        var slot = start
        while slot > 0, less(slot, (slot - 1) / 2) {
            swapAt(slot, (slot - 1) / 2)
            slot = (slot - 1) / 2
        }
    }

    private mutating func siftDown(_ start: Int) {
        var slot = start
        while true {
            let (left, right) = (2 * slot + 1, 2 * slot + 2)
            var smallest = slot
            if left < heap.count, less(left, smallest) { smallest = left }
            if right < heap.count, less(right, smallest) { smallest = right }
            guard smallest != slot else { return }
            swapAt(slot, smallest)
            slot = smallest
        }
    }
}
