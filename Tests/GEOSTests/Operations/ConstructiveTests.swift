import Foundation
import Testing

@testable import GEOS

@Suite struct ConstructiveTests {
    let context: GEOSContext

    init() throws {
        context = try GEOSContext()
    }

    private func geometry(_ wkt: String) throws -> Geometry {
        try Geometry(wkt: wkt, context: context)
    }

    @Test(arguments: [(1.0, 8), (2.5, 4), (10.0, 32)])
    func aPointBufferIsTheInscribedRegularPolygon(radius: Double, quadrantSegments: Int) throws {
        let disc = try geometry("POINT (3 4)").buffer(distance: radius, quadrantSegments: quadrantSegments)
        // Hand: a regular n-gon inscribed in radius r has area ½·n·r²·sin(2π/n), n = 4 · quadrantSegments;
        // it falls short of πr² by at most πr²·(1 − sin(θ)/θ), θ = 2π/n.
        let n = Double(4 * quadrantSegments)
        let theta = 2 * Double.pi / n
        let polygonArea = 0.5 * n * radius * radius * sin(theta)
        let circleArea = Double.pi * radius * radius
        let area = try disc.area
        #expect(abs(area - polygonArea) <= 1e-12 * circleArea)
        #expect(area < circleArea)
        #expect(circleArea - area <= circleArea * (1 - sin(theta) / theta) + 1e-12)
        #expect(disc.numberOfCoordinates == Int(n) + 1)
    }

    @Test func thePointOnSurfaceOfAUShapeIsInsideButItsCentroidIsNot() throws {
        // The U is [0, 3]² minus the notch [1, 2] × [1, 3]: area 9 − 2 = 7; centroid by hand
        // x = 1.5 (symmetry), y = (9 · 1.5 − 2 · 2) / 7 = 9.5 / 7 ≈ 1.357, which lies in the notch.
        let u = try geometry("POLYGON ((0 0, 3 0, 3 3, 2 3, 2 1, 1 1, 1 3, 0 3, 0 0))")
        #expect(try u.area == 7)

        let centroid = try u.centroid()
        let c = try #require(centroid.coordinates.first)
        #expect(abs(c.x - 1.5) < 1e-12)
        #expect(abs(c.y - 9.5 / 7) < 1e-12)
        #expect(try !u.contains(centroid))

        let inside = try u.pointOnSurface()
        #expect(try u.contains(inside))
    }

    @Test func emptyInputsGiveEmptyPoints() throws {
        let empty = try geometry("POLYGON EMPTY")
        #expect(try empty.centroid().isEmpty)
        #expect(try empty.pointOnSurface().isEmpty)
        #expect(try empty.envelopeGeometry().isEmpty)
    }

    @Test func theEnvelopeGeometryIsTheBoundingBox() throws {
        let line = try geometry("LINESTRING (1 5, 4 2, 3 7)")
        let box = try line.envelopeGeometry()
        #expect(box.type == .polygon)
        #expect(try box.area == 15)  // 3 × 5
        #expect(box.bounds == line.bounds)
        #expect(try geometry("POINT (1 1)").envelopeGeometry().type == .point)
    }

    @Test func normalizedIsACopyInGEOSsNormalForm() throws {
        let original = try geometry("POLYGON ((2 2, 2 0, 0 0, 0 2, 2 2))")
        let normal = try original.normalized()
        // Shell clockwise from its smallest coordinate.
        #expect(try normal.wkt() == "POLYGON ((0 0, 0 2, 2 2, 2 0, 0 0))")
        #expect(try original.wkt() == "POLYGON ((2 2, 2 0, 0 0, 0 2, 2 2))")
    }
}
