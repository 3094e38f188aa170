import GEOS

/// Line segments of lon/lat linework in a uniform grid, to find the segment nearest to a point within a small
/// tolerance in metres: the search behind snapping one border onto another.
///
/// Distances are judged in a ``LocalFrame`` (metres), but the point found on a segment is interpolated in
/// degrees between the segment's own ends, and is the end itself when the nearest point is an end: so a point
/// snapped to a vertex equals it bit for bit, and one snapped to a meridian or parallel segment takes its
/// longitude or latitude exactly (and keeps its own other coordinate, the exact foot of the perpendicular).
///
/// Cells are as large as the tolerance or the median segment, whichever is larger, so each segment lands in a
/// few cells; a segment whose box (grown by the tolerance) would span more than `longSegmentCells` cells is kept
/// in a short list searched every time instead, so one long straight border cannot flood the grid.
struct SegmentGrid {
    /// A segment from `a` to `b` (degrees), and what it belongs to.
    struct Segment<Tag> {
        let a: XY
        let b: XY
        let tag: Tag
    }

    /// The nearest point found: on which segment, where along it (0 at `a`, 1 at `b`), how far (m), and the
    /// point itself in degrees.
    struct Hit {
        let segment: Int
        let t: Double
        let distance: Double
        let point: XY
    }

    private struct Cell: Hashable {
        let x: Int
        let y: Int
    }

    private let frame: LocalFrame
    private let tolerance: Double
    private let cellSize: Double
    private let starts: [(x: Double, y: Double)]
    private let vectors: [(x: Double, y: Double)]
    private let ends: [(a: XY, b: XY)]
    private var cells: [Cell: [Int]] = [:]
    private var long: [Int] = []
    private static let longSegmentCells = 64

    /// Indexes `segments` for searches within `tolerance` metres.
    init<Tag>(_ segments: [Segment<Tag>], frame: LocalFrame, tolerance: Double) {
        self.frame = frame
        self.tolerance = tolerance
        ends = segments.map { ($0.a, $0.b) }
        starts = segments.map { (x: $0.a.x * frame.metresPerDegreeLon, y: $0.a.y * frame.metresPerDegreeLat) }
        vectors = segments.map {
            (x: ($0.b.x - $0.a.x) * frame.metresPerDegreeLon, y: ($0.b.y - $0.a.y) * frame.metresPerDegreeLat)
        }
        let lengths = vectors.map { ($0.x * $0.x + $0.y * $0.y).squareRoot() }.sorted()
        let median = lengths.isEmpty ? 0 : lengths[lengths.count / 2]
        cellSize = Swift.max(tolerance, median, 1e-3)
        for index in segments.indices {
            let (start, vector) = (starts[index], vectors[index])
            let low = cell(
                Swift.min(start.x, start.x + vector.x) - tolerance,
                Swift.min(start.y, start.y + vector.y) - tolerance)
            let high = cell(
                Swift.max(start.x, start.x + vector.x) + tolerance,
                Swift.max(start.y, start.y + vector.y) + tolerance)
            let count = (Double(high.x) - Double(low.x) + 1) * (Double(high.y) - Double(low.y) + 1)
            guard count <= Double(Self.longSegmentCells) else {
                long.append(index)
                continue
            }
            for x in low.x...high.x {
                for y in low.y...high.y { cells[Cell(x: x, y: y), default: []].append(index) }
            }
        }
    }

    /// The nearest point within the tolerance on any segment, or nil; of equally near segments, the first.
    func nearest(to point: XY) -> Hit? {
        let px = point.x * frame.metresPerDegreeLon
        let py = point.y * frame.metresPerDegreeLat
        var best: (index: Int, t: Double, distance: Double)?
        let candidates = (cells[cell(px, py)] ?? []) + long
        for index in candidates {
            let (start, vector) = (starts[index], vectors[index])
            let squared = vector.x * vector.x + vector.y * vector.y
            var t = squared > 0 ? ((px - start.x) * vector.x + (py - start.y) * vector.y) / squared : 0
            t = Swift.min(1, Swift.max(0, t))
            let dx = start.x + t * vector.x - px
            let dy = start.y + t * vector.y - py
            let distance = (dx * dx + dy * dy).squareRoot()
            guard distance <= tolerance else { continue }
            if let current = best,
                current.distance < distance || (current.distance == distance && current.index < index)
            {
                continue
            }
            best = (index, t, distance)
        }
        guard let best else { return nil }
        let (a, b) = ends[best.index]
        let found: XY
        if best.t == 0 {
            found = a
        } else if best.t == 1 {
            found = b
        } else if a.x == b.x {
            found = XY(a.x, point.y)  // a meridian: the foot keeps the latitude, exactly
        } else if a.y == b.y {
            found = XY(point.x, a.y)  // a parallel: the foot keeps the longitude, exactly
        } else {
            found = XY(a.x + best.t * (b.x - a.x), a.y + best.t * (b.y - a.y))
        }
        return Hit(segment: best.index, t: best.t, distance: best.distance, point: found)
    }

    private func cell(_ x: Double, _ y: Double) -> Cell {
        Cell(x: Self.index(x / cellSize), y: Self.index(y / cellSize))
    }

    /// The cell number of a coordinate; clamped, so a wild coordinate cannot trap the conversion to `Int`.
    private static func index(_ value: Double) -> Int {
        guard value.isFinite else { return 0 }
        return Int(Swift.max(-1e15, Swift.min(1e15, value.rounded(.down))))
    }
}
