import Testing

@testable import GeoPlan

extension MapRenderTests {
    @Suite struct ScaleBarTests {
        @Test func picksTheLongestRoundLengthThatFits() {
            // 0.01 units per metre: 250 units hold 25 km, so 20 km (200 units).
            let bar = ScaleBar(unitsPerMetre: 0.01, maxWidth: 250)
            #expect(bar.metres == 20_000 && bar.width == 200 && bar.label == "20 km")
            #expect(ScaleBar(unitsPerMetre: 0.01, maxWidth: 499).label == "20 km")
            #expect(ScaleBar(unitsPerMetre: 0.01, maxWidth: 500).label == "50 km")
            #expect(ScaleBar(unitsPerMetre: 1, maxWidth: 150).label == "100 m")
            #expect(ScaleBar(unitsPerMetre: 1, maxWidth: 1000).label == "1 km")
        }

        @Test func everyLengthIsOneTwoOrFiveTimesAPowerOfTen() {
            var seen: Set<Double> = []
            for step in 1...60 {
                seen.insert(ScaleBar(unitsPerMetre: 1, maxWidth: Double(step * step * 37)).metres)
            }
            #expect(
                seen.allSatisfy { metres in
                    [1.0, 2, 5].contains { lead in (0...6).contains { metres == lead * Double(Int(pow10($0))) } }
                }, "\(seen.sorted())")
        }

        private func pow10(_ n: Int) -> Int { (0..<n).reduce(1) { value, _ in value * 10 } }
    }
}
