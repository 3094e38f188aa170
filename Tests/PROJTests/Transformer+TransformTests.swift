import Testing

@testable import PROJ

/// Democracy Monument, Bangkok (13.7567 N 100.5018 E, WGS 84) in UTM zone 47N by GeographicLib 2.1.2's own
/// transverse Mercator (`GeoConvert --version`), independent of PROJ:
///   echo "13.7567 100.5018" | GeoConvert -u -p 6               → 47n 662366.321906 1521324.905768
///   echo "47n 662366.321906 1521324.905768" | GeoConvert -g -p 9 → 13.75669999999771 100.50179999999989
/// Tolerance 1 mm in UTM, 1e-9° (0.1 mm) in lon/lat.
@Suite struct TransformerTransformTests {
    let context: ProjContext
    let toUTM: Transformer

    init() throws {
        context = try ProjContext()
        toUTM = try Transformer(
            from: CRS("EPSG:4326", context: context), to: CRS("EPSG:32647", context: context),
            context: context)
    }

    // MARK: - Results against GeographicLib

    @Test func bangkokToUTM47NMatchesGeoConvert() throws {
        // Input is lon, lat although EPSG:4326's official axis order is lat, lon.
        let utm = try toUTM.transform(XY(x: 100.5018, y: 13.7567))
        #expect(abs(utm.x - 662_366.321906) < 1e-3 && abs(utm.y - 1_521_324.905768) < 1e-3)
    }

    @Test func andBackMatchesGeoConvert() throws {
        let lonLat = try toUTM.inverse(XY(x: 662_366.321906, y: 1_521_324.905768))
        #expect(abs(lonLat.x - 100.50179999999989) < 1e-9 && abs(lonLat.y - 13.75669999999771) < 1e-9)
    }

    @Test func geographicToGeographicStaysLonLat() throws {
        // Both CRSs are officially lat/lon; in and out are lon/lat (x ≈ 100.5, y ≈ 13.76). Reference:
        // echo "13.7567 100.5018" | cs2cs -d 9 EPSG:4240 EPSG:4326 → 13.758823431 100.496849300
        let transformer = try Transformer(
            from: CRS("EPSG:4240", context: context),
            to: CRS("EPSG:4326", context: context), context: context)
        let result = try transformer.transform(XY(x: 100.5018, y: 13.7567))
        #expect(abs(result.x - 100.496849300) < 1e-8 && abs(result.y - 13.758823431) < 1e-8)
    }

    // MARK: - Batches

    @Test func anInterleavedBatchEqualsOneByOne() throws {
        var batch = [100.5018, 13.7567, 98.9853, 18.7883, 98.3760, 7.8931]
        let expected = try stride(from: 0, to: batch.count, by: 2).map {
            try toUTM.transform(XY(x: batch[$0], y: batch[$0 + 1]))
        }
        try toUTM.transform(interleaved: &batch)
        #expect(stride(from: 0, to: batch.count, by: 2).map { XY(x: batch[$0], y: batch[$0 + 1]) } == expected)
        try toUTM.inverse(interleaved: &batch)
        #expect(abs(batch[0] - 100.5018) < 1e-9 && abs(batch[5] - 7.8931) < 1e-9)
    }

    @Test func aStrideSkipsTheOtherValues() throws {
        // x, y, z, m: z and m are not touched.
        var xyzm = [100.5018, 13.7567, 25.0, 7.0, 100.5018, 13.7567, -3.0, 8.0]
        try toUTM.transform(interleaved: &xyzm, stride: 4)
        #expect(abs(xyzm[0] - 662_366.321906) < 1e-3 && abs(xyzm[5] - 1_521_324.905768) < 1e-3)
        #expect([xyzm[2], xyzm[3], xyzm[6], xyzm[7]] == [25, 7, -3, 8])
    }

    @Test func callerOwnedMemoryIsTransformedInPlace() throws {
        var storage = [100.5018, 13.7567]
        try storage.withUnsafeMutableBufferPointer { try toUTM.transform(interleaved: $0) }
        #expect(abs(storage[0] - 662_366.321906) < 1e-3)
        try storage.withUnsafeMutableBufferPointer { try toUTM.inverse(interleaved: $0) }
        #expect(abs(storage[0] - 100.5018) < 1e-9)
    }

    @Test func nothingIsNothing() throws {
        var empty: [Double] = []
        try toUTM.transform(interleaved: &empty)
        #expect(empty.isEmpty)
    }

    // MARK: - Failures

    @Test func aLatitudeBeyondThePoleNamesItsPosition() throws {
        var coordinates = [100.5, 13.7, 100.6, 95.0, 100.7, 13.9]
        #expect {
            try toUTM.transform(interleaved: &coordinates)
        } throws: { error in
            error as? PROJError
                == .transformFailed(
                    function: "proj_trans",
                    message: "Invalid coordinate: Invalid latitude",
                    index: 1, x: 100.6, y: 95)
        }
        // The same transformer goes on working, with no stale error.
        #expect(throws: Never.self) { try toUTM.transform(XY(x: 100.5, y: 13.7)) }
        #expect(context.errorNumber == 0 && context.messages.isEmpty)
    }

    @Test func anAbsurdUTMCoordinateCannotBeInverted() throws {
        #expect {
            try toUTM.inverse(XY(x: 1e10, y: 1e10))
        } throws: { error in
            "\(error)" == "cannot transform position (10000000000.0, 10000000000.0): Point outside of projection domain"
        }
    }

    @Test func aFailureFarIntoALongBatchIsFoundWithItsInput() throws {
        // 3,000 positions cross the 1,024-position chunks; position 2,500 has latitude 91.
        var coordinates = [Double]()
        for index in 0..<3_000 { coordinates += [100 + Double(index) * 1e-4, index == 2_500 ? 91 : 13.7] }
        #expect {
            try toUTM.transform(interleaved: &coordinates)
        } throws: { error in
            guard case let .transformFailed(_, _, index, x, y)? = error as? PROJError else { return false }
            return index == 2_500 && x == 100 + 2_500 * 1e-4 && y == 91
        }
    }

    @Test func notANumberIsSaidToBeSo() throws {
        var coordinates = [100.5, .nan]
        #expect {
            try toUTM.transform(interleaved: &coordinates)
        } throws: { error in
            "\(error)".hasSuffix("the input is not a finite number")
        }
    }

    @Test(arguments: [(1, 4), (2, 3), (3, 4)])
    func batchesThatAreNotWholePositionsAreRefused(stride: Int, count: Int) throws {
        var coordinates = [Double](repeating: 0, count: count)
        #expect {
            try toUTM.transform(interleaved: &coordinates, stride: stride)
        } throws: { error in
            guard case .invalidArgument? = error as? PROJError else { return false }
            return true
        }
        #expect(coordinates == [Double](repeating: 0, count: count))
    }
}
