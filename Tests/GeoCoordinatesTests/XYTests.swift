import GeoCoordinates
import Testing

@Suite struct XYTests {
    @Test func descriptionsReadLikeWKTCoordinates() {
        #expect(XY(1.5, -2).description == "1.5 -2.0")
        #expect(XY(x: 662_366.3, y: 1_521_324.9).description == "662366.3 1521324.9")
    }

    @Test func labelledAndUnlabelledAreTheSame() {
        #expect(XY(x: 1, y: 2) == XY(1, 2))
        #expect(XY(1, 2) != XY(2, 1))
    }
}
