import GEOS
import Testing

@testable import GeoPlan

extension GovernanceTests {
    /// Shares are each unit's area over its tambon's (or local government's) sum; they add up to 1 (1e-15).
    @Suite struct CrosswalkTests {
        @Test func sharesAddUpPerTambonAndPerLocalGovernment() throws {
            let context = try GEOSContext()
            let point = try Geometry.point(x: 100, y: 13, context: context)
            func unit(_ tambon: String, _ code: String, _ type: LocalGovernmentType, _ area: Double) -> GovernanceUnit {
                GovernanceUnit(
                    tambonCode: tambon, localGovernmentCode: code, type: type,
                    kind: type == .sao ? .remainder : .municipalPiece, geometry: point,
                    areaSquareMetres: area)
            }
            let rows = Crosswalk.rows(for: [
                unit("T1", "M", .town, 1_600), unit("T1", "SAO-T1", .sao, 4_800),
                unit("T2", "M", .town, 4_800), unit("T2", "SAO-T2", .sao, 3_200),
            ])
            #expect(rows.map(\.shareOfTambon) == [0.25, 0.75, 0.6, 0.4])
            #expect(rows.map(\.shareOfLocalGovernment) == [0.25, 1, 0.75, 1])
            #expect(rows.map(\.areaRai) == [1, 3, 3, 2])
            #expect(rows.map(\.areaSquareKilometres) == [0.0016, 0.0048, 0.0048, 0.0032])
            #expect(rows.map(\.kind) == [.municipalPiece, .remainder, .municipalPiece, .remainder])
        }
    }
}
