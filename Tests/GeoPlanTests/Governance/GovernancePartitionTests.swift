import GEOS
import Testing

@testable import GeoPlan

extension GovernanceTests {
    /// The hand-made case (see `GovernanceFixture`): exact pieces, geodesic areas against Planimeter, shares,
    /// and the report. Tolerances: geometries must be the hand-written point sets to 1e-18 square degrees of
    /// symmetric difference (rounding of intersection points, about 1e-8 m²); areas 1e-9 relative to Planimeter's
    /// (which prints 0.00001 m²); shares 1e-12.
    @Suite struct GovernancePartitionTests {
        let fixture: GovernanceFixture
        let result: GovernancePartitionResult

        init() throws {
            fixture = try GovernanceFixture()
            result = try GovernancePartition().build(
                tambons: [try fixture.t1, try fixture.t2],
                municipalities: [try fixture.m2, try fixture.m1])
        }

        @Test func givesTheFivePiecesInTambonThenCodeOrder() throws {
            let keys = result.units.map { "\($0.tambonCode) \($0.localGovernmentCode) \($0.type) \($0.kind)" }
            #expect(
                keys == [
                    "T1 M1 town municipalPiece", "T1 SAO-T1 sao remainder", "T2 M1 town municipalPiece",
                    "T2 M2 subdistrict municipalPiece", "T2 SAO-T2 sao remainder",
                ])
            let expected = try [
                fixture.box(100.05, 13.02, 100.1, 13.08),
                fixture.geometry(
                    "POLYGON ((100 13, 100.1 13, 100.1 13.02, 100.05 13.02, 100.05 13.08, 100.1 13.08, "
                        + "100.1 13.1, 100 13.1, 100 13))"),
                fixture.box(100.1, 13.02, 100.15, 13.08),
                fixture.box(100.16, 13.01, 100.19, 13.04),
                fixture.geometry(
                    "POLYGON ((100.1 13, 100.2 13, 100.2 13.1, 100.1 13.1, 100.1 13.08, 100.15 13.08, "
                        + "100.15 13.02, 100.1 13.02, 100.1 13), "
                        + "(100.16 13.01, 100.19 13.01, 100.19 13.04, 100.16 13.04, 100.16 13.01))"),
            ]
            for (unit, want) in zip(result.units, expected) {
                #expect(try GovernanceFixture.difference(unit.geometry, want) < 1e-18, "\(unit.localGovernmentCode)")
                #expect(try unit.geometry.isValid)
            }
        }

        @Test func measuresEachPieceLikePlanimeter() {
            let reference = GovernanceFixture.Reference.self
            let expected = [
                reference.m1InT1, reference.t1Remainder, reference.m1InT2, reference.m2,
                reference.t2Remainder,
            ]
            for (unit, want) in zip(result.units, expected) {
                #expect(
                    abs(unit.areaSquareMetres - want) <= 1e-9 * want,
                    "\(unit.tambonCode) \(unit.localGovernmentCode)")
            }
            // The pieces of each tambon add up to the whole cell (Planimeter: 119993614.17346 m²).
            for tambon in ["T1", "T2"] {
                let total = result.units.filter { $0.tambonCode == tambon }.map(\.areaSquareMetres).reduce(0, +)
                #expect(abs(total - reference.cell) <= 1e-9 * reference.cell)
            }
        }

        @Test func crosswalkCarriesAreasAndShares() {
            let reference = GovernanceFixture.Reference.self
            let rows = result.crosswalk
            #expect(rows.map(\.localGovernmentCode) == ["M1", "SAO-T1", "M1", "M2", "SAO-T2"])
            #expect(rows.map(\.localGovernmentType) == [.town, .sao, .town, .subdistrict, .sao])
            let t2 = reference.m1InT2 + reference.m2 + reference.t2Remainder
            let m1 = reference.m1InT1 + reference.m1InT2
            let expected: [(tambon: Double, government: Double)] = [
                (reference.m1InT1 / reference.cell, reference.m1InT1 / m1),
                (reference.t1Remainder / reference.cell, 1),
                (reference.m1InT2 / t2, reference.m1InT2 / m1),
                (reference.m2 / t2, 1),
                (reference.t2Remainder / t2, 1),
            ]
            for (row, want) in zip(rows, expected) {
                #expect(abs(row.shareOfTambon - want.tambon) <= 1e-12, "\(row.localGovernmentCode)")
                #expect(abs(row.shareOfLocalGovernment - want.government) <= 1e-12, "\(row.localGovernmentCode)")
            }
            // km² and rai from the same geodesic area: 35998081.26689 m² = 35.99808126689 km² = 22498.80079180625 rai.
            #expect(abs(rows[0].areaSquareKilometres - 35.99808126689) <= 1e-9 * 36)
            #expect(abs(rows[0].areaRai - 22_498.800791806) <= 1e-9 * 22_499)
            for tambon in ["T1", "T2"] {
                let sum = rows.filter { $0.tambonCode == tambon }.map(\.shareOfTambon).reduce(0, +)
                #expect(abs(sum - 1) <= 1e-12)
            }
            let m1Sum = rows.filter { $0.localGovernmentCode == "M1" }.map(\.shareOfLocalGovernment).reduce(0, +)
            #expect(abs(m1Sum - 1) <= 1e-12)
        }

        @Test func reportsNothingAdjustedAndMeasuredGuarantees() {
            let report = result.report
            #expect(report.tambons == 2 && report.municipalities == 2 && report.units == 5)
            #expect(report.smallPieces.isEmpty)
            #expect(report.snappedMunicipalities.isEmpty)
            #expect(report.resolvedOverlaps.isEmpty && report.outsideParts.isEmpty && report.repairedInputs.isEmpty)
            let guarantees = report.guarantees
            #expect(guarantees.allHold)
            #expect(guarantees.invalidUnits == 0)
            // Units meet along borders only: no shared area at all.
            #expect(guarantees.largestOverlapSquareMetres == 0)
            #expect(abs(guarantees.tambonsSquareMetres - 2 * GovernanceFixture.Reference.cell) <= 1e-9 * 2.4e8)
            #expect(guarantees.coverageRelativeDifference <= 1e-12)
        }

        @Test func aMunicipalityCoveringItsTambonLeavesNoRemainder() throws {
            let whole = try fixture.municipality("C1", .city, 100.0, 13.0, 100.1, 13.1)
            let result = try GovernancePartition().build(
                tambons: [try fixture.t1, try fixture.t2],
                municipalities: [whole])
            #expect(result.units.map(\.localGovernmentCode) == ["C1", "SAO-T2"])
            #expect(result.crosswalk[0].shareOfTambon == 1 && result.crosswalk[0].shareOfLocalGovernment == 1)
            #expect(abs(result.units[0].areaSquareMetres - GovernanceFixture.Reference.cell) <= 1e-9 * 1.2e8)
        }

        @Test func withoutMunicipalitiesEveryTambonIsItsSAO() throws {
            let result = try GovernancePartition().build(tambons: [try fixture.t1, try fixture.t2], municipalities: [])
            #expect(result.units.map(\.localGovernmentCode) == ["SAO-T1", "SAO-T2"])
            #expect(result.units.allSatisfy { $0.kind == .remainder && $0.type == .sao })
        }
    }
}
