import Foundation
import GEOS
import Testing

@testable import GeoPlan

extension MapRenderTests {
    @Suite struct SVGPathTests {
        /// Adds the relative moves back up: they land exactly on the rounded points, the closing point and repeats
        /// dropped, so rounding never drifts along a long ring.
        @Test func relativeMovesLandOnTheRoundedPoints() {
            var ring: [XY] = []
            for step in 0..<500 {
                let angle = Double(step) / 500 * 2 * .pi
                ring.append(XY(300 + 250.123_456 * cos(angle), 300 + 180.987_654 * sin(angle)))
            }
            ring.append(ring[0])
            let d = SVGPath(decimals: 1).data([ring])
            let numbers = d.dropFirst().replacingOccurrences(of: "l", with: " ").replacingOccurrences(of: "z", with: "")
                .replacingOccurrences(of: "-", with: " -").split(separator: " ").compactMap { Double($0) }
            var x = numbers[0]
            var y = numbers[1]
            var points = [XY(x, y)]
            for pair in stride(from: 2, to: numbers.count, by: 2) {
                x += numbers[pair]
                y += numbers[pair + 1]
                points.append(XY((x * 10).rounded() / 10, (y * 10).rounded() / 10))
            }
            let rounded = ring.dropLast().map { XY(($0.x * 10).rounded() / 10, ($0.y * 10).rounded() / 10) }
            var distinct: [XY] = []
            for point in rounded where distinct.last != point { distinct.append(point) }
            #expect(points == distinct)
            #expect(d.hasSuffix("z") && d.filter { $0 == "M" }.count == 1)
        }

        @Test func ringsTooSmallToSeeAreLeftOut() {
            let speck = [XY(1.01, 1.01), XY(1.02, 1.01), XY(1.02, 1.02)]
            #expect(SVGPath(decimals: 1).data([speck]) == "")
            #expect(SVGPath(decimals: 2).data([speck]) == "M1.01 1.01l0.01 0 0 0.01z")
        }

        @Test func numbersAreShort() {
            #expect(
                SVGNumber.format(12.0) == "12" && SVGNumber.format(-0.04) == "0"
                    && SVGNumber.format(-0.25, decimals: 2)
                        == "-0.25"
                    && SVGNumber.format(3.05, decimals: 2) == "3.05" && SVGNumber.format(100.5) == "100.5")
        }

        /// A value no Int can count (a joined 1e300) is printed, not converted: `Int(_:)` would trap.
        @Test func hugeValuesArePrintedNotTrapped() {
            #expect(SVGNumber.format(1e300) == "1e+300" && SVGNumber.format(-4e18, decimals: 2) == "-4e+18")
            #expect(MapValueFormat.format(1e300) == "1e+300")
            #expect(SVGNumber.format(.nan) == "0")
        }
    }
}
