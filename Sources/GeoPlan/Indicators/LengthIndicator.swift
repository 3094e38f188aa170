import GEOS
import PROJ
import Yams

/// `length`: km of an input's lines inside each area, clipped at its border (`where` filters, `by` adds one
/// column per class; the total equals the sum of the classes).
///
/// Lines wholly inside an area are measured without clipping; the others are cut at the border by an
/// `AreaClipper` (geodesic measures) or a GEOS intersection (planar ones). A stretch running exactly along a
/// border shared by two areas is counted once, in the area with the smaller id (the other area subtracts it), so
/// lengths add up to the length of the lines within the boundary set.
public struct LengthIndicator: GroupedFeatureIndicator {
    public var input: String
    public var whereClause: String?
    public var by: String?

    public var typeName: String { "length" }
    var defaultID: String { "length_km" }
    var defaultUnit: String? { "km" }
    func defaultRollUp(weight: String?) -> RollUpRule? { .sum }

    static var spellings: [IndicatorSpelling] { [spelling("length", inputKinds: [.lines])] }

    func compute(_ indicator: IndicatorSpec, _ run: RunContext) throws -> IndicatorResult {
        let spec = indicator
        let features = try run.features(input, whereClause: whereClause, by: by)
        let method = try run.method(spec.measure)
        let areas = run.boundaries.areas
        let borders = try run.bordersWithSmallerNeighbours()
        let classes = ClassColumns(features, by: by)
        var totals = [Double](repeating: 0, count: areas.count)
        var perClass = [[Double]](repeating: [Double](repeating: 0, count: classes.classes.count), count: areas.count)
        var clipped = 0
        var clippers: [Int: AreaClipper] = [:]
        for (feature, line) in features.geometries.enumerated() where !line.isEmpty {
            var pieces: [(area: Int, metres: Double)] = []
            for index in try run.boundaries.index.query(line) where run.isCore(index) {
                let area = areas[index]
                if try area.prepared.containsProperly(line) {
                    pieces = [(index, try method.measure(line).lengthMetres ?? 0)]
                    break
                }
                guard try area.prepared.intersects(line) else { continue }
                clipped += 1
                let metres: Double
                if spec.measure == .geodesic {
                    let clipper = try clippers[index] ?? AreaClipper(area)
                    clippers[index] = clipper
                    metres = try Self.geodesicLength(
                        of: line, in: clipper, smallerNeighbours: borders[index],
                        method: method)
                } else {
                    metres = try Self.planarLength(
                        of: line, in: area, smallerNeighbours: borders[index],
                        method: method)
                }
                pieces.append((index, max(metres, 0)))
            }
            let column = by == nil ? nil : classes.position(of: features.classes[feature])
            for piece in pieces {
                totals[piece.area] += piece.metres
                if let column { perClass[piece.area][column] += piece.metres }
            }
        }
        let columns =
            [IndicatorColumn(name: spec.id, type: .real, indicator: spec.id)]
            + classes.columns(for: spec.id, type: .real)
        let rows = areas.indices.map { area in
            [IndicatorValue.finite(totals[area] / 1000)] + perClass[area].map { IndicatorValue.finite($0 / 1000) }
        }
        return IndicatorResult(columns: columns, rows: rows, counters: ["\(spec.id): line-area pairs clipped": clipped])
    }

    /// Metres of `line` inside the area on the ellipsoid: pieces inside, and stretches along the border unless a
    /// neighbour with a smaller id shares them.
    private static func geodesicLength(
        of line: Geometry, in clipper: AreaClipper, smallerNeighbours: PreparedGeometry?,
        method: MeasureMethod
    ) throws -> Double {
        let parts = line.type == .lineString ? [line] : try line.geometries
        var metres = 0.0
        try clipper.clip(try parts.map { try $0.coordinates }) { start, end, piece in
            guard piece != .outside else { return }
            metres +=
                Geodesic.wgs84.inverse(
                    from: LonLat(lon: start.x, lat: start.y),
                    to: LonLat(lon: end.x, lat: end.y)
                ).distance
            guard piece == .alongBorder, let border = smallerNeighbours else { return }
            let stretch = try Geometry.lineString([start, end], context: line.context)
            if try border.intersects(stretch) {
                metres -= try method.measure(try stretch.intersection(border.base)).lengthMetres ?? 0
            }
        }
        return metres
    }

    /// The same with a GEOS intersection, for planar measures in a projected CRS.
    private static func planarLength(
        of line: Geometry, in area: Area, smallerNeighbours: PreparedGeometry?,
        method: MeasureMethod
    ) throws -> Double {
        let inside = try line.intersection(area.geometry)
        var metres = try method.measure(inside).lengthMetres ?? 0
        if let border = smallerNeighbours, try border.intersects(inside) {
            metres -= try method.measure(try inside.intersection(border.base)).lengthMetres ?? 0
        }
        return metres
    }
}

extension IndicatorType where Self == LengthIndicator {
    public static func length(input: String, whereClause: String? = nil, by: String? = nil) -> LengthIndicator {
        LengthIndicator(input: input, whereClause: whereClause, by: by)
    }
}
