import Testing

@testable import PROJ

@Suite struct TransformerCandidatesTests {
    @Test func indian1975ToWGS84ListsProjinfosThreeOperationsInItsOrder() throws {
        // `projinfo -s EPSG:4240 -t EPSG:4326 --spatial-test intersects --summary` (PROJ 9.1.1):
        //   EPSG:1812, Indian 1975 to WGS 84 (4), 3.0 m, Thailand - onshore.
        //   EPSG:1304, Indian 1975 to WGS 84 (2), 5.0 m, Thailand - onshore plus offshore Gulf of Thailand.
        //   EPSG:1537, Indian 1975 to WGS 84 (3), 1.0 m, Thailand - Bongkot field.
        let context = try ProjContext()
        let candidates = try Transformer.candidates(
            from: CRS("EPSG:4240", context: context),
            to: CRS("EPSG:4326", context: context), context: context)
        #expect(candidates.map(\.identifier) == ["EPSG:1812", "EPSG:1304", "EPSG:1537"])
        #expect(candidates.map(\.accuracy) == [3, 5, 1])
        #expect(
            candidates.map { $0.areaOfUse?.name } == [
                "Thailand - onshore.",
                "Thailand - onshore plus offshore Gulf of Thailand.",
                "Thailand - Bongkot field.",
            ])
        #expect(candidates.allSatisfy { $0.isInstantiable && !$0.isBallpark })
    }

    @Test func anAreaOfInterestKeepsTheOperationsThatMeetIt() throws {
        // Bangkok is outside the Bongkot field: EPSG:1537 drops out.
        let context = try ProjContext()
        let bangkok = LonLatBox(west: 100.3, south: 13.5, east: 100.7, north: 14.0)
        let candidates = try Transformer.candidates(
            from: CRS("EPSG:4240", context: context),
            to: CRS("EPSG:4326", context: context),
            areaOfInterest: bangkok, context: context)
        #expect(candidates.map(\.identifier) == ["EPSG:1812", "EPSG:1304"])
    }

    @Test func operationsWithMissingGridsAreListedAndFlaggedUnlessDiscarded() throws {
        // NAD27 → WGS 84 has many operations needing grids this machine does not have (Debian's proj-data
        // ships few). Listed by default and flagged; left out on request.
        let context = try ProjContext()
        let nad27 = try CRS("EPSG:4267", context: context)
        let wgs84 = try CRS.wgs84(context: context)
        let all = try Transformer.candidates(from: nad27, to: wgs84, context: context)
        let usable = try Transformer.candidates(
            from: nad27, to: wgs84, discardingMissingGrids: true,
            context: context)
        let missing = all.filter { !$0.isInstantiable }
        try #require(!missing.isEmpty, "this machine has every NAD27 grid: the test proves nothing here")
        #expect(usable.count == all.count - missing.count)
        #expect(usable.allSatisfy { $0.isInstantiable })
        // Missing grids are sorted after every usable operation.
        let firstMissing = try #require(all.firstIndex { !$0.isInstantiable })
        #expect(all[firstMissing...].filter { !$0.isBallpark }.allSatisfy { !$0.isInstantiable })
    }
}
