import GDAL
import Testing

@testable import GeoPlan

/// The rule at the reader, on its own: which features pass, which are shifted by how much, and what is refused.
@Suite struct LonLatDomainTests {
    static let here = FeatureLocation(path: "x.geojson", layer: "x", featureID: 3)

    /// The shift a feature of these positions gets, or the problem it is refused for.
    static func outcome(_ positions: [(Double, Double)], wraps: Bool) -> Result<Double, CoordinateError> {
        var survey = LonLatSurvey(domain: LonLatDomain(wrapsLongitudes: wraps), location: here)
        do {
            for (lon, lat) in positions { try survey.add(lon: lon, lat: lat) }
            return .success(try survey.shift())
        } catch let error as CoordinateError {
            return .failure(error)
        } catch {
            Issue.record("unexpected \(error)")
            return .success(.nan)
        }
    }

    static func problem(_ positions: [(Double, Double)], wraps: Bool = false) -> CoordinateError.Problem? {
        if case let .failure(error) = outcome(positions, wraps: wraps) { return error.problem }
        return nil
    }

    @Test func inRangeNeedsNoShift() throws {
        #expect(try Self.outcome([(100, 13), (-180, -90), (180, 90)], wraps: false).get() == 0)
        // Rounding past a limit by less than 1e-9° passes, and is clamped back to the limit.
        #expect(try Self.outcome([(180 + 5e-10, 90 + 5e-10)], wraps: false).get() == 0)
        #expect(LonLatSurvey.placed(lon: 180 + 5e-10, lat: 90 + 5e-10, shift: 0) == (180, 90))
    }

    @Test func beyondAPoleIsRefusedWithOrWithoutWrapping() {
        #expect(Self.problem([(100, 80), (101, 95)]) == .beyondPole(longitude: 101, latitude: 95))
        #expect(Self.problem([(100, 80), (101, 95)], wraps: true) == .beyondPole(longitude: 101, latitude: 95))
        #expect(Self.problem([(100, -90 - 2e-9)]) == .beyondPole(longitude: 100, latitude: -90 - 2e-9))
    }

    @Test func notFiniteIsRefused() {
        #expect(Self.problem([(100, 13), (.infinity, 13)]) == .notFinite(x: .infinity, y: 13))
        #expect(Self.problem([(100, 13), (100, -.infinity)], wraps: true) == .notFinite(x: 100, y: -.infinity))
        if case .notFinite = Self.problem([(.nan, 13)]) {} else { Issue.record("NaN passed") }
    }

    @Test func beyond180IsRefusedByDefaultNamingTheRemedy() throws {
        let problem = Self.problem([(500, 13), (501, 14)])
        #expect(problem == .longitudeOutOfRange(longitude: 500, latitude: 13))
        let error = CoordinateError(location: Self.here, problem: try #require(problem))
        #expect("\(error)".hasPrefix("\"x.geojson\", layer \"x\", feature 3: longitude 500.0"))
        #expect("\(error)".contains(Remedy.wrapLongitudes.token))
    }

    @Test func wrappingShiftsAWholeFeatureByWholeTurns() throws {
        #expect(try Self.outcome([(500, 13), (501, 14)], wraps: true).get() == -360)
        #expect(try Self.outcome([(-200, 13), (-190, 14)], wraps: true).get() == 360)
        // 0…360 data: the eastern half moves, the western stays.
        #expect(try Self.outcome([(200, 13), (359.5, 14)], wraps: true).get() == -360)
        #expect(try Self.outcome([(180, 13), (200, 14)], wraps: true).get() == -360)
        #expect(try Self.outcome([(-540, 13), (-539, 14)], wraps: true).get() == 360)
        #expect(try Self.outcome([(540, 13), (540, 14)], wraps: true).get() == -720)
    }

    @Test func aFeatureAcrossTheAntimeridianIsRefusedEvenWhenWrapping() {
        #expect(Self.problem([(170, 13), (190, 14)], wraps: true) == .crossesAntimeridian(west: 170, east: 190))
        #expect(Self.problem([(-190, 13), (-170, 14)], wraps: true) == .crossesAntimeridian(west: -190, east: -170))
        #expect(Self.problem([(100, 13), (500, 14)], wraps: true) == .crossesAntimeridian(west: 100, east: 500))
    }

    @Test func metresAsDegreesAreNeverWrapped() {
        #expect(Self.problem([(500_000, 13), (500_100, 14)], wraps: true) == .beyondWrapLimit(longitude: 500_100))
        #expect(Self.problem([(541, 13)], wraps: true) == .beyondWrapLimit(longitude: 541))
    }

    @Test func shiftsAreCountedAndSaidOnce() {
        var shifts = LongitudeShifts()
        #expect(shifts.warning(path: "x.shp") == nil)
        shifts.record(0)
        shifts.record(-360)
        #expect(
            shifts.warning(path: "x.shp")
                == "x.shp: 1 feature's longitudes shifted by 360° into ±180° (⟦wrap_longitudes⟧)")
        shifts.record(360)
        shifts.record(720)
        #expect(
            shifts.warning(path: "x.shp") == "x.shp: 3 features' longitudes shifted by 360° or 720° into ±180° "
                + "(⟦wrap_longitudes⟧)")
    }
}

/// Reading and rewriting WKB positions agrees with GDAL's own WKB of the same shapes.
@Suite struct WKBPointsTests {
    static func positions(_ wkt: String) throws -> [Double] {
        var all: [Double] = []
        try WKBPoints.forEach(in: try OGRGeometry(wkt: wkt).wkb()) { all += [$0, $1] }
        return all
    }

    @Test func readsEveryPositionOfEveryType() throws {
        #expect(try Self.positions("POINT (1 2)") == [1, 2])
        #expect(try Self.positions("POINT EMPTY") == [])
        #expect(try Self.positions("POINT ZM (1 2 3 4)") == [1, 2])
        #expect(try Self.positions("LINESTRING Z (1 2 9, 3 4 9)") == [1, 2, 3, 4])
        #expect(try Self.positions("POLYGON ((0 0, 1 0, 1 1, 0 0), (0.1 0.1, 0.2 0.1, 0.2 0.2, 0.1 0.1))").count == 16)
        #expect(
            try Self.positions("MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))").suffix(2) == [5, 5])
        #expect(
            try Self.positions("GEOMETRYCOLLECTION (POINT (7 8), LINESTRING M (1 2 0, 3 4 0))")
                == [7, 8, 1, 2, 3, 4])
    }

    @Test func rewritingIsWhatGDALWritesForTheMovedShape() throws {
        var wkb = try OGRGeometry(wkt: "MULTIPOLYGON Z (((500 0 1, 501 0 2, 501 1 3, 500 0 1)))").wkb()
        try WKBPoints.rewrite(&wkb) { ($0 - 360, $1) }
        #expect(wkb == (try OGRGeometry(wkt: "MULTIPOLYGON Z (((140 0 1, 141 0 2, 141 1 3, 140 0 1)))").wkb()))
    }

    @Test func truncatedOrUnknownBytesAreAnErrorNotATrap() throws {
        let whole = try OGRGeometry(wkt: "LINESTRING (1 2, 3 4)").wkb()
        for length in 0..<whole.count {
            #expect(throws: WKBPoints.Malformed.self) {
                try WKBPoints.forEach(in: Array(whole.prefix(length))) { _, _ in }
            }
        }
        var huge = whole
        huge[5...8] = [0xFF, 0xFF, 0xFF, 0xFF]  // 4 billion positions claimed
        #expect(throws: WKBPoints.Malformed.self) { try WKBPoints.forEach(in: huge) { _, _ in } }
        #expect(throws: WKBPoints.Malformed.self) { try WKBPoints.forEach(in: [1, 99, 0, 0, 0]) { _, _ in } }
    }
}
