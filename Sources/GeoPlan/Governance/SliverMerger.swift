import GEOS

/// Settles the small pieces of one tambon: each connected piece of a unit that is thinner than the snapping
/// tolerance everywhere (a sliver between two borders meant to be one) or smaller than the minimum area is
/// merged into the unit of the same tambon it shares the longest border with, or, sharing a border with none,
/// kept where it is; either way it is reported.
///
/// Why merge rather than drop: dropping would leave a hole, and the units must cover the tambons. Why the
/// longest border: a sliver between a municipality and its tambon's border belongs to the unit it runs along,
/// and the longest shared border picks that unit without guessing from codes. Merging stays inside the tambon,
/// so every unit keeps one tambon code.
struct SliverMerger {
    let options: GovernanceOptions
    let method: MeasureMethod

    /// The tambon's pieces after merging (a piece all of whose parts merged away is gone), and the report lines.
    func merge(_ pieces: [RawPiece], tambonCode: String, context: GEOSContext) throws
        -> (pieces: [RawPiece], small: [GovernanceReport.SmallPiece])
    {
        var parts: [[Geometry]] = []
        var flagged: [(piece: Int, part: Geometry, area: Double, reason: GovernanceReport.SmallPieceReason)] = []
        var kept: [[Geometry]] = []
        for (index, piece) in pieces.enumerated() {
            let components = try PieceGeometry.components(of: piece.geometry)
            parts.append(components)
            var keep: [Geometry] = []
            for component in components {
                let area = try LocalFrame.squareMetres(of: component)
                if try Self.isThin(component, toleranceMetres: options.snapToleranceMetres) {
                    flagged.append((index, component, area, .thinnerThanTolerance))
                } else if area < options.minimumPieceSquareMetres {
                    flagged.append((index, component, area, .belowMinimumArea))
                } else {
                    keep.append(component)
                }
            }
            kept.append(keep)
        }
        guard !flagged.isEmpty else { return (pieces, []) }

        let bodies = try kept.map { $0.isEmpty ? nil : try Geometry.multiPolygon($0, context: context) }
        var added = [[Geometry]](repeating: [], count: pieces.count)
        var report: [GovernanceReport.SmallPiece] = []
        for item in flagged {
            let receiver = try longestBorder(of: item.part, among: bodies, except: item.piece)
            added[receiver ?? item.piece].append(item.part)
            report.append(
                GovernanceReport.SmallPiece(
                    tambonCode: tambonCode, localGovernmentCode: pieces[item.piece].localGovernmentCode,
                    areaSquareMetres: item.area, point: try PieceGeometry.point(in: item.part), reason: item.reason,
                    mergedInto: receiver.map { pieces[$0].localGovernmentCode }))
        }
        var result: [RawPiece] = []
        for (index, piece) in pieces.enumerated() {
            let members = kept[index] + added[index]
            guard !members.isEmpty else { continue }
            let unchanged = added[index].isEmpty && kept[index].count == parts[index].count
            let geometry = unchanged ? piece.geometry : try PieceGeometry.union(members, context: context)
            result.append(
                RawPiece(
                    localGovernmentCode: piece.localGovernmentCode, type: piece.type, kind: piece.kind,
                    geometry: geometry))
        }
        return (result, report)
    }

    /// The piece (other than `own`) whose kept body shares the longest border with `part`, geodesically; nil
    /// when none shares a border of positive length. Ties go to the earlier piece.
    private func longestBorder(of part: Geometry, among bodies: [Geometry?], except own: Int) throws -> Int? {
        guard let box = part.bounds else { return nil }
        var best: (index: Int, length: Double)?
        for (index, body) in bodies.enumerated() where index != own {
            guard let body, let other = body.bounds, box.intersects(other) else { continue }
            let shared = try part.intersection(body)
            guard !shared.isEmpty else { continue }
            let measures = try method.measure(shared)
            let length = (measures.lengthMetres ?? 0) + (measures.perimeterMetres ?? 0) / 2
            if length > 0, length > (best?.length ?? 0) { best = (index, length) }
        }
        return best?.index
    }

    /// Whether a polygon is thinner than `toleranceMetres` everywhere: no disc of that diameter fits in it, so
    /// shrinking it by half the tolerance leaves nothing (GEOS buffer in degrees, the tolerance converted with
    /// ``LocalFrame/degrees(forMetres:)``: near 13° N a strip running north–south counts as thin only below about
    /// 98 % of the tolerance, since a degree of longitude is 2 % shorter there than one of latitude).
    ///
    /// The buffer is skipped when the area alone proves a fat polygon: a polygon with h holes and inradius r has
    /// area at most r·P + π·r²·(h − 1) (P its perimeter; each level set of the distance to the border is at most
    /// P + 2π·t·(h − 1) long), so a larger area means some disc of radius r fits. Almost every real piece is
    /// settled by this one comparison.
    static func isThin(_ polygon: Geometry, toleranceMetres: Double) throws -> Bool {
        guard toleranceMetres > 0, let box = polygon.bounds else { return false }
        let radius = LocalFrame(around: box).degrees(forMetres: toleranceMetres / 2)
        let holes = polygon.type == .polygon ? try polygon.interiorRings.count : 0
        let bound = radius * (try polygon.length) + Double.pi * radius * radius * Double(max(holes - 1, 0))
        if try polygon.area >= bound { return false }
        return try polygon.buffer(distance: -radius).isEmpty
    }
}
