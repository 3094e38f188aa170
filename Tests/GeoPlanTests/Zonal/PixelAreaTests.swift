import Foundation
import PROJ
import Testing

@testable import GeoPlan

extension ZonalTests {
    /// Pixel areas on WGS 84 against independent references: GeographicLib's area of the whole ellipsoid, PROJ's
    /// geodesic polygon area (GeographicLib's algorithm, `geod_polygonarea`) and the local scale factors of the
    /// ellipsoid.
    @Suite struct PixelAreaTests {
        /// Σ of every row of a global 1° grid × 360 columns = the ellipsoid's area, 510,065,621,724,088.5 m² (the
        /// value GeographicLib publishes for WGS 84, 5.10065621724e14 m²), within 1e-9 relative.
        @Test func globalGridAddsUpToTheEllipsoid() throws {
            let grid = try #require(
                PixelGrid(
                    originX: -180, originY: 90, pixelWidth: 1, pixelHeight: 1, columns: 360,
                    rows: 180))
            let total = (0..<grid.rows).map { PixelArea.squareMetres(row: $0, in: grid) }.reduce(0, +) * 360
            let reference = 510_065_621_724_088.5
            #expect(abs(total - reference) <= 1e-9 * reference, "\(total) m²")
            #expect(abs(4 * .pi * PixelArea.authalicIntegral(latitude: 90) - reference) <= 1e-9 * reference)
            // Rows are symmetric about the equator and positive.
            #expect(PixelArea.squareMetres(row: 0, in: grid) == PixelArea.squareMetres(row: 179, in: grid))
            #expect((0..<grid.rows).allSatisfy { PixelArea.squareMetres(row: $0, in: grid) > 0 })
        }

        /// A 0.001° pixel at the equator and at 20° N against PROJ's geodesic area of the same pixel, its parallels
        /// densified to 1,000 points each (a parallel is not a geodesic; at 0.1 m per piece the difference is
        /// ~1e-8 m², far below 1e-8 relative of ~1.2e4 m²). Tolerance 1e-8 relative.
        @Test(arguments: [0.0, 20.0])
        func smallPixelMatchesPROJGeodesicArea(south: Double) throws {
            let size = 0.001
            let grid = try #require(
                PixelGrid(
                    originX: 100, originY: south + size, pixelWidth: size, pixelHeight: size,
                    columns: 1, rows: 1))
            let area = PixelArea.squareMetres(row: 0, in: grid)
            var ring: [Double] = []
            // East along the south edge, then back west along the north one, corners included; the meridians
            // between them are geodesics already.
            for step in 0...1000 { ring += [100 + size * Double(step) / 1000, south] }
            for step in 0...1000 { ring += [100 + size - size * Double(step) / 1000, south + size] }
            let reference = abs(Geodesic.wgs84.ringMeasure(interleavedLonLat: ring).signedArea)
            #expect(abs(area - reference) <= 1e-8 * reference, "\(area) vs PROJ \(reference) m²")
        }

        /// The 20° N pixel is smaller than the equator's by cos φ/(1 − e² sin² φ)² at the pixels' middle latitudes
        /// (the parallel's radius N·cos φ and the meridian's M, both over their equator values), within 1e-9 relative
        /// (the middle-latitude rule is off by ~Δφ² ≈ 3e-10): about cos 20° = 0.9397 times an ellipsoid correction of
        /// about 1.0016, which the check also requires to be visible.
        @Test func shrinksWithLatitudeAsTheEllipsoidDoes() throws {
            let size = 0.001
            func pixel(south: Double) throws -> Double {
                let grid = try #require(
                    PixelGrid(
                        originX: 0, originY: south + size, pixelWidth: size,
                        pixelHeight: size, columns: 1, rows: 1))
                return PixelArea.squareMetres(row: 0, in: grid)
            }
            let ratio = try pixel(south: 20) / pixel(south: 0)
            let f = 1 / 298.257_223_563
            let e2 = f * (2 - f)
            func scale(_ degrees: Double) -> Double {
                let phi = degrees * .pi / 180
                return cos(phi) / pow(1 - e2 * sin(phi) * sin(phi), 2)
            }
            let expected = scale(20 + size / 2) / scale(size / 2)
            #expect(abs(ratio - expected) <= 1e-9 * expected, "ratio \(ratio), expected \(expected)")
            let sphere = cos((20 + size / 2) * .pi / 180)
            #expect(ratio / sphere > 1.0015 && ratio / sphere < 1.0017)
        }

        /// Thin bands keep their precision: 1e-9° bands at 60° N add up to the 1e-3° band within 1e-9 relative
        /// (S(φ2) − S(φ1) done naively would lose ~6 digits here).
        @Test func thinBandsAddUp() {
            let wide = PixelArea.band(south: 60, north: 60.001, longitudeWidth: 1)
            var sum = 0.0
            for step in 0..<1000 {
                let south = 60 + Double(step) * 1e-6
                sum += PixelArea.band(south: south, north: 60 + Double(step + 1) * 1e-6, longitudeWidth: 1)
            }
            #expect(abs(sum - wide) <= 1e-9 * wide)
            #expect(PixelArea.band(south: 60.001, north: 60, longitudeWidth: 1) == -wide)
            #expect(PixelArea.band(south: 90, north: 95, longitudeWidth: 1) == 0)  // beyond the pole
        }
    }
}
