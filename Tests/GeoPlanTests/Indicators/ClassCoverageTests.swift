import Foundation
import GEOS
import GeoplanTestSupport
import Testing

@testable import GeoPlan

/// `ClassCoverage` (polygons sorted into inside, crossing and outside, overlays only within clusters of
/// polygons that meet) against hand-made pieces and against the plain overlay of whole classes.
@Suite struct ClassCoverageTests {
    let context: GEOSContext
    let method: MeasureMethod
    /// 0.1° × 0.1° with a 0.02° hole in the middle.
    let area: Area

    init() throws {
        context = try GEOSContext()
        method = try MeasureMethod(.geodesic)
        area = try Area(
            index: 0, id: "A", names: [],
            geometry: try Geometry(
                wkt:
                    "POLYGON ((100 13, 100.1 13, 100.1 13.1, 100 13.1, 100 13), (100.04 13.04, 100.06 13.04, 100.06 13.06, 100.04 13.06, 100.04 13.04))",
                context: context),
            featureID: nil)
    }

    /// Rectangles whose exclusive pieces are rectangles too: each class's area is the geodesic area of the
    /// piece written by hand.
    @Test func givesOverlapsToTheEarlierClassAndClipsAtTheBorder() throws {
        let features = try load([
            ("x", box(100.02, 13.02, 100.03, 13.03)),  // inside
            ("y", box(100.025, 13.02, 100.035, 13.03)),  // overlaps x's half: y keeps its right half
            ("x", box(100.09, 13.07, 100.11, 13.08)),  // crosses the east edge: half inside
            ("y", box(100.045, 13.045, 100.055, 13.055)),  // wholly in the hole
            ("z", box(100.2, 13.2, 100.3, 13.3)),  // far outside
            ("z", box(100.0, 13.09, 100.01, 13.1)),  // in the north-west corner, touching two edges
        ])
        let coverage = try ClassCoverage(features: features, classes: ["x", "y", "z"], method: method)
            .coverage(of: area)
        let expected = try [
            squareMetres(box(100.02, 13.02, 100.03, 13.03)) + squareMetres(box(100.09, 13.07, 100.1, 13.08)),
            squareMetres(box(100.03, 13.02, 100.035, 13.03)),
            squareMetres(box(100.0, 13.09, 100.01, 13.1)),
        ]
        for (got, want) in zip(coverage, expected) {
            #expect(abs(got - want) <= 1e-9 * want, "\(coverage) against \(expected)")
        }
    }

    /// 150 seeded star polygons of three classes and unclassified ones, overlapping each other and the border:
    /// the same areas as merging each whole class, clipping it and taking away what earlier classes took,
    /// within 1e-9 of the area's size (rounding differs with the order of the overlays).
    @Test func equalsTheOverlayOfWholeClasses() throws {
        var random = SplitMix64(seed: 7)
        var polygons: [(String?, String)] = []
        for _ in 0..<150 {
            let centre = (
                Double.random(in: 99.97...100.13, using: &random),
                Double.random(in: 12.97...13.13, using: &random)
            )
            let radius = Double.random(in: 0.002...0.02, using: &random)
            let vertices = Int.random(in: 5...12, using: &random)
            let ring = (0...vertices).map { step -> String in
                let corner = step % vertices  // the last closes the ring on the first
                let angle = Double(corner) / Double(vertices) * 2 * .pi
                let r = radius * (corner % 2 == 0 ? 1 : 0.6)
                return "\(centre.0 + r * cos(angle)) \(centre.1 + r * sin(angle))"
            }
            let label: String? = ["a", "b", "c", nil].randomElement(using: &random) ?? nil
            polygons.append((label, "POLYGON ((\(ring.joined(separator: ", "))))"))
        }
        let features = try load(polygons)
        let classes: [String?] = ["a", "b", "c", nil]
        let coverage = try ClassCoverage(features: features, classes: classes, method: method).coverage(of: area)

        var taken: Geometry?
        let size = try squareMetres(area.geometry)
        for (position, label) in classes.enumerated() {
            let members = features.geometries.indices.filter { features.classes[$0] == label }
                .map { features.geometries[$0] }
            var piece = try Geometry.collection(members, context: context).unaryUnion().intersection(area.geometry)
            if let taken { piece = try piece.difference(taken) }
            taken = try taken.map { try $0.union(piece) } ?? piece
            let want = try squareMetres(piece)
            #expect(want > 0)
            #expect(abs(coverage[position] - want) <= 1e-9 * size, "class \(label ?? "none")")
        }
    }

    @Test func clustersOnlyPolygonsThatMeet() throws {
        let features = try load([
            ("x", box(100.01, 13.01, 100.02, 13.02)),
            ("x", box(100.02, 13.01, 100.03, 13.02)),  // touches the first
            // Its box meets the second's.
            ("x", "POLYGON ((100.025 13.025, 100.036 13.015, 100.035 13.025, 100.025 13.025))"),
            ("x", box(100.07, 13.07, 100.08, 13.08)),
        ])
        let near = try features.geometries.indices.map { feature in
            ClassCoverage.Near(
                feature: feature, classPosition: 0, inside: true,
                box: try #require(features.geometries[feature].bounds))
        }
        #expect(try ClassCoverage.clusters(near, features: features) == [[0, 1], [2], [3]])
    }

    // MARK: - Helpers

    private func box(_ minX: Double, _ minY: Double, _ maxX: Double, _ maxY: Double) -> String {
        "POLYGON ((\(minX) \(minY), \(maxX) \(minY), \(maxX) \(maxY), \(minX) \(maxY), \(minX) \(minY)))"
    }

    private func squareMetres(_ wkt: String) throws -> Double {
        try squareMetres(try Geometry(wkt: wkt, context: context))
    }

    private func squareMetres(_ geometry: Geometry) throws -> Double {
        try method.measure(geometry.polygonalPart()).areaSquareMetres ?? 0
    }

    /// The polygons as a GeoJSON input with a `class` field, loaded the way a run loads them.
    private func load(_ polygons: [(String?, String)]) throws -> FeatureSet {
        let features = try polygons.map { label, wkt in
            let ring = try Geometry(wkt: wkt, context: context).exteriorRing.coordinates
            let geometry =
                #"{"type":"Polygon","coordinates":[[\#(ring.map { "[\($0.x),\($0.y)]" }.joined(separator: ","))]]}"#
            let value = label.map { "\"\($0)\"" } ?? "null"
            return #"{"type":"Feature","properties":{"class":\#(value)},"geometry":\#(geometry)}"#
        }
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("class-coverage-\(UUID().uuidString).geojson").path
        try #"{"type":"FeatureCollection","features":[\#(features.joined(separator: ","))]}"#
            .write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try FeatureStore.load(
            InputSpec(name: "landuse", kind: .polygons, path: path),
            whereClause: nil, by: "class", folder: nil, context: context)
        return try FeatureSet(store: store, window: nil, context: context)
    }
}
