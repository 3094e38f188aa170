import GEOS
import Testing

@testable import GeoPlan

extension GovernanceTests {
    /// Municipal borders 1 m off the tambon border (see `GovernanceFixture` for T1, T2). With the default 5 m
    /// tolerance they are moved onto it and no sliver is left; with tolerance 0 the sliver stays, and is reported
    /// when below the minimum area. One metre is converted to degrees at 13.05° N with `LocalFrame` (GeographicLib
    /// geodesics): 1 m of longitude ≈ 9.2e-6°.
    @Suite struct BorderSnapperTests {
        let fixture: GovernanceFixture
        let metre = GovernanceFixture.lonDegrees(1)

        init() throws {
            fixture = try GovernanceFixture()
        }

        private func partition(_ municipalities: [MunicipalityInput], tolerance: Double = 5) throws
            -> GovernancePartitionResult
        {
            try GovernancePartition(options: GovernanceOptions(snapToleranceMetres: tolerance))
                .build(tambons: [try fixture.t1, try fixture.t2], municipalities: municipalities)
        }

        // MARK: - A border 1 m past the tambon border

        /// M = [100.05, 100.1 + 1 m] × [13.02, 13.08]: its east edge runs 1 m inside T2 for 6.6 km, far from any tambon
        /// vertex, so only snapping to the middle of a segment (not GEOS's vertex snapping) can remove the sliver.
        @Test func snapsAnEdgeOneMetrePastTheBorderOntoIt() throws {
            let town = try fixture.municipality("M", .town, 100.05, 13.02, 100.1 + metre, 13.08)
            let result = try partition([town])
            #expect(result.units.map(\.localGovernmentCode) == ["M", "SAO-T1", "SAO-T2"])
            let piece = try #require(GovernanceFixture.unit(result, "T1", "M"))
            #expect(try GovernanceFixture.difference(piece.geometry, fixture.box(100.05, 13.02, 100.1, 13.08)) < 1e-18)
            let reference = GovernanceFixture.Reference.m1InT1  // the same rectangle, Planimeter
            #expect(abs(piece.areaSquareMetres - reference) <= 1e-9 * reference)
            let remainder = try #require(GovernanceFixture.unit(result, "T2", "SAO-T2"))
            #expect(abs(remainder.areaSquareMetres - GovernanceFixture.Reference.cell) <= 1e-9 * 1.2e8)
            #expect(result.report.snappedMunicipalities == ["M"])
            #expect(result.report.smallPieces.isEmpty)
            #expect(result.report.guarantees.allHold)
        }

        /// Without snapping the 1 m × 6.6 km strip (≈ 6,638 m²; GeodSolve: 13.02→13.08 along 100.1° E is 6637.85 m)
        /// is a unit of M in T2: above the minimum area, and with tolerance 0 nothing counts as a sliver.
        @Test func keepsTheLongStripWithoutTolerance() throws {
            let town = try fixture.municipality("M", .town, 100.05, 13.02, 100.1 + metre, 13.08)
            let result = try partition([town], tolerance: 0)
            let strip = try #require(GovernanceFixture.unit(result, "T2", "M"))
            #expect(abs(strip.areaSquareMetres - 6_637.854724364) <= 1e-3 * 6_638)
            #expect(result.report.smallPieces.isEmpty)
            #expect(result.report.snappedMunicipalities.isEmpty)
        }

        /// M = [100.09, 100.1 + 1 m] × [13.05, 13.0505]: 1 m past the border over 55 m. Snapped: nothing in T2. Without
        /// tolerance: a 1 m × 55 m strip (≈ 55 m², under the 100 m² minimum) in T2, reported with its place and merged
        /// into T2's remainder, the only unit of T2 it borders.
        @Test func reportsAShortSliverOnlyWithoutTolerance() throws {
            let municipality = try fixture.municipality("M", .subdistrict, 100.09, 13.05, 100.1 + metre, 13.0505)
            let snapped = try partition([municipality])
            #expect(snapped.report.smallPieces.isEmpty)
            #expect(GovernanceFixture.unit(snapped, "T2", "M") == nil)

            let unsnapped = try partition([municipality], tolerance: 0)
            let sliver = try #require(unsnapped.report.smallPieces.first)
            #expect(unsnapped.report.smallPieces.count == 1)
            #expect(sliver.tambonCode == "T2" && sliver.localGovernmentCode == "M")
            #expect(sliver.reason == .belowMinimumArea && sliver.mergedInto == "SAO-T2")
            // 1 m × 0.0005° of latitude (55.3 m): within 1 %.
            #expect(abs(sliver.areaSquareMetres - 55.3) <= 0.6)
            #expect(sliver.point.lon > 100.1 && sliver.point.lon < 100.1 + metre)
            #expect(sliver.point.lat > 13.05 && sliver.point.lat < 13.0505)
            // Merged: M has no unit in T2, and T2's remainder is the whole cell again.
            #expect(GovernanceFixture.unit(unsnapped, "T2", "M") == nil)
            let remainder = try #require(GovernanceFixture.unit(unsnapped, "T2", "SAO-T2"))
            #expect(abs(remainder.areaSquareMetres - GovernanceFixture.Reference.cell) <= 1e-9 * 1.2e8)
        }

        /// Two municipalities sharing a border, the eastern one 1 m past the tambon border: the shared border stays
        /// shared (both are snapped the same way), nothing overlaps, nothing is left over.
        @Test func keepsASharedMunicipalBorderShared() throws {
            let west = try fixture.municipality("MA", .town, 100.02, 13.02, 100.05, 13.08)
            let east = try fixture.municipality("MB", .subdistrict, 100.05, 13.02, 100.1 + metre, 13.08)
            let result = try partition([west, east])
            #expect(result.units.map(\.localGovernmentCode) == ["MA", "MB", "SAO-T1", "SAO-T2"])
            let piece = try #require(GovernanceFixture.unit(result, "T1", "MB"))
            #expect(try GovernanceFixture.difference(piece.geometry, fixture.box(100.05, 13.02, 100.1, 13.08)) < 1e-18)
            #expect(result.report.resolvedOverlaps.isEmpty && result.report.smallPieces.isEmpty)
            #expect(result.report.guarantees.largestOverlapSquareMetres == 0)
        }

        // MARK: - A border 1 m short of the tambon border

        /// M = [100.0 + 1 m, 100.03] × [13.05, 13.06]: its west edge runs 1 m inside T1's west border. Snapped, the
        /// remainder is T1 minus [100.0, 100.03] × [13.05, 13.06] exactly; unsnapped, a 1 m corridor (about 1,100 m²)
        /// joins the remainder along M's west side.
        @Test func closesACorridorOneMetreShortOfTheBorder() throws {
            let municipality = try fixture.municipality("M", .subdistrict, 100.0 + metre, 13.05, 100.03, 13.06)
            let notch = try fixture.box(100.0, 13.05, 100.03, 13.06)
            let expected = try fixture.t1.geometry.difference(notch)

            let snapped = try partition([municipality])
            let remainder = try #require(GovernanceFixture.unit(snapped, "T1", "SAO-T1"))
            #expect(try GovernanceFixture.difference(remainder.geometry, expected) < 1e-18)
            let piece = try #require(GovernanceFixture.unit(snapped, "T1", "M"))
            #expect(try GovernanceFixture.difference(piece.geometry, notch) < 1e-18)

            let unsnapped = try partition([municipality], tolerance: 0)
            let corridor = try #require(GovernanceFixture.unit(unsnapped, "T1", "SAO-T1"))
            let extra = try corridor.geometry.difference(expected)
            let area = try LocalFrame.squareMetres(of: extra)
            // 1 m × 0.01° of latitude (1,106 m), within 1 %.
            #expect(abs(area - 1_106) <= 11)
        }

        // MARK: - A corner 1 m outside the tambons' corner

        /// M = [100.0 − 1 m, 100.02] × [13.0 − 1 m, 13.02]: its south-west corner lies √2 m outside the corner of T1
        /// (and of the tambons' union). Snapped, it is the corner square exactly and nothing lies outside; unsnapped,
        /// an L of 1 m along 2.2 km and 2.2 km (≈ 4,400 m²) lies outside every tambon and is reported.
        @Test func snapsACornerAndReportsWhatLiesOutsideWithoutTolerance() throws {
            let south = GovernanceFixture.latDegrees(1)
            let municipality = try fixture.municipality("M", .town, 100.0 - metre, 13.0 - south, 100.02, 13.02)
            let snapped = try partition([municipality])
            let piece = try #require(GovernanceFixture.unit(snapped, "T1", "M"))
            #expect(try GovernanceFixture.difference(piece.geometry, fixture.box(100.0, 13.0, 100.02, 13.02)) < 1e-18)
            #expect(snapped.report.outsideParts.isEmpty)

            let unsnapped = try partition([municipality], tolerance: 0)
            let outside = try #require(unsnapped.report.outsideParts.first)
            #expect(outside.municipalityCode == "M" && outside.parts == 1)
            // 1 m × 2,212 m twice, plus the 1 m² corner (GeodSolve: 0.02° of latitude at 100° E is 2212.6 m, 0.02° of
            // longitude at 13° N is 2169.7 m).
            #expect(abs(outside.areaSquareMetres - (2_212.6 + 2_169.7 + 1)) <= 0.01 * 4_383)
            #expect(outside.point.lon < 100.0 || outside.point.lat < 13.0)
        }
    }
}
