import Foundation
import GEOS
import GeoplanTestSupport
import PROJ
import Testing

@testable import GeoPlan

/// `AreaClipper` against GEOS's own intersection (OverlayNG), both measured on the ellipsoid: the same length
/// within 1e-8 relative (10 µm per km) for every line that crosses an area's border. Not exactly the same: a
/// stretch along the border is measured as one geodesic where GEOS keeps the line's own vertices on it, and a
/// straight lon/lat segment is not a geodesic, so splitting it changes its measure by ~1e-9.
@Suite struct AreaClipperTests {
    let context: GEOSContext

    init() throws {
        context = try GEOSContext()
    }

    /// Every sample road of Nakhon Pathom that crosses a tambon's border.
    @Test func cutsRealRoadsAsGEOSDoes() throws {
        let boundaries = try BoundarySet.load(
            BoundarySpec(name: "tambons", path: Fixtures.nakhonPathom, idField: "ADM3_PCODE"), folder: nil,
            context: context)
        let roads = try FeatureStore.load(
            InputSpec(
                name: "roads", kind: .lines,
                path: Fixtures.root.appendingPathComponent("samples/nakhon-pathom/roads.geojson").path),
            whereClause: nil, by: nil, folder: nil, context: context)
        let lines = try FeatureSet(store: roads, window: nil, context: context).geometries
        #expect(try compare(lines, boundaries.areas) > 100)
    }

    /// Lines through vertices, along the border and back over it (as lines cut at an edge do), crossing
    /// themselves, and a multi-line, against a square with a hole.
    @Test func cutsAwkwardLinesAsGEOSDoes() throws {
        let square = try Geometry(
            wkt:
                "POLYGON ((100 13, 100.1 13, 100.1 13.1, 100 13.1, 100 13), (100.04 13.04, 100.06 13.04, 100.06 13.06, 100.04 13.06, 100.04 13.04))",
            context: context)
        let area = try Area(index: 0, id: "A", names: [], geometry: square, featureID: nil)
        let lines = try [
            "LINESTRING (99.95 13.05, 100.15 13.05)",  // across, through the hole
            "LINESTRING (99.9 12.9, 100.2 13.2)",  // through two corners
            // Along an edge, back, on.
            "LINESTRING (100.1 12.95, 100.1 13.02, 100.1 13.01, 100.1 13.08, 100.12 13.08)",
            // In, to the edge, along, in.
            "LINESTRING (100.05 12.99, 100.05 13.02, 100.1 13.02, 100.1 13.05, 100.05 13.05)",
            "LINESTRING (100.02 12.98, 100.02 13.03, 100.08 13.03, 100.03 12.97)",  // crossing itself outside
            // Parts overlapping on the edge.
            "MULTILINESTRING ((100.0 13.0, 100.03 13.0), (100.02 13.0, 100.05 13.0, 100.05 12.9))",
            "LINESTRING (100.04 13.04, 100.06 13.06)",  // across the hole, corner to corner
        ].map { try Geometry(wkt: $0, context: context) }
        #expect(try compare(lines, [area]) == lines.count)
    }

    /// Compares every line–area pair that needs clipping; returns how many there were.
    private func compare(_ lines: [Geometry], _ areas: [Area]) throws -> Int {
        let method = try MeasureMethod(.geodesic)
        var pairs = 0
        for line in lines {
            for area in areas {
                guard try area.prepared.intersects(line), try !area.prepared.containsProperly(line) else { continue }
                var fast = 0.0
                let parts = line.type == .lineString ? [line] : try line.geometries
                try AreaClipper(area).clip(try parts.map { try $0.coordinates }) { start, end, piece in
                    guard piece != .outside else { return }
                    fast +=
                        Geodesic.wgs84.inverse(
                            from: LonLat(lon: start.x, lat: start.y),
                            to: LonLat(lon: end.x, lat: end.y)
                        ).distance
                }
                let reference = try method.measure(try line.intersection(area.geometry)).lengthMetres ?? 0
                let text = try line.wkt(precision: 3)
                #expect(
                    abs(fast - reference) <= 1e-8 * max(reference, 1000),
                    "\(text) in \(area.id): \(fast) m, GEOS \(reference) m")
                pairs += 1
            }
        }
        return pairs
    }
}
