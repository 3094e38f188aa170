import GEOS

/// A stretch of a simplified arc between two kept vertices: `arc`'s points `from` to `to`.
struct ArcSpan: Hashable {
    let arc: Int
    let from: Int
    let to: Int

    /// Whether vertices were removed here (so one can be put back).
    var isShortened: Bool { to - from > 1 }
}

/// Finds the simplified segments that cross or touch other segments anywhere but at a shared vertex: a border
/// crossing a neighbour's (an overlap and a gap), a ring crossing itself, or a segment folding back on the previous
/// one. Tested in lon/lat, the plane GEOS checks validity in, with a uniform grid so each segment meets only its
/// neighbours. Pairs where neither segment lost a vertex are left out: they cross in the input already.
enum ArcCrossings {
    static func find(arcs: [[XY]], kept: [[Bool]]) -> Set<ArcSpan> {
        var spans: [ArcSpan] = []
        for (arc, flags) in kept.enumerated() {
            var from = 0
            for index in 1..<flags.count where flags[index] {
                spans.append(ArcSpan(arc: arc, from: from, to: index))
                from = index
            }
        }
        guard spans.count > 1 else { return [] }
        let ends = spans.map { (arcs[$0.arc][$0.from], arcs[$0.arc][$0.to]) }
        let grid = SpanGrid(ends)
        var conflicting: Set<ArcSpan> = []
        grid.forEachCandidatePair { first, second in
            guard spans[first].isShortened || spans[second].isShortened else { return }
            let (a1, a2) = ends[first]
            let (b1, b2) = ends[second]
            if conflict(a1, a2, b1, b2) {
                conflicting.insert(spans[first])
                conflicting.insert(spans[second])
            }
        }
        return conflicting
    }

    /// Whether two segments meet other than at one shared endpoint.
    static func conflict(_ a1: XY, _ a2: XY, _ b1: XY, _ b2: XY) -> Bool {
        guard min(a1.x, a2.x) <= max(b1.x, b2.x), min(b1.x, b2.x) <= max(a1.x, a2.x),
            min(a1.y, a2.y) <= max(b1.y, b2.y), min(b1.y, b2.y) <= max(a1.y, a2.y)
        else { return false }
        let o1 = orientation(a1, a2, b1)
        let o2 = orientation(a1, a2, b2)
        let o3 = orientation(b1, b2, a1)
        let o4 = orientation(b1, b2, a2)
        if o1 * o2 < 0, o3 * o4 < 0 { return true }
        if o1 == 0, o2 == 0 {
            // Collinear: a conflict when they overlap along a stretch, not just at a point.
            let alongX = abs(a2.x - a1.x) + abs(b2.x - b1.x) >= abs(a2.y - a1.y) + abs(b2.y - b1.y)
            let project = { (p: XY) in alongX ? p.x : p.y }
            let overlap =
                min(max(project(a1), project(a2)), max(project(b1), project(b2)))
                - max(min(project(a1), project(a2)), min(project(b1), project(b2)))
            return overlap > 0
        }
        // One segment's end on the other segment: fine only where it is that segment's end too (a shared vertex).
        let touches = [(o1, b1, a1, a2), (o2, b2, a1, a2), (o3, a1, b1, b2), (o4, a2, b1, b2)]
        for (side, point, start, end) in touches where side == 0 && within(point, start, end) {
            if point != start && point != end { return true }
        }
        return false
    }

    private static func orientation(_ a: XY, _ b: XY, _ c: XY) -> Double {
        let value = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)
        return value > 0 ? 1 : (value < 0 ? -1 : 0)
    }

    private static func within(_ p: XY, _ a: XY, _ b: XY) -> Bool {
        min(a.x, b.x) <= p.x && p.x <= max(a.x, b.x) && min(a.y, b.y) <= p.y && p.y <= max(a.y, b.y)
    }
}

/// Segments bucketed by the grid cells their boxes cover; about two segments' length per cell.
///
/// The buckets are one sorted array of (cell, segment) keys, not a dictionary of arrays, and a pair is met only in
/// the cell holding the low corner of the overlap of its two boxes (a cell both boxes cover), so no set of pairs
/// seen is kept: the set and the buckets' arrays took most of the crossing search on a national layer.
private struct SpanGrid {
    /// `cell << 32 | segment`, sorted: each cell's segments in a run, in increasing order.
    private var keys: [UInt64] = []
    private let boxes: [Envelope]
    private let minX: Double
    private let minY: Double
    private let size: Double
    private let columns: Int

    init(_ segments: [(XY, XY)]) {
        precondition(segments.count < 1 << 32, "more segments than a grid key holds")
        boxes = segments.map { a, b in
            Envelope(minX: min(a.x, b.x), minY: min(a.y, b.y), maxX: max(a.x, b.x), maxY: max(a.y, b.y))
        }
        var box = Envelope(minX: .infinity, minY: .infinity, maxX: -.infinity, maxY: -.infinity)
        var totalLength = 0.0
        for (a, b) in segments {
            box = box.union(
                Envelope(minX: min(a.x, b.x), minY: min(a.y, b.y), maxX: max(a.x, b.x), maxY: max(a.y, b.y)))
            totalLength += abs(b.x - a.x) + abs(b.y - a.y)
        }
        let width = max(box.maxX - box.minX, 1e-12)
        let height = max(box.maxY - box.minY, 1e-12)
        size = max(2 * totalLength / Double(segments.count), max(width, height) / 4096, 1e-12)
        columns = Int((width / size).rounded(.up)) + 1
        (minX, minY) = (box.minX, box.minY)
        keys.reserveCapacity(2 * segments.count)
        for (index, segment) in boxes.enumerated() {
            let (x0, y0) = (column(segment.minX), row(segment.minY))
            let (x1, y1) = (column(segment.maxX), row(segment.maxY))
            for y in y0...y1 {
                for x in x0...x1 { keys.append(UInt64(y * columns + x) << 32 | UInt64(index)) }
            }
        }
        keys.sort()
    }

    private func column(_ x: Double) -> Int { Int((x - minX) / size) }
    private func row(_ y: Double) -> Int { Int((y - minY) / size) }

    /// Calls `body` once for each pair of segments whose boxes meet (edges included), the lower index first.
    func forEachCandidatePair(_ body: (Int, Int) -> Void) {
        var start = 0
        while start < keys.count {
            let cell = keys[start] >> 32
            var end = start + 1
            while end < keys.count, keys[end] >> 32 == cell { end += 1 }
            for i in start..<end {
                let first = Int(truncatingIfNeeded: keys[i] & 0xFFFF_FFFF)
                let p = boxes[first]
                for j in (i + 1)..<end {
                    let second = Int(truncatingIfNeeded: keys[j] & 0xFFFF_FFFF)
                    let q = boxes[second]
                    guard p.minX <= q.maxX, q.minX <= p.maxX, p.minY <= q.maxY, q.minY <= p.maxY else { continue }
                    // The overlap's low corner lies in both boxes, so its cell is covered by both: met there only.
                    let corner = row(max(p.minY, q.minY)) * columns + column(max(p.minX, q.minX))
                    if UInt64(corner) == cell { body(first, second) }
                }
            }
            start = end
        }
    }
}
