import GeoCoordinates
import Testing

@Suite struct EnvelopeTests {
    @Test func envelopesIntersectWhenTheyShareAnEdgeOrCorner() {
        let box = Envelope(minX: 0, minY: 0, maxX: 1, maxY: 1)
        #expect(box.intersects(Envelope(minX: 1, minY: 1, maxX: 2, maxY: 2)))  // corner
        #expect(box.intersects(Envelope(minX: 0.5, minY: -1, maxX: 0.6, maxY: 3)))  // crossing
        #expect(!box.intersects(Envelope(minX: 1.0001, minY: 0, maxX: 2, maxY: 1)))
        #expect(!box.intersects(Envelope(minX: 0, minY: -2, maxX: 1, maxY: -0.5)))
    }

    @Test func unionIsTheSmallestBoxHoldingBoth() {
        let union = Envelope(minX: 0, minY: 0, maxX: 1, maxY: 1)
            .union(Envelope(minX: -1, minY: 0.5, maxX: 0.5, maxY: 3))
        #expect(union == Envelope(minX: -1, minY: 0, maxX: 1, maxY: 3))
    }

    @Test func descriptionNamesTheCornersAsWKTDoes() {
        #expect(Envelope(minX: 98.25, minY: 7.5, maxX: 98.5, maxY: 8).description == "(98.25 7.5, 98.5 8.0)")
    }
}
