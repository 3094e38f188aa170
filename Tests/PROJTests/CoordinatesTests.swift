import Testing

@testable import PROJ

@Suite struct CoordinatesTests {
    @Test func aBoxCentreIsItsMiddle() {
        #expect(LonLatBox(west: 97.5, south: 5.5, east: 105.5, north: 20.5).centre == LonLat(lon: 101.5, lat: 13))
    }

    @Test func aBoxAcrossTheAntimeridianHasItsCentreThere() {
        // 170° E to 170° W is 20° wide, centred on 180°.
        #expect(LonLatBox(west: 170, south: -20, east: -170, north: -10).centre == LonLat(lon: 180, lat: -15))
        #expect(LonLatBox(west: 175, south: 0, east: -165, north: 0).centre.lon == -175)
    }

    @Test func positionsPrintLonFirst() {
        #expect(LonLat(lon: 100.5, lat: 13.75).description == "100.5 13.75")
    }
}
