import Foundation
import Locking
import Testing

@testable import PROJ

/// Indian 1975 (EPSG:4240) → WGS 84 in Thailand: the candidates PROJ 9.1.1 lists
/// (`projinfo -s EPSG:4240 -t EPSG:4326 --spatial-test intersects --summary`):
///   EPSG:1812, Indian 1975 to WGS 84 (4), 3.0 m, Thailand - onshore.
///   EPSG:1304, Indian 1975 to WGS 84 (2), 5.0 m, Thailand - onshore plus offshore Gulf of Thailand.
///   EPSG:1537, Indian 1975 to WGS 84 (3), 1.0 m, Thailand - Bongkot field.
/// Reference positions for Democracy Monument, Bangkok (13.7567 N 100.5018 E, taken as Indian 1975):
///   echo "13.7567 100.5018" | cs2cs -d 9 EPSG:4240 EPSG:4326  → 13.758823431 100.496849300 (EPSG:1812)
///   echo "13.7567 100.5018 0 0" | cct -d 9 EPSG:1304          → 13.758364188 100.498518790
///   echo "13.7567 100.5018 0 0" | cct -d 9 EPSG:1537          → 13.758360392 100.498532579
/// and how far each moves it (GeographicLib 2.1.2, `GeodSolve -i -p 3`):
///   echo "13.7567 100.5018 13.758823431 100.496849300" | GeodSolve -i -p 3        → … 584.675
///   echo "13.7567 100.5018 13.758364188 100.498518790" | GeodSolve -i -p 3        → … 399.774
///   echo "13.758823431 100.496849300 13.758364188 100.498518790" | GeodSolve -i -p 3 → … 187.561
/// Tolerances: 1e-8° (about 1 mm) on positions printed to 1e-9°; 2 mm on the distances.
@Suite struct TransformerTests {
    let monument = XY(x: 100.5018, y: 13.7567)

    func indianToWGS84(_ choice: OperationChoice = .automatic) throws -> Transformer {
        let context = try ProjContext()
        return try Transformer(
            from: CRS("EPSG:4240", context: context), to: CRS("EPSG:4326", context: context),
            operation: choice, context: context)
    }

    // MARK: - PROJ's choice, reported

    @Test func automaticReportsTheOperationItUsedAndItsAccuracy() throws {
        let transformer = try indianToWGS84()
        #expect(transformer.operation == nil)
        #expect(transformer.lastUsedOperation == nil)  // nothing transformed yet
        let moved = try transformer.transform(monument)
        #expect(abs(moved.x - 100.496849300) < 1e-8 && abs(moved.y - 13.758823431) < 1e-8)
        let used = try #require(transformer.lastUsedOperation)
        #expect(used.identifier == "EPSG:1812" && used.accuracy == 3)
        #expect(used.name == "Indian 1975 to WGS 84 (4)")
        // The datum shift moves the monument 584.675 m: never ignore it.
        let shift = Geodesic.wgs84.inverse(
            from: LonLat(lon: monument.x, lat: monument.y),
            to: LonLat(lon: moved.x, lat: moved.y)
        ).distance
        #expect(abs(shift - 584.675) < 0.002)
    }

    @Test func forcingEPSG1304GivesItsOwnResult() throws {
        let automatic = try indianToWGS84()
        let forced = try indianToWGS84(.definition("EPSG:1304"))
        #expect(forced.operation?.identifier == "EPSG:1304" && forced.operation?.accuracy == 5)
        let a = try automatic.transform(monument)
        let b = try forced.transform(monument)
        #expect(abs(b.x - 100.498518790) < 1e-8 && abs(b.y - 13.758364188) < 1e-8)
        #expect(forced.lastUsedOperation?.identifier == "EPSG:1304")
        // EPSG's stated accuracies (3 m, 5 m) do not bound the disagreement: 187.561 m between the two.
        let apart = Geodesic.wgs84.inverse(from: LonLat(lon: a.x, lat: a.y), to: LonLat(lon: b.x, lat: b.y)).distance
        #expect(abs(apart - 187.561) < 0.002)
        let shift = Geodesic.wgs84.inverse(
            from: LonLat(lon: monument.x, lat: monument.y),
            to: LonLat(lon: b.x, lat: b.y)
        ).distance
        #expect(abs(shift - 399.774) < 0.002)
    }

    @Test func theChoiceForAnAreaIsTheOneForItsCentre() throws {
        let transformer = try indianToWGS84()
        // Bangkok: onshore, EPSG:1812 (3 m) beats EPSG:1304 (5 m).
        let bangkok = LonLatBox(west: 100.3, south: 13.5, east: 100.7, north: 14.0)
        #expect(try transformer.chosenOperation(forLonLatArea: bangkok)?.identifier == "EPSG:1812")
        // The Bongkot gas field in the Gulf (area of EPSG:1537: 102.16–103.05 E, 6.74–8.16 N): EPSG:1537 (1 m).
        let bongkot = LonLatBox(west: 102.4, south: 7.3, east: 102.8, north: 7.7)
        #expect(try transformer.chosenOperation(forLonLatArea: bongkot)?.identifier == "EPSG:1537")
        // Asking does not change what the last transformation used.
        #expect(transformer.lastUsedOperation == nil)
        // Transforming a point of the field does use EPSG:1537: cct -d 9 EPSG:1537 on "7.5 102.6".
        _ = try transformer.transform(XY(x: 102.6, y: 7.5))
        #expect(transformer.lastUsedOperation?.identifier == "EPSG:1537")
    }

    @Test func theChoiceForAnAreaInAProjectedCRS() throws {
        // Indian 1975 / UTM zone 47N (EPSG:24047) → WGS 84: the area's centre is projected first.
        let context = try ProjContext()
        let transformer = try Transformer(
            from: CRS("EPSG:24047", context: context),
            to: CRS("EPSG:4326", context: context), context: context)
        let bangkok = LonLatBox(west: 100.3, south: 13.5, east: 100.7, north: 14.0)
        let chosen = try #require(try transformer.chosenOperation(forLonLatArea: bangkok))
        #expect(chosen.name.contains("Indian 1975 to WGS 84 (4)"))
        #expect(chosen.accuracy == 3)
    }

    // MARK: - Forced operations

    @Test func aForcedOperationIsJoinedToProjectedCRSsExactly() throws {
        // Data in Indian 1975 / UTM 47N (EPSG:24047) to WGS 84 / UTM 47N (EPSG:32647) through EPSG:1304: the
        // inverse projection, the datum shift, the projection. The monument in EPSG:24047:
        //   echo "13.7567 100.5018" | cs2cs -d 6 EPSG:4240 EPSG:24047              → 662344.151926 1521203.714188
        // and EPSG:1304's result (above) in EPSG:32647, by GeographicLib:
        //   echo "13.758364188 100.498518790" | GeoConvert -u -p 6                 → 47n 662010.357935 1521506.799575
        // Tolerance 1 mm.
        let context = try ProjContext()
        let transformer = try Transformer(
            from: CRS("EPSG:24047", context: context),
            to: CRS("EPSG:32647", context: context),
            operation: .definition("EPSG:1304"), context: context)
        let result = try transformer.transform(XY(x: 662_344.151926, y: 1_521_203.714188))
        #expect(abs(result.x - 662_010.357935) < 1e-3 && abs(result.y - 1_521_506.799575) < 1e-3)
        #expect(transformer.operation?.identifier == "EPSG:1304")
        // Back within 5 mm: a 2D datum shift through geocentric coordinates keeps heights at 0 on both
        // ellipsoids, so its inverse undoes it to a few millimetres, not exactly.
        let back = try transformer.inverse(result)
        #expect(abs(back.x - 662_344.151926) < 5e-3 && abs(back.y - 1_521_203.714188) < 5e-3)
    }

    @Test func aForcedOperationIsTurnedRoundWhenItRunsTheOtherWay() throws {
        // WGS 84 → Indian 1975 through EPSG:1304, which is defined Indian 1975 → WGS 84: its inverse is used.
        let context = try ProjContext()
        let transformer = try Transformer(
            from: CRS("EPSG:4326", context: context),
            to: CRS("EPSG:4240", context: context),
            operation: .definition("EPSG:1304"), context: context)
        #expect(transformer.operation?.name == "Inverse of Indian 1975 to WGS 84 (2)")
        // echo "13.758364188 100.498518790 0 0" | cct -d 12 -I EPSG:1304 → 13.756700010622 100.501799978959:
        // 2 mm short of the monument (see the 2D datum-shift note above). Tolerance 1e-9°.
        let back = try transformer.transform(XY(x: 100.498518790, y: 13.758364188))
        #expect(abs(back.x - 100.501799978959) < 1e-9 && abs(back.y - 13.756700010622) < 1e-9)
    }

    @Test func anOperationBetweenOtherCRSsIsRefused() throws {
        // EPSG:15851 is NAD27 to WGS 84 (`projinfo EPSG:15851`).
        #expect {
            try indianToWGS84(.definition("EPSG:15851"))
        } throws: { error in
            "\(error)" == #"cannot use coordinate operation "EPSG:15851": it transforms NAD27 (EPSG:4267) to WGS 84 "#
                + #"(EPSG:4326), not Indian 1975 (EPSG:4240) to WGS 84 (EPSG:4326)"#
        }
    }

    @Test func everyCandidatesDefinitionForcesThatCandidate() throws {
        let context = try ProjContext()
        let source = try CRS("EPSG:4240", context: context)
        let target = try CRS("EPSG:4326", context: context)
        for candidate in try Transformer.candidates(from: source, to: target, context: context) {
            let definition = try #require(candidate.definition)
            let forced = try Transformer(
                from: source, to: target, operation: .definition(definition),
                context: context)
            #expect(forced.operation?.identifier == candidate.identifier)
        }
    }

    // MARK: - Contexts and threads

    @Test func crssFromAnotherContextAreRefused() throws {
        let mine = try ProjContext()
        let theirs = try ProjContext()
        #expect(throws: PROJError.self) {
            try Transformer(
                from: CRS("EPSG:4240", context: theirs), to: CRS("EPSG:4326", context: mine),
                context: mine)
        }
    }

    /// Indian 1975 lon/lat → WGS 84 → UTM 47N, with a context of its own.
    static func indianToUTM(_ input: [Double]) throws -> [Double] {
        let context = try ProjContext()
        let indian = try Transformer(
            from: CRS("EPSG:4240", context: context),
            to: CRS("EPSG:4326", context: context), context: context)
        let utm = try Transformer(
            from: CRS("EPSG:4326", context: context),
            to: CRS("EPSG:32647", context: context), context: context)
        var coordinates = input
        try indian.transform(interleaved: &coordinates)
        try utm.transform(interleaved: &coordinates)
        return coordinates
    }

    @Test func aContextPerThreadGivesIdenticalResults() throws {
        // Eight threads, each with its own context, CRSs and transformers, transform the same 2,000 positions
        // at once; every thread's output equals the single-threaded output bit for bit.
        var input: [Double] = []
        for index in 0..<2_000 {
            input += [100 + Double(index % 50) * 0.01, 13 + Double(index / 50) * 0.01]
        }
        let expected = try Self.indianToUTM(input)
        let slots = LockedBox([Int: [Double]]())
        DispatchQueue.concurrentPerform(iterations: 8) { [input] index in
            if let result = try? Self.indianToUTM(input) { slots.withLock { $0[index] = result } }
        }
        #expect(slots.current.count == 8)
        #expect(slots.current.values.allSatisfy { $0 == expected })
    }
}
