import Foundation
import GDAL
import GEOS
import GeoplanTestSupport
import Testing

@testable import GeoPlan

/// Issue 16, point 5: `geoplan map` draws the SVG and the HTML page at their frame's scale (no vertex closer than
/// about half a pixel, shared borders simplified once so neighbours still meet), and keeps the detail of its data
/// outputs (TopoJSON, GeoJSON) for zooming.
@Suite struct MapDrawingScaleTests {
    let context: GEOSContext
    let folder: TemporaryFolder

    init() throws {
        context = try GEOSContext()
        folder = try TemporaryFolder()
    }

    /// Draws the synthetic grid and returns the request's paths and the drawn rings (in SVG tenths of a pixel).
    private func drawGrid(
        simplification: SimplificationOptions? = nil
    ) throws -> (paths: [String: String], drawn: [[[DrawnPoint]]], input: String) {
        let input = try SyntheticGrid.write(in: folder)
        let layer = try MapLayer.load(input, context: context)
        let request = MapRequest(
            indicator: "value", simplification: simplification, outputStem: folder.path("grid-value"))
        _ = try MapMaker.make(layer, request, context: context)
        let paths = request.paths
        let svg = try String(contentsOfFile: paths.svg, encoding: .utf8)
        return (
            ["svg": paths.svg, "html": paths.html, "topojson": paths.topoJSON, "geojson": paths.geoJSON],
            SVGPathReader.rings(inSVG: svg), input
        )
    }

    @Test func theDrawingIsSmallForItsScale() throws {
        let (paths, drawn, _) = try drawGrid()
        let html = try size(paths["html"] ?? "")
        let svg = try size(paths["svg"] ?? "")
        let points = drawn.joined().reduce(0) { $0 + $1.count }
        // Drawn at full detail, the grid is 144,000 points and about 1.3 MB of path data. At half a pixel a cell
        // (~12 × 24 px) keeps its corners and its ~1 px bumps: measured 39,996 points, HTML 436,730 bytes.
        #expect(points < SyntheticGrid.inputPoints / 3, "\(points) points drawn")
        #expect(html < 550_000, "HTML \(html) bytes")
        #expect(svg < 550_000, "SVG \(svg) bytes")
        #expect(drawn.count == SyntheticGrid.cells, "every area drawn")
    }

    @Test func noTwoDrawnPointsAreCloserThanAboutHalfAPixel() throws {
        let (_, drawn, _) = try drawGrid()
        let uses = SVGPathReader.pointUses(drawn)
        var close: [String] = []
        for (feature, rings) in drawn.enumerated() {
            for ring in rings {
                for index in ring.indices {
                    let (a, b) = (ring[index], ring[(index + 1) % ring.count])
                    let (dx, dy) = (Double(a.x - b.x) / 10, Double(a.y - b.y) / 10)
                    // 0.4: half a pixel less the rounding to tenths. Only a border shorter than that between two
                    // junctions (where three areas meet, or two on the grid's edge) may be shorter.
                    guard (dx * dx + dy * dy).squareRoot() < 0.4 else { continue }
                    if uses.isJunction(a) && uses.isJunction(b) { continue }
                    close.append("area \(feature): \(a) – \(b)")
                }
            }
        }
        #expect(close.isEmpty, "\(close.count) pairs closer than 0.4 px: \(close.prefix(5))")
    }

    @Test func neighboursStillShareTheirBordersInTheDrawing() throws {
        let (_, drawn, _) = try drawGrid()
        var segments: [Segment: Int] = [:]
        for rings in drawn {
            for ring in rings {
                for index in ring.indices {
                    segments[Segment(ring[index], ring[(index + 1) % ring.count]), default: 0] += 1
                }
            }
        }
        let box = SVGPathReader.box(drawn)
        let once = segments.filter { $0.value == 1 }.keys
        let inside = once.filter { !$0.lies(onEdgeOf: box) }
        // Simplified area by area, neighbours would each keep other points: thousands of unmatched segments.
        #expect(inside.isEmpty, "\(inside.count) segments drawn by one area only, inside the grid: \(inside.prefix(3))")
        #expect(segments.values.allSatisfy { $0 <= 2 }, "a segment drawn by three areas")
        #expect(segments.values.filter { $0 == 2 }.count > SyntheticGrid.cells, "shared segments")
    }

    @Test func theTopoJSONAndGeoJSONKeepEveryPointOfTheInput() throws {
        let (paths, drawn, input) = try drawGrid(simplification: nil)
        let layer = try MapLayer.load(input, context: context)
        let topology = try Topology(zip(layer.ids, layer.geometries).map { TopologyInput(id: $0, geometry: $1) })
        let topoJSON = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: paths["topojson"] ?? "")))
        let arcs = try #require((topoJSON as? [String: Any])?["arcs"] as? [[[Double]]])
        #expect(arcs.reduce(0) { $0 + $1.count } == topology.arcVertexCount)
        #expect(topology.featureVertexCount == SyntheticGrid.inputPoints + SyntheticGrid.cells)
        var geoJSONPoints = 0
        try Dataset.open(paths["geojson"] ?? "").layer(at: 0).forEachFeature { feature in
            let geometry = try #require(feature.geometry).geosGeometry(context: context)
            geoJSONPoints += try geometry.exteriorRing.coordinates.count
        }
        #expect(geoJSONPoints == topology.featureVertexCount)
        // …while the drawing holds a small part of them.
        #expect(drawn.joined().reduce(0) { $0 + $1.count } < SyntheticGrid.inputPoints / 3)
    }

    @Test func theDataKeepsTheDetailAskedForAndOnlyTheDrawingIsSimplifiedFurther() throws {
        let options = SimplificationOptions(amount: .tolerance(metres: 30))
        let (paths, _, input) = try drawGrid(simplification: options)
        let layer = try MapLayer.load(input, context: context)
        let topology = try Topology(zip(layer.ids, layer.geometries).map { TopologyInput(id: $0, geometry: $1) })
        let expected = try TopologySimplifier.simplify(topology, options, context: context).topology
        let topoJSON = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: paths["topojson"] ?? "")))
        let arcs = try #require((topoJSON as? [String: Any])?["arcs"] as? [[[Double]]])
        #expect(arcs.reduce(0) { $0 + $1.count } == expected.arcVertexCount)
    }

    @Test func thinningKeepsArcEndsAndDropsWhatIsWithinHalfAPixel() throws {
        let projection = MapProjection(
            fitting: Envelope(minX: 100, minY: 13, maxX: 101, maxY: 14),
            into: MapRect(x: 0, y: 0, width: 100, height: 100), padding: 0)
        // 100 px a degree: points 0.3 px apart along a line, then one 2 px on, then the end 0.2 px past it.
        let arc = (0...10).map { XY(100 + Double($0) * 0.003, 13.5) } + [XY(100.05, 13.5), XY(100.052, 13.5)]
        let thinned = DrawingSimplifier.thinned(arc, projection: projection)
        #expect(thinned.first == arc.first && thinned.last == arc.last)
        let pixels = thinned.map(projection.project)
        for index in 1..<(pixels.count - 1) {
            #expect(hypot(pixels[index].x - pixels[index - 1].x, pixels[index].y - pixels[index - 1].y) >= 0.5)
            #expect(hypot(pixels[index].x - pixels[pixels.count - 1].x, 0) >= 0.5)
        }
        #expect(thinned.count < arc.count)
    }

    private func size(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    }
}

/// A point of drawn path data, in tenths of an SVG unit (the precision the map writes).
struct DrawnPoint: Hashable, CustomStringConvertible {
    let x: Int
    let y: Int
    var description: String { "(\(Double(x) / 10), \(Double(y) / 10))" }
}

/// A drawn segment, either direction.
private struct Segment: Hashable, CustomStringConvertible {
    let a: DrawnPoint
    let b: DrawnPoint

    init(_ p: DrawnPoint, _ q: DrawnPoint) {
        (a, b) = (p.x, p.y) < (q.x, q.y) ? (p, q) : (q, p)
    }

    func lies(onEdgeOf box: (minX: Int, minY: Int, maxX: Int, maxY: Int)) -> Bool {
        (a.x == b.x && (a.x == box.minX || a.x == box.maxX)) || (a.y == b.y && (a.y == box.minY || a.y == box.maxY))
    }

    var description: String { "\(a)–\(b)" }
}

/// Reads the areas' path data back from a map's SVG: `M x y l dx dy … z` per ring, relative moves.
enum SVGPathReader {
    /// Per drawn area, its rings' points (the closing point not repeated).
    static func rings(inSVG svg: String) -> [[[DrawnPoint]]] {
        var areas: [[[DrawnPoint]]] = []
        var rest = svg[...]
        while let start = rest.range(of: "<path class=\"area\"") {
            rest = rest[start.upperBound...]
            guard let d = rest.range(of: " d=\""), let end = rest[d.upperBound...].firstIndex(of: "\"") else { break }
            areas.append(parse(String(rest[d.upperBound..<end])))
            rest = rest[end...]
        }
        return areas
    }

    static func parse(_ data: String) -> [[DrawnPoint]] {
        var rings: [[DrawnPoint]] = []
        for part in data.split(separator: "M") {
            let numbers = part.replacingOccurrences(of: "-", with: " -").split(whereSeparator: { " lz".contains($0) })
                .compactMap { Double($0) }.map { Int(($0 * 10).rounded()) }
            guard numbers.count >= 2 else { continue }
            var point = DrawnPoint(x: numbers[0], y: numbers[1])
            var ring = [point]
            for index in stride(from: 2, to: numbers.count - 1, by: 2) {
                point = DrawnPoint(x: point.x + numbers[index], y: point.y + numbers[index + 1])
                ring.append(point)
            }
            rings.append(ring)
        }
        return rings
    }

    /// The box around every drawn point.
    static func box(_ areas: [[[DrawnPoint]]]) -> (minX: Int, minY: Int, maxX: Int, maxY: Int) {
        let points = areas.joined().joined()
        return (
            points.map(\.x).min() ?? 0, points.map(\.y).min() ?? 0, points.map(\.x).max() ?? 0,
            points.map(\.y).max() ?? 0
        )
    }

    /// How many areas draw each point, to tell junctions: three or more areas, or two on the grid's edge.
    static func pointUses(_ areas: [[[DrawnPoint]]]) -> PointUses {
        var uses: [DrawnPoint: Set<Int>] = [:]
        for (feature, rings) in areas.enumerated() {
            for point in rings.joined() { uses[point, default: []].insert(feature) }
        }
        return PointUses(uses: uses.mapValues(\.count), box: box(areas))
    }

    struct PointUses {
        let uses: [DrawnPoint: Int]
        let box: (minX: Int, minY: Int, maxX: Int, maxY: Int)

        func isJunction(_ point: DrawnPoint) -> Bool {
            let count = uses[point] ?? 0
            let onEdge = point.x == box.minX || point.x == box.maxX || point.y == box.minY || point.y == box.maxY
            return count >= 3 || (count == 2 && onEdge)
        }
    }
}

/// A jittered grid of 30 × 30 cells over Thailand's box whose borders are densified once and shared exactly, with
/// wiggles below a pixel and bumps above it at the map's default size: like a national tambon layer, but small.
enum SyntheticGrid {
    static let side = 30
    static let pointsPerEdge = 40
    static var cells: Int { side * side }
    /// Each cell's ring, closing point left out: four edges of `pointsPerEdge` points each.
    static var inputPoints: Int { cells * 4 * pointsPerEdge }

    /// Writes `grid.geojson` (code, value) into the folder.
    static func write(in folder: TemporaryFolder) throws -> String {
        var features: [String] = []
        for row in 0..<side {
            for column in 0..<side {
                let corners = [(column, row), (column + 1, row), (column + 1, row + 1), (column, row + 1)]
                var ring: [XY] = []
                for index in 0..<4 {
                    ring += edge(from: corners[index], to: corners[(index + 1) % 4])
                }
                ring.append(ring[0])
                let coordinates = ring.map { "[\($0.x),\($0.y)]" }.joined(separator: ",")
                let value = Double((row * 7 + column * 13) % 50) + 0.5
                features.append(
                    "{\"type\":\"Feature\",\"properties\":{\"code\":\"C\(row * side + column)\",\"value\":\(value)},"
                        + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[\(coordinates)]]}}")
            }
        }
        let path = folder.path("grid.geojson")
        let text = "{\"type\":\"FeatureCollection\",\"features\":[" + features.joined(separator: ",\n") + "]}"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// A grid node, jittered inside the grid and kept on the box's edge along it.
    private static func node(_ column: Int, _ row: Int) -> XY {
        let (dx, dy) = (8.0 / Double(side), 15.0 / Double(side))
        let inside = (x: column > 0 && column < side, y: row > 0 && row < side)
        let jitter = (
            x: inside.x ? 0.3 * dx * sin(Double(column * 31 + row * 17)) : 0,
            y: inside.y ? 0.3 * dy * cos(Double(column * 23 + row * 29)) : 0
        )
        return XY(97.5 + Double(column) * dx + jitter.x, 5.6 + Double(row) * dy + jitter.y)
    }

    /// The edge's points from its start up to (not including) its end, the same points whichever side asks.
    private static func edge(from a: (Int, Int), to b: (Int, Int)) -> [XY] {
        let forward = a < b
        let (p, q) = forward ? (node(a.0, a.1), node(b.0, b.1)) : (node(b.0, b.1), node(a.0, a.1))
        let onBox =
            (a.0 == b.0 && (a.0 == 0 || a.0 == side)) || (a.1 == b.1 && (a.1 == 0 || a.1 == side))
        let (ux, uy) = (q.x - p.x, q.y - p.y)
        let length = (ux * ux + uy * uy).squareRoot()
        var points: [XY] = []
        for index in 0...pointsPerEdge {
            let t = Double(index) / Double(pointsPerEdge)
            // A bump of ~1 px and a wiggle of ~0.15 px across the edge (none on the box's edge), zero at its ends.
            let offset = onBox ? 0 : 0.02 * sin(.pi * t) + 0.003 * sin(.pi * t * Double(pointsPerEdge) / 2)
            points.append(XY(p.x + ux * t - uy / length * offset, p.y + uy * t + ux / length * offset))
        }
        if !forward { points.reverse() }
        return Array(points.dropLast())
    }
}
