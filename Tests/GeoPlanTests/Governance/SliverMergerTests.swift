import GEOS
import Testing

@testable import GeoPlan

extension GovernanceTests {
    /// Thin and small pieces: the thinness test against strips of known width, and merging into the unit with the
    /// longest shared border. Widths are set in metres with `LocalFrame` at 13.05° N.
    @Suite struct SliverMergerTests {
        let fixture: GovernanceFixture
        let metre = GovernanceFixture.lonDegrees(1)

        init() throws {
            fixture = try GovernanceFixture()
        }

        // MARK: - Thinness

        /// Strips 1 km long across the meridians: thin below the 5 m tolerance (less 2.5 %, see `isThin`), not above.
        @Test(arguments: [(1.0, true), (4.5, true), (5.5, false), (10.0, false), (100.0, false)])
        func stripsAreThinBelowTheTolerance(width: Double, thin: Bool) throws {
            let strip = try fixture.box(100.0, 13.0, 100.0 + width * metre, 13.01)
            #expect(try SliverMerger.isThin(strip, toleranceMetres: 5) == thin)
        }

        @Test func nothingIsThinWithoutTolerance() throws {
            #expect(try !SliverMerger.isThin(fixture.box(100.0, 13.0, 100.0 + metre, 13.01), toleranceMetres: 0))
        }

        /// A ring 1 m wide around a big hole: its area passes no bound for a fat polygon (the hole's length adds to
        /// the perimeter), so the buffer decides.
        @Test func aThinRingAroundAHoleIsThin() throws {
            let ring = try fixture.box(100.0, 13.0, 100.01, 13.01).difference(
                fixture.box(100.0 + metre, 13.0 + metre, 100.01 - metre, 13.01 - metre))
            #expect(try SliverMerger.isThin(ring, toleranceMetres: 5))
        }

        // MARK: - Merging

        private func piece(_ code: String, _ geometry: Geometry, kind: GovernanceUnitKind = .municipalPiece)
            -> RawPiece
        {
            RawPiece(localGovernmentCode: code, type: kind == .remainder ? .sao : .town, kind: kind, geometry: geometry)
        }

        /// S, a 1 m strip of D's (D's body lies elsewhere), runs along A for 0.008° of latitude and along B for 0.005°:
        /// it goes to A, and is reported as thin with D's code and A's.
        @Test func mergesIntoTheUnitWithTheLongestBorder() throws {
            let a = try fixture.box(100.0, 13.0, 100.01, 13.01)
            let b = try fixture.box(100.01 + metre, 13.0, 100.02, 13.005)
            let strip = try fixture.box(100.01, 13.0, 100.01 + metre, 13.008)
            let body = try fixture.box(100.0, 13.02, 100.02, 13.03)
            let d = try Geometry.multiPolygon([strip, body], context: fixture.context)
            let merger = SliverMerger(options: GovernanceOptions(), method: try MeasureMethod(.geodesic))
            let (pieces, small) = try merger.merge(
                [piece("A", a), piece("B", b), piece("D", d, kind: .remainder)],
                tambonCode: "T", context: fixture.context)
            #expect(pieces.map(\.localGovernmentCode) == ["A", "B", "D"])
            let grown = try fixture.box(100.0, 13.0, 100.01 + metre, 13.008).union(a)
            #expect(try GovernanceFixture.difference(pieces[0].geometry, grown) < 1e-18)
            #expect(try GovernanceFixture.difference(pieces[2].geometry, body) < 1e-18)
            #expect(try pieces[1].geometry.equalsExact(b))
            let report = try #require(small.first)
            #expect(small.count == 1)
            #expect(report.tambonCode == "T" && report.localGovernmentCode == "D" && report.mergedInto == "A")
            #expect(report.reason == .thinnerThanTolerance)
            // 1 m × 0.008° of latitude (885 m), within 1 %.
            #expect(abs(report.areaSquareMetres - 885) <= 9)
        }

        /// A tambon smaller than the minimum area with nothing else in it: kept, and flagged so (`mergedInto` nil).
        @Test func keepsAndFlagsASmallPieceWithNoNeighbour() throws {
            let tiny = try fixture.box(100.0, 13.0, 100.0 + 5 * metre, 13.0 + GovernanceFixture.latDegrees(5))
            let merger = SliverMerger(
                options: GovernanceOptions(snapToleranceMetres: 0),
                method: try MeasureMethod(.geodesic))
            let (pieces, small) = try merger.merge(
                [piece("SAO-T", tiny, kind: .remainder)], tambonCode: "T",
                context: fixture.context)
            #expect(pieces.count == 1)
            #expect(try pieces[0].geometry.equalsExact(tiny))
            #expect(small.count == 1 && small.first?.mergedInto == nil && small.first?.reason == .belowMinimumArea)
            #expect(abs((small.first?.areaSquareMetres ?? 0) - 25) <= 0.25)
        }
    }
}
