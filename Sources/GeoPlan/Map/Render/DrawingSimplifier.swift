import GEOS

/// The areas as a map draws them at its initial view: the shared arcs simplified for the frame's pixel size, so the
/// SVG and the HTML page carry what the screen shows and no more (a national map of 7,500 areas would otherwise
/// hold millions of points, most of them within a pixel of each other), while the GeoJSON, TopoJSON and tiles keep
/// the detail asked of them, for zooming.
///
/// Two passes over the arcs, each arc once, so neighbours keep meeting exactly (no gap or overlap in the drawing):
/// Visvalingam with a tolerance of half a pixel on the ground (``TopologySimplifier``: crossings and invalid rings
/// repaired, rings held at a triangle), then, along each arc, the interior points closer than half a pixel to the
/// last one kept, or to the arc's end, dropped. Arc ends (junctions) always stay, so two of them can be closer:
/// a border shorter than half a pixel.
enum DrawingSimplifier {
    /// Detail below this share of a pixel (an SVG unit at the initial view) goes.
    static let pixelFraction = 0.5

    /// Each feature's polygons → rings → points (lon/lat, closed) as drawn into the frame `options` and `document`
    /// lay out; nil when no feature has a ring to draw.
    static func rings(
        of topology: Topology, document: MapDocument, options: MapRenderOptions, context: GEOSContext
    ) throws -> [[[[XY]]]]? {
        let layout = try MapLayout(document: document, options: options)
        guard let extent = topology.bounds else { return nil }
        let drawn = try simplify(
            topology, projection: MapProjection(fitting: extent, into: layout.frame), context: context)
        return drawn.features.map { feature in feature.polygons.map { $0.map(drawn.ring) } }
    }

    /// The topology simplified for drawing with `projection` (its SVG units are the pixels).
    static func simplify(_ topology: Topology, projection: MapProjection, context: GEOSContext) throws -> Topology {
        let tolerance = pixelFraction / projection.unitsPerMetre
        let visvalingam = try TopologySimplifier.simplify(
            topology, SimplificationOptions(method: .visvalingam, amount: .tolerance(metres: tolerance)),
            context: context, measuresAreaChange: false
        ).topology
        var drawn = visvalingam
        drawn.arcs = visvalingam.arcs.concurrentMap { thinned($0, projection: projection) }
        // A ring thinned below a triangle keeps its Visvalingam arcs: every area stays on the map, however small.
        for ring in drawn.features.flatMap(\.rings) where distinctPoints(ring, in: drawn) < 3 {
            for reference in ring {
                let arc = reference >= 0 ? reference : ~reference
                drawn.arcs[arc] = visvalingam.arcs[arc]
            }
        }
        return drawn
    }

    /// The arc without its interior points closer than `pixelFraction` (in `projection`'s units) to the last point
    /// kept or to the arc's end; the ends stay.
    static func thinned(_ arc: [XY], projection: MapProjection) -> [XY] {
        guard arc.count > 2 else { return arc }
        let pixels = arc.map(projection.project)
        let limit = pixelFraction * pixelFraction
        func far(_ a: Int, _ b: Int) -> Bool {
            let (dx, dy) = (pixels[a].x - pixels[b].x, pixels[a].y - pixels[b].y)
            return dx * dx + dy * dy >= limit
        }
        let end = arc.count - 1
        var kept = [0]
        var last = 0
        for index in 1..<end where far(index, last) {
            kept.append(index)
            last = index
        }
        while kept.count > 1, !far(last, end) {
            kept.removeLast()
            last = kept[kept.count - 1]
        }
        kept.append(end)
        return kept.map { arc[$0] }
    }

    /// A ring's distinct points: each arc's points but its last (arcs join end to start).
    private static func distinctPoints(_ ring: [Int], in topology: Topology) -> Int {
        ring.reduce(0) { $0 + topology.arcs[$1 >= 0 ? $1 : ~$1].count - 1 }
    }
}
