import GEOS
import Testing

@testable import GeoPlan

/// Metres per degree against GeographicLib's `GeodSolve -i -p 9` (geographiclib-tools 2.1.2), e.g.
/// `GeodSolve -i -p 9 <<< "13.05 0 13.05 0.01"` → 1084.629973083 m. Tolerance 1e-9 relative.
@Suite struct LocalFrameTests {
    @Test func metresPerDegreeMatchGeodSolve() {
        let frame = LocalFrame(latitude: 13.05)
        #expect(abs(frame.metresPerDegreeLon - 108_462.9973083) <= 1e-4)
        #expect(abs(frame.metresPerDegreeLat - 110_630.9119839) <= 1e-4)
        let equator = LocalFrame(latitude: 0)
        #expect(abs(equator.metresPerDegreeLon - 111_319.4907933) <= 1e-4)
        #expect(abs(equator.metresPerDegreeLat - 110_574.2758244) <= 1e-4)
    }

    /// Tolerances in degrees never span more than the metres asked for (they use the longer degree), search
    /// reaches never less (the shorter one).
    @Test func degreesForToleranceAndReach() {
        let frame = LocalFrame(latitude: 13.05)
        #expect(abs(frame.degrees(forMetres: 5) - 5 / 110_630.9119839) <= 1e-15)
        #expect(abs(frame.reachDegrees(forMetres: 5) - 5 / 108_462.9973083) <= 1e-15)
        let distance = frame.distance(XY(100, 13), XY(100.01, 13.01))
        #expect(
            abs(distance - (1_084.629973083 * 1_084.629973083 + 1_106.309119839 * 1_106.309119839).squareRoot())
                <= 1e-6)
    }
}
