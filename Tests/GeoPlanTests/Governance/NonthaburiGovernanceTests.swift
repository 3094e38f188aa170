import Foundation
import GEOS
import GeoplanTestSupport
import Testing

@testable import GeoPlan

extension GovernanceTests {
    /// The partition over the 52 real tambons of Nonthaburi (COD-AB, shipped in `shapes/`) with three hand-placed
    /// municipalities:
    /// - a city made of Suan Yai and Talat Khwan (TH120101 + TH120102) as another agency might survey it: the union of
    ///   the two tambons moved 2 m east and 1 m north, so its whole border is 2.2 m off the tambons';
    /// - a town: a 32-sided circle of 0.0135° (about 1.5 km) around a point of Pak Kret (TH120601);
    /// - a subdistrict municipality: a 0.03° × 0.02° box around a point of Bang Bua Thong (TH120402).
    @Suite struct NonthaburiGovernanceTests {
        @Test func partitionsARealProvince() throws {
            let context = try GEOSContext()
            let spec = BoundarySpec(name: "tambons", path: Fixtures.nonthaburi, idField: "ADM3_PCODE")
            let set = try BoundarySet.load(spec, folder: nil, context: context)
            let tambons = TambonInput.from(set)
            let byCode = Dictionary(uniqueKeysWithValues: tambons.map { ($0.code, $0.geometry) })
            let suanYai = try #require(byCode["TH120101"])
            let talatKhwan = try #require(byCode["TH120102"])
            var city = try PolygonRings(suanYai.union(talatKhwan))
            let (east, north) = (GovernanceFixture.lonDegrees(2), GovernanceFixture.latDegrees(1))
            city.moveVertices { XY($0.x + east, $0.y + north) }
            let pakKret = try #require(byCode["TH120601"]?.pointOnSurface().coordinates.first)
            let town = try Geometry.point(pakKret, context: context).buffer(distance: 0.0135, quadrantSegments: 8)
            let bangBuaThong = try #require(byCode["TH120402"]?.pointOnSurface().coordinates.first)
            let box = try Geometry.polygon(
                exterior: [
                    XY(bangBuaThong.x - 0.015, bangBuaThong.y - 0.01),
                    XY(bangBuaThong.x + 0.015, bangBuaThong.y - 0.01),
                    XY(bangBuaThong.x + 0.015, bangBuaThong.y + 0.01),
                    XY(bangBuaThong.x - 0.015, bangBuaThong.y + 0.01),
                    XY(bangBuaThong.x - 0.015, bangBuaThong.y - 0.01),
                ], context: context)
            let municipalities = [
                MunicipalityInput(code: "CITY", type: .city, geometry: try city.geometry(context: context)),
                MunicipalityInput(code: "TOWN", type: .town, geometry: town),
                MunicipalityInput(code: "SUB", type: .subdistrict, geometry: box),
            ]

            let start = Date()
            let result = try GovernancePartition().build(tambons: tambons, municipalities: municipalities)
            let seconds = Date().timeIntervalSince(start)
            let report = result.report
            #expect(report.guarantees.allHold)
            #expect(report.guarantees.coverageRelativeDifference <= 1e-9)
            // All three move: the city onto its tambons, the town and the box where tambon vertices lie within 5 m of
            // their borders (the border is bent through them).
            #expect(report.snappedMunicipalities == ["CITY", "TOWN", "SUB"])
            #expect(report.outsideParts.isEmpty && report.resolvedOverlaps.isEmpty)

            // The city governs its two tambons whole: snapping took its 2.2 m offset away, and what slivers were left
            // (from vertices closer together than the offset) were merged, not kept.
            for code in ["TH120101", "TH120102"] {
                let rows = result.crosswalk.filter { $0.tambonCode == code }
                #expect(rows.map(\.localGovernmentCode) == ["CITY"], "\(code): \(rows.map(\.localGovernmentCode))")
            }
            let cityTambons = Set(result.units.filter { $0.localGovernmentCode == "CITY" }.map(\.tambonCode))
            #expect(cityTambons == ["TH120101", "TH120102"])
            // The town's pieces add up to the circle, up to what snapping moved: no point moves more than 5 m, so the
            // area changes by at most 5 m × the perimeter (observed: about 500 m² of 6.8 km², 7e-5).
            let method = try MeasureMethod(.geodesic)
            let circle = try method.measure(town)
            let townUnits = result.units.filter { $0.localGovernmentCode == "TOWN" }
            let townTotal = townUnits.map(\.areaSquareMetres).reduce(0, +)
            #expect(abs(townTotal - (circle.areaSquareMetres ?? 0)) <= 5 * (circle.perimeterMetres ?? 0))
            #expect(townUnits.count >= 2)  // it crosses a tambon border
            // Every tambon keeps its SAO remainder except the city's two; shares add up.
            #expect(Set(result.units.filter { $0.kind == .remainder }.map(\.tambonCode)).count == 50)
            for (code, rows) in Dictionary(grouping: result.crosswalk, by: \.tambonCode) {
                #expect(abs(rows.map(\.shareOfTambon).reduce(0, +) - 1) <= 1e-12, "\(code)")
            }
            for piece in report.smallPieces {
                #expect(piece.areaSquareMetres < 100 || piece.reason == .thinnerThanTolerance)
            }
            print(
                "Nonthaburi: \(result.units.count) units, \(report.smallPieces.count) small pieces, "
                    + "largest overlap \(report.guarantees.largestOverlapSquareMetres) m², coverage difference "
                    + "\(report.guarantees.coverageDifferenceSquareMetres) m², \(String(format: "%.2f", seconds)) s")
            for piece in report.smallPieces.prefix(20) {
                print(
                    "  \(piece.tambonCode) \(piece.localGovernmentCode) \(piece.areaSquareMetres) m² "
                        + "\(piece.reason) → \(piece.mergedInto ?? "kept")")
            }
        }
    }
}
