import GEOS

/// The non-horizontal edges of polygons in one grid's fractional pixel coordinates, each stored running
/// southwards (v growing) with a weight of +1 or −1 so that an exterior ring counts +1 inside it and a hole −1,
/// whatever way the input runs. Shared by `PixelEdges` (indexed by bands of rows) and `TiledCoverage` (swept
/// strip by strip): both must see the same edges, computed the same way, to give the same fractions.
///
/// Edges wholly north or south of the grid, or wholly east of it, can never change a pixel and are dropped.
/// Edges west of the grid are kept, since they still decide what lies inside to their east. Horizontal edges
/// bound no area in a sweep along rows and cross no row centre under the half-open centre rule.
struct OrientedEdges: Sendable {
    // Edge e runs from (uTop[e], vTop[e]) to (uBottom[e], vBottom[e]) with vTop < vBottom.
    let uTop: [Double], vTop: [Double], uBottom: [Double], vBottom: [Double]
    /// +1 where the edge's side to the east is inside (a west edge of an exterior), −1 where it is outside.
    let weight: [Double]

    /// Number of edges kept.
    var count: Int { vTop.count }

    /// Edges of `polygons` (each a list of rings: the exterior first, then holes; closed or not) on `grid`.
    init(polygons: [[[XY]]], grid: PixelGrid) {
        var uTop: [Double] = []
        var vTop: [Double] = []
        var uBottom: [Double] = []
        var vBottom: [Double] = []
        var weight: [Double] = []
        let rows = Double(grid.rows)
        let columns = Double(grid.columns)
        for polygon in polygons {
            for (index, ring) in polygon.enumerated() {
                // A vertex that is not finite (or overflows in pixel units) is left out and its neighbours joined:
                // the ring stays closed, where dropping only its edges would leave a gap that fills a whole row.
                // Beyond 1e300 pixel units a vertex is treated as non-finite too, so differences of coordinates
                // stay finite.
                let points = ring.map { grid.pixelCoordinates(of: $0) }
                    .filter { abs($0.x) < 1e300 && abs($0.y) < 1e300 }
                guard points.count >= 3 else { continue }
                // In (u, v), v points south, so a ring that is counter-clockwise on the map has a negative
                // shoelace sum here; that is the orientation whose west edges run southwards, which the sweep
                // counts +1.
                let mapCounterClockwise = PixelEdges.shoelace(points) <= 0
                let ringWeight: Double = (index == 0) == mapCounterClockwise ? 1 : -1
                for (a, b) in zip(points, points.dropFirst() + [points[0]]) {
                    guard a.y != b.y else { continue }
                    let (top, bottom, direction) = a.y < b.y ? (a, b, 1.0) : (b, a, -1.0)
                    guard bottom.y > 0, top.y < rows, min(top.x, bottom.x) < columns else { continue }
                    uTop.append(top.x)
                    vTop.append(top.y)
                    uBottom.append(bottom.x)
                    vBottom.append(bottom.y)
                    weight.append(ringWeight * direction)
                }
            }
        }
        (self.uTop, self.vTop, self.uBottom, self.vBottom, self.weight) = (uTop, vTop, uBottom, vBottom, weight)
    }
}
