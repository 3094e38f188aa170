import Foundation
import Testing

@testable import PROJ

@Suite struct TransformerTests {
    @Test func bangkokToUTM47NMatchesGeoConvert() throws {
        // Reference: `echo "13.7567 100.5018" | GeoConvert -u -p 3` (GeographicLib 2.1.2, its own exact
        // transverse Mercator) → 47n 662366.322 1521324.906. Tolerance 1 mm; input is lon/lat although EPSG:4326's
        // official axis order is lat/lon.
        let context = try ProjContext()
        let transformer = try Transformer(from: CRS("EPSG:4326", context: context),
                                          to: CRS("EPSG:32647", context: context), context: context)
        let utm = try transformer.transform(XY(x: 100.5018, y: 13.7567))
        #expect(abs(utm.x - 662_366.322) < 1e-3 && abs(utm.y - 1_521_324.906) < 1e-3)
        let back = try transformer.inverse(utm)
        #expect(abs(back.x - 100.5018) < 1e-9 && abs(back.y - 13.7567) < 1e-9)
        // A conversion, not a datum change: exact.
        #expect(transformer.lastUsedOperation?.accuracy == 0)
    }

    @Test func indian1975OperationsAreListedChosenAndForceable() throws {
        let context = try ProjContext()
        let indian = try CRS("EPSG:4240", context: context)
        let wgs84 = try CRS("EPSG:4326", context: context)
        // `projinfo -s EPSG:4240 -t EPSG:4326 --spatial-test intersects` (PROJ 9.1.1): EPSG:1812 (3 m, onshore),
        // EPSG:1304 (5 m, onshore and Gulf), EPSG:1537 (1 m, Bongkot field).
        let candidates = try Transformer.candidates(from: indian, to: wgs84, context: context)
        let codes = Set(candidates.compactMap(\.identifier))
        #expect(codes.isSuperset(of: ["EPSG:1812", "EPSG:1304", "EPSG:1537"]))
        #expect(candidates.first { $0.identifier == "EPSG:1304" }?.accuracy == 5)

        let automatic = try Transformer(from: indian, to: wgs84, context: context)
        let a = try automatic.transform(XY(x: 100.5018, y: 13.7567))
        #expect(automatic.lastUsedOperation?.identifier == "EPSG:1812")
        #expect(automatic.lastUsedOperation?.accuracy == 3)
        // cs2cs with EPSG:1812's Helmert parameters (+towgs84=293,836,318,0.5,1.6,-2.8,2.1, PROJ 9.1.1) gives
        // 100.49684930 13.75882343.
        #expect(abs(a.x - 100.49684930) < 1e-8 && abs(a.y - 13.75882343) < 1e-8)

        let forced = try Transformer(from: indian, to: wgs84, operation: .definition("EPSG:1304"), context: context)
        #expect(forced.operation?.identifier == "EPSG:1304")
        let b = try forced.transform(XY(x: 100.5018, y: 13.7567))
        // cs2cs … +towgs84=210,814,289 … → 100.49851879 13.75836419.
        #expect(abs(b.x - 100.49851879) < 1e-8 && abs(b.y - 13.75836419) < 1e-8)
    }

    @Test func aCRSIsNotAnOperation() throws {
        let context = try ProjContext()
        #expect {
            try Transformer(from: CRS("EPSG:4240", context: context), to: CRS("EPSG:4326", context: context),
                            operation: .definition("EPSG:4326"), context: context)
        } throws: { error in
            "\(error)".contains("EPSG:4326")
        }
    }

    @Test func failuresNameTheCoordinate() throws {
        let context = try ProjContext()
        let transformer = try Transformer(from: CRS("EPSG:4326", context: context),
                                          to: CRS("EPSG:32647", context: context), context: context)
        var coordinates = [100.5, 13.7, 100.6, 95.0]  // the second point's latitude is beyond the pole
        #expect {
            try transformer.transform(interleaved: &coordinates)
        } throws: { error in
            guard case let PROJError.transformFailed(_, _, index, _, y) = error else { return false }
            return index == 1 && y == 95
        }
        // The next call on the same transformer succeeds.
        #expect(throws: Never.self) { try transformer.transform(XY(x: 100.5, y: 13.7)) }
    }

    @Test func aContextPerThreadGivesIdenticalResults() throws {
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 8) { index in
            guard let context = try? ProjContext(),
                  let source = try? CRS("EPSG:4240", context: context),
                  let target = try? CRS("EPSG:4326", context: context),
                  let transformer = try? Transformer(from: source, to: target, context: context),
                  let point = try? transformer.transform(XY(x: 100.5018, y: 13.7567)) else { return }
            results.set(index, point.x * 1000 + point.y)
        }
        #expect(results.all.count == 8)
        #expect(Set(results.all).count == 1)
    }
}
