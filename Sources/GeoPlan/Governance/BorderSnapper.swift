import GEOS

/// Moves municipal borders onto the tambon borders they follow within a tolerance, then puts the vertices that
/// now lie on a tambon border into that tambon, so the overlay that cuts tambons into units meets identical
/// lines instead of near-misses that leave slivers.
///
/// GEOS's own snapping (`GEOSSnap_r`, ``Geometry/snapped(to:tolerance:)``) moves vertices only onto the other
/// geometry's *vertices*; a municipal vertex 1 m from the middle of a long tambon segment stays put, and the
/// sliver stays. So this works on coordinates, in three steps, each within `toleranceMetres`:
/// 1. each municipal vertex goes to the nearest tambon vertex, or failing one, to the nearest point of a tambon
///    segment (interpolated in degrees between the segment's ends, so it lies on the segment to rounding);
/// 2. each tambon vertex near a municipal segment (not near its ends) is inserted into it, so a municipal border
///    that cuts a tambon corner within the tolerance turns the corner too;
/// 3. ``node(_:at:)``: each municipal vertex lying on a tambon segment (within 1 µm, i.e. moved there by step 1)
///    becomes a vertex of the tambon, so both borders share it exactly. The tambon changes by far less than the
///    coverage tolerance (a point within 1 µm of a segment, put into it).
/// Distances are judged in metres in a ``LocalFrame`` at the municipality's latitude; no coordinate is projected.
struct BorderSnapper {
    /// The snapping tolerance, metres; 0 makes ``snap(_:to:)`` and ``node(_:at:)`` return their input.
    let toleranceMetres: Double

    /// How close (m) a municipal vertex must lie to a tambon segment to be put into it by ``node(_:at:)``: well
    /// above the rounding of a point interpolated on a segment (≈ 1e-9 m at 100° E) and far below any real offset.
    static let nodingToleranceMetres = 1e-6

    /// The municipality with its border moved onto the nearby tambon borders (steps 1 and 2), made valid; the
    /// input itself when nothing is near, and `nil` when snapping leaves nothing polygonal (a municipality
    /// narrower than the tolerance).
    func snap(_ municipality: Geometry, to tambons: [Geometry]) throws -> Geometry? {
        guard toleranceMetres > 0, let box = municipality.bounds else { return municipality }
        let frame = LocalFrame(around: box)
        let reach = Self.grown(box, by: 2 * toleranceMetres, frame: frame)
        var segments: [SegmentGrid.Segment<Void>] = []
        var corners: [SegmentGrid.Segment<Void>] = []
        var tambonVertices: Set<XY> = []
        for tambon in tambons {
            for (_, points) in try PolygonRings(tambon).rings {
                for index in points.indices.dropLast() {
                    let (a, b) = (points[index], points[index + 1])
                    let segmentBox = Envelope(
                        minX: min(a.x, b.x), minY: min(a.y, b.y),
                        maxX: max(a.x, b.x), maxY: max(a.y, b.y))
                    guard segmentBox.intersects(reach) else { continue }
                    segments.append(.init(a: a, b: b, tag: ()))
                    for point in [a, b] where Self.contains(reach, point) && tambonVertices.insert(point).inserted {
                        corners.append(.init(a: point, b: point, tag: ()))
                    }
                }
            }
        }
        guard !segments.isEmpty else { return municipality }
        var rings = try PolygonRings(municipality)
        let vertexGrid = SegmentGrid(corners, frame: frame, tolerance: toleranceMetres)
        let segmentGrid = SegmentGrid(segments, frame: frame, tolerance: toleranceMetres)
        rings.moveVertices { vertex in
            vertexGrid.nearest(to: vertex)?.point ?? segmentGrid.nearest(to: vertex)?.point ?? vertex
        }
        rings.insert(Self.insertions(of: tambonVertices, into: rings, frame: frame, tolerance: toleranceMetres))
        let snapped = try Self.valid(try rings.geometry(context: municipality.context))
        return snapped.isEmpty ? nil : snapped
    }

    /// The tambon with every vertex of `municipalities` that lies on one of its segments (step 3) put into
    /// that segment; the tambon itself when there is none.
    func node(_ tambon: Geometry, at municipalities: [Geometry]) throws -> Geometry {
        guard toleranceMetres > 0, !municipalities.isEmpty, let box = tambon.bounds else { return tambon }
        let frame = LocalFrame(around: box)
        let reach = Self.grown(box, by: 1, frame: frame)
        var points: Set<XY> = []
        for municipality in municipalities {
            for point in try PolygonRings(municipality).vertices where Self.contains(reach, point) {
                points.insert(point)
            }
        }
        var rings = try PolygonRings(tambon)
        let insertions = Self.insertions(
            of: points, into: rings, frame: frame,
            tolerance: Self.nodingToleranceMetres)
        guard !insertions.isEmpty else { return tambon }
        rings.insert(insertions)
        return try Self.valid(try rings.geometry(context: tambon.context))
    }

    // MARK: - Steps

    /// Where each of `points` goes into `rings`: onto the nearest segment within `tolerance` metres, when the
    /// nearest place is inside the segment (a point nearest to a segment's end is left to step 1).
    static func insertions(
        of points: some Sequence<XY>, into rings: PolygonRings, frame: LocalFrame,
        tolerance: Double
    ) -> [PolygonRings.RingID: [Int: [(t: Double, point: XY)]]] {
        let segments = rings.segments
        let grid = SegmentGrid(segments, frame: frame, tolerance: tolerance)
        var insertions: [PolygonRings.RingID: [Int: [(t: Double, point: XY)]]] = [:]
        for point in points {
            guard let hit = grid.nearest(to: point), hit.t > 0, hit.t < 1 else { continue }
            let segment = segments[hit.segment]
            guard point != segment.a, point != segment.b else { continue }
            let (ring, index) = segment.tag
            insertions[ring, default: [:]][index, default: []].append((hit.t, point))
        }
        return insertions
    }

    /// A valid version: the geometry itself when valid, else GEOS MakeValid's polygonal part (moving vertices can
    /// fold a ring onto itself where the border is more detailed than the tolerance).
    static func valid(_ geometry: Geometry) throws -> Geometry {
        if try geometry.isValid { return geometry }
        return try geometry.makeValid(method: .structure(keepCollapsed: false)).polygonalPart()
    }

    // MARK: - Boxes

    private static func grown(_ box: Envelope, by metres: Double, frame: LocalFrame) -> Envelope {
        let dx = metres / frame.metresPerDegreeLon
        let dy = metres / frame.metresPerDegreeLat
        return Envelope(minX: box.minX - dx, minY: box.minY - dy, maxX: box.maxX + dx, maxY: box.maxY + dy)
    }

    private static func contains(_ box: Envelope, _ point: XY) -> Bool {
        point.x >= box.minX && point.x <= box.maxX && point.y >= box.minY && point.y <= box.maxY
    }
}
