import Testing

@testable import GEOS

@Suite struct PrecisionTests {
    /// Three vertices 3e-8° apart: rounding each to 7 decimals makes the ring cross itself.
    static let foldingRing =
        "POLYGON ((100 13, 100.001 13, 100.00049999134514 13.000500021780681, "
        + "100.00049998189245 13.000500050252537, 100.00049995192337 13.000500048890554, 100 13.001, 100 13))"

    @Test func snapRoundingKeepsAPolygonValidWhereRoundingEachVertexDoesNot() throws {
        let context = try GEOSContext()
        let polygon = try Geometry(wkt: Self.foldingRing, context: context)
        #expect(try polygon.isValid)
        let naive = try Geometry(wkt: try polygon.wkt(precision: 7), context: context)
        #expect(try !naive.isValid)

        let snapped = try polygon.withPrecision(gridSize: 1e-7)
        #expect(try snapped.isValid && !snapped.isEmpty)
        for point in try snapped.coordinates {
            #expect(abs(point.x * 1e7 - (point.x * 1e7).rounded()) < 1e-6)
            #expect(abs(point.y * 1e7 - (point.y * 1e7).rounded()) < 1e-6)
        }
    }

    @Test func aPolygonNarrowerThanTheGridCollapses() throws {
        let context = try GEOSContext()
        let sliver = try Geometry(wkt: "POLYGON ((0 0, 1 0, 1 0.0000001, 0 0))", context: context)
        #expect(try sliver.withPrecision(gridSize: 1e-3).isEmpty)
        // Kept: GEOS's choice of what remains; asked for, it is not an error.
        _ = try sliver.withPrecision(gridSize: 1e-3, collapsed: .keep)
    }

    @Test func aBadGridSizeIsAnErrorNotACrash() throws {
        let context = try GEOSContext()
        let point = try Geometry(wkt: "POINT (1 2)", context: context)
        #expect(throws: GEOSError.self) { try point.withPrecision(gridSize: -1) }
        #expect(throws: GEOSError.self) { try point.withPrecision(gridSize: .nan) }
        #expect(try point.withPrecision(gridSize: 0).coordinates == [XY(1, 2)])
    }
}
