import GEOS

/// Cuts lines at one area's border without a GEOS overlay, for `length`: a GEOS intersection walks every
/// vertex of the area for each line (thousands per tambon), this walks only the border segments near the line.
///
/// The border's segments sit in a uniform grid. Each segment of a line is split where it meets a border
/// segment (where it runs along one, at both ends of the shared stretch); each piece is then inside, outside,
/// or along the border (such pieces are merged per border segment, so a stretch walked twice counts once). Pieces of line segments with no border segment near them keep the state of the piece
/// before them (they cannot cross the border); every other piece is located by its midpoint with the prepared
/// area, so a floating-point near miss can never flip a long stretch.
///
/// Not `Sendable`: it uses its area's GEOS context.
final class AreaClipper {
    /// What a piece of line is, relative to the area.
    enum Piece {
        case inside, outside, alongBorder
    }

    private let area: Area
    private let box: Envelope
    // Border segments, as four coordinate arrays.
    private let ax: [Double], ay: [Double], bx: [Double], by: [Double]
    // The grid: cells of `cellWidth` × `cellHeight` from (`originX`, `originY`), their segments in CSR form.
    private let originX: Double, originY: Double, cellWidth: Double, cellHeight: Double
    private let columns: Int, rows: Int
    private let cellStart: [Int32]
    private let cellSegments: [Int32]
    /// Working memory of `split`, reused between segments (taken out while in use, so the hot loop touches
    /// local arrays, not the object's).
    private var scratch = Scratch()

    private struct Scratch {
        // Per segment, the last query that saw it (so a query visits each segment once).
        var seen: [UInt32] = []
        var query: UInt32 = 0
        var events: [Double] = []
        var along: [(low: Double, high: Double, segment: Int)] = []
    }

    init(_ area: Area) throws {
        self.area = area
        let geometry = area.geometry
        let polygons = geometry.type == .polygon ? [geometry] : try geometry.geometries
        var ax: [Double] = []
        var ay: [Double] = []
        var bx: [Double] = []
        var by: [Double] = []
        for polygon in polygons where !polygon.isEmpty {
            for ring in [try polygon.exteriorRing] + (try polygon.interiorRings) {
                let points = try ring.coordinates
                for index in points.indices.dropLast() where points[index] != points[index + 1] {
                    ax.append(points[index].x)
                    ay.append(points[index].y)
                    bx.append(points[index + 1].x)
                    by.append(points[index + 1].y)
                }
            }
        }
        let box = geometry.bounds ?? Envelope(minX: 0, minY: 0, maxX: 0, maxY: 0)
        self.box = box
        (self.ax, self.ay, self.bx, self.by) = (ax, ay, bx, by)
        // About four segments per cell, at most 128 × 128 cells.
        let side = max(1, min(128, Int(Double(ax.count / 4).squareRoot())))
        columns = side
        rows = side
        originX = box.minX
        originY = box.minY
        cellWidth = max((box.maxX - box.minX) / Double(side), .leastNonzeroMagnitude)
        cellHeight = max((box.maxY - box.minY) / Double(side), .leastNonzeroMagnitude)
        var perCell = [[Int32]](repeating: [], count: columns * rows)
        for segment in ax.indices {
            let (c0, c1) = Self.cellRange(
                min(ax[segment], bx[segment]), max(ax[segment], bx[segment]), origin: originX,
                size: cellWidth, count: columns)
            let (r0, r1) = Self.cellRange(
                min(ay[segment], by[segment]), max(ay[segment], by[segment]), origin: originY,
                size: cellHeight, count: rows)
            for row in r0...r1 {
                for column in c0...c1 { perCell[row * columns + column].append(Int32(segment)) }
            }
        }
        var cellStart: [Int32] = [0]
        var cellSegments: [Int32] = []
        for cell in perCell {
            cellSegments += cell
            cellStart.append(Int32(cellSegments.count))
        }
        self.cellStart = cellStart
        self.cellSegments = cellSegments
        scratch.seen = [UInt32](repeating: 0, count: ax.count)
    }

    /// Calls `body` with each piece of a line (its parts, each a polyline) and what it is. Pieces along the border
    /// come last, merged: a line that runs back over a stretch of border (as lines cut at an edge do) covers it
    /// once, as in a GEOS overlay.
    func clip(_ parts: [[XY]], _ body: (XY, XY, Piece) throws -> Void) throws {
        var alongSegments: [Int: [(Double, Double)]] = [:]
        var scratch = self.scratch
        self.scratch = Scratch()
        defer { self.scratch = scratch }
        for points in parts {
            var state: Piece?
            for index in points.indices.dropLast() {
                let (p, q) = (points[index], points[index + 1])
                guard p != q else { continue }
                if max(p.x, q.x) < box.minX || min(p.x, q.x) > box.maxX || max(p.y, q.y) < box.minY
                    || min(p.y, q.y) > box.maxY
                {
                    state = .outside  // off the area's box: nothing to split or locate
                    continue
                }
                let nearBorder = split(p, q, &scratch)
                let (events, along) = (scratch.events, scratch.along)
                for (t0, t1) in zip(events, events.dropFirst()) where t1 > t0 {
                    if let run = along.first(where: { $0.low <= t0 && t1 <= $0.high }) {
                        state = .alongBorder
                        let (u0, u1) = (
                            borderParameter(at(p, q, t0), run.segment),
                            borderParameter(at(p, q, t1), run.segment)
                        )
                        alongSegments[run.segment, default: []].append((min(u0, u1), max(u0, u1)))
                        continue
                    }
                    if nearBorder || state == nil {
                        let middle = at(p, q, (t0 + t1) / 2)
                        let point = try Geometry.point(x: middle.x, y: middle.y, context: area.geometry.context)
                        state = try area.prepared.contains(point) ? .inside : .outside
                    }
                    if let state {
                        try body(t0 == 0 ? p : at(p, q, t0), t1 == 1 ? q : at(p, q, t1), state)
                    }
                }
            }
        }
        for segment in alongSegments.keys.sorted() {
            let a = XY(x: ax[segment], y: ay[segment])
            let b = XY(x: bx[segment], y: by[segment])
            for (u0, u1) in Self.union(alongSegments[segment] ?? []) {
                try body(at(a, b, u0), at(a, b, u1), .alongBorder)
            }
        }
    }

    /// Where `point` (on border segment `segment`) lies along it, 0 at its start and 1 at its end.
    private func borderParameter(_ point: XY, _ segment: Int) -> Double {
        let (ex, ey) = (bx[segment] - ax[segment], by[segment] - ay[segment])
        return min(max(((point.x - ax[segment]) * ex + (point.y - ay[segment]) * ey) / (ex * ex + ey * ey), 0), 1)
    }

    /// Overlapping intervals merged.
    private static func union(_ intervals: [(Double, Double)]) -> [(Double, Double)] {
        var merged: [(Double, Double)] = []
        for (low, high) in intervals.sorted(by: { $0.0 < $1.0 }) {
            if let last = merged.last, low <= last.1 {
                merged[merged.count - 1].1 = max(last.1, high)
            } else {
                merged.append((low, high))
            }
        }
        return merged
    }

    /// Fills `events` with the parameters (0…1 along p→q) where the segment meets the border, 0 and 1
    /// included, sorted, and `along` with the stretches where it runs along it; whether any border segment was
    /// near (their boxes met).
    private func split(_ p: XY, _ q: XY, _ scratch: inout Scratch) -> Bool {
        scratch.events.removeAll(keepingCapacity: true)
        scratch.along.removeAll(keepingCapacity: true)
        scratch.events.append(0)
        scratch.events.append(1)
        scratch.query &+= 1
        let query = scratch.query
        let (minX, maxX) = (min(p.x, q.x), max(p.x, q.x))
        let (minY, maxY) = (min(p.y, q.y), max(p.y, q.y))
        let (c0, c1) = Self.cellRange(minX, maxX, origin: originX, size: cellWidth, count: columns)
        let (r0, r1) = Self.cellRange(minY, maxY, origin: originY, size: cellHeight, count: rows)
        var near = false
        let (dx, dy) = (q.x - p.x, q.y - p.y)
        for row in r0...r1 {
            for column in c0...c1 {
                let cell = row * columns + column
                for entry in cellStart[cell]..<cellStart[cell + 1] {
                    let segment = Int(cellSegments[Int(entry)])
                    guard scratch.seen[segment] != query else { continue }
                    scratch.seen[segment] = query
                    let (sx0, sy0, sx1, sy1) = (ax[segment], ay[segment], bx[segment], by[segment])
                    guard min(sx0, sx1) <= maxX, max(sx0, sx1) >= minX, min(sy0, sy1) <= maxY,
                        max(sy0, sy1) >= minY
                    else { continue }
                    near = true
                    Self.intersect(p, dx, dy, sx0, sy0, sx1 - sx0, sy1 - sy0, segment: segment, into: &scratch)
                }
            }
        }
        scratch.events.sort()
        return near
    }

    /// Adds where p + t·(dx, dy) meets a + u·(ex, ey).
    private static func intersect(
        _ p: XY, _ dx: Double, _ dy: Double, _ sx: Double, _ sy: Double, _ ex: Double,
        _ ey: Double, segment: Int, into scratch: inout Scratch
    ) {
        let denominator = dx * ey - dy * ex
        let (wx, wy) = (sx - p.x, sy - p.y)
        if denominator == 0 {
            // Parallel: only a collinear overlap matters (exactly collinear, as shared borders are).
            guard wx * dy - wy * dx == 0 else { return }
            let length = dx * dx + dy * dy
            let ta = (wx * dx + wy * dy) / length
            let tb = ((sx + ex - p.x) * dx + (sy + ey - p.y) * dy) / length
            let (low, high) = (max(0, min(ta, tb)), min(1, max(ta, tb)))
            guard high > low else { return }
            scratch.events.append(low)
            scratch.events.append(high)
            scratch.along.append((low, high, segment))
            return
        }
        let t = (wx * ey - wy * ex) / denominator
        let u = (wx * dy - wy * dx) / denominator
        // A little slack: a crossing at a border vertex must not slip between its two segments.
        let slack = 1e-12
        guard t >= -slack, t <= 1 + slack, u >= -slack, u <= 1 + slack else { return }
        scratch.events.append(min(max(t, 0), 1))
    }

    private func at(_ p: XY, _ q: XY, _ t: Double) -> XY {
        XY(x: p.x + t * (q.x - p.x), y: p.y + t * (q.y - p.y))
    }

    private static func cellRange(_ low: Double, _ high: Double, origin: Double, size: Double, count: Int) -> (Int, Int)
    {
        func cell(_ value: Double) -> Int {
            let raw = ((value - origin) / size).rounded(.down)
            guard raw.isFinite else { return 0 }
            return Int(min(max(raw, 0), Double(count - 1)))
        }
        return (cell(low), cell(high))
    }
}
