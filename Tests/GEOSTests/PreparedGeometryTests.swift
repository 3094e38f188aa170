import Testing

@testable import GEOS

@Suite struct PreparedGeometryTests {
    let context: GEOSContext
    /// A U shape with a hole in its left arm: concave, holed, with edges on the grid lines below.
    let shape: Geometry

    init() throws {
        context = try GEOSContext()
        shape = try Geometry(
            wkt: "POLYGON ((0 0, 6 0, 6 6, 4 6, 4 2, 2 2, 2 6, 0 6, 0 0), (0.5 3, 1.5 3, 1.5 5, 0.5 5, 0.5 3))",
            context: context)
    }

    @Test func preparedPredicatesAgreeWithUnpreparedOnesOverAGrid() throws {
        let prepared = try shape.prepared()
        var counts = (inside: 0, boundary: 0)
        // Every 0.25 from -1 to 7: hits interiors, holes, the notch, edges and vertices.
        for i in 0...32 {
            for j in 0...32 {
                let point = try Geometry.point(x: -1 + 0.25 * Double(i), y: -1 + 0.25 * Double(j), context: context)
                let contains = try shape.contains(point)
                let covers = try shape.covers(point)
                #expect(try prepared.contains(point) == contains)
                #expect(try prepared.covers(point) == covers)
                #expect(try prepared.intersects(point) == shape.intersects(point))
                #expect(try prepared.within(point) == shape.within(point))
                #expect(try prepared.coveredBy(point) == point.covers(shape))
                // For a point, "properly" inside is the same as inside.
                #expect(try prepared.containsProperly(point) == contains)
                if contains { counts.inside += 1 }
                if covers && !contains { counts.boundary += 1 }
            }
        }
        // The grid really exercised both kinds of answer.
        #expect(counts.inside > 100)
        #expect(counts.boundary > 50)
    }

    @Test func preparedPolygonTestsAgreeToo() throws {
        let prepared = try PreparedGeometry(shape)
        for wkt in [
            "POLYGON ((0.1 0.1, 1 0.1, 1 1, 0.1 0.1))",  // inside
            "POLYGON ((0 0, 1 0, 1 1, 0 0))",  // touches the shell from inside
            "POLYGON ((3 3, 3.5 3, 3.5 4, 3 3))",  // in the notch
            "POLYGON ((1 2.5, 5 2.5, 5 3, 1 3, 1 2.5))",
        ] {  // crosses the notch
            let other = try Geometry(wkt: wkt, context: context)
            #expect(try prepared.contains(other) == shape.contains(other), "\(wkt)")
            #expect(
                try prepared.containsProperly(other)
                    == (shape.contains(other) && !shape.exteriorRing.intersects(other)
                        && !shape.interiorRings[0].intersects(other)),
                "\(wkt)")
            #expect(try prepared.intersects(other) == shape.intersects(other), "\(wkt)")
        }
    }

    @Test func aPreparedGeometryKeepsItsBaseAlive() throws {
        let prepared = try Geometry(wkt: "POLYGON ((0 0, 1 0, 1 1, 0 0))", context: context).prepared()
        #expect(try prepared.base.area == 0.5)
        #expect(try prepared.contains(Geometry.point(x: 0.75, y: 0.25, context: context)))
    }
}
