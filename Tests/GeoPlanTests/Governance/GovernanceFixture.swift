import GEOS

@testable import GeoPlan

/// The hand-made case and the helpers the governance tests share.
///
/// Two tambons side by side near Bangkok, T1 = [100.0, 100.1] × [13.0, 13.1] and T2 = [100.1, 100.2] × [13.0, 13.1];
/// a town municipality M1 = [100.05, 100.15] × [13.02, 13.08] straddling their shared meridian; a subdistrict
/// municipality M2 = [100.16, 100.19] × [13.01, 13.04] inside T2.
///
/// Reference areas are GeographicLib's own `Planimeter -p 12` (Debian geographiclib-tools 2.1.2, a separate
/// program from PROJ's C port used by geoplan) on the hand-written vertices of each piece, e.g.
/// `printf "13.02 100.05\n13.02 100.1\n13.08 100.1\n13.08 100.05\n" | Planimeter -p 12` → 35998081.26689 m².
/// Each piece is measured with its own vertices: the geodesic through (100.05, 13.02) and (100.15, 13.02) is not
/// the one through (100.1, 13.02), so M1's area (71996174.2 m²) is not the sum of its two pieces' (71996162.5 m²).
struct GovernanceFixture {
    let context: GEOSContext

    init() throws {
        context = try GEOSContext()
    }

    enum Reference {
        static let m1InT1 = 35_998_081.26689
        static let m1InT2 = 35_998_081.26690
        static let m2 = 10_800_487.81192
        /// T1 with M1's notch: `13.0 100.0, 13.0 100.1, 13.02 100.1, 13.02 100.05, 13.08 100.05, 13.08 100.1,
        /// 13.1 100.1, 13.1 100.0`.
        static let t1Remainder = 83_995_532.90657
        /// T2 with M1's notch (83995532.90658 m²) minus M2 (a hole of the same four vertices as M2).
        static let t2Remainder = 83_995_532.90658 - 10_800_487.81192
        /// A whole 0.1° cell, e.g. T1.
        static let cell = 119_993_614.17346
    }

    func box(_ minX: Double, _ minY: Double, _ maxX: Double, _ maxY: Double) throws -> Geometry {
        try Geometry.polygon(
            exterior: [
                XY(minX, minY), XY(maxX, minY), XY(maxX, maxY), XY(minX, maxY),
                XY(minX, minY),
            ], context: context)
    }

    /// A municipality whose polygon is a box.
    func municipality(
        _ code: String, _ type: LocalGovernmentType, _ minX: Double, _ minY: Double, _ maxX: Double,
        _ maxY: Double
    ) throws -> MunicipalityInput {
        MunicipalityInput(code: code, type: type, geometry: try box(minX, minY, maxX, maxY))
    }

    func geometry(_ wkt: String) throws -> Geometry {
        try Geometry(wkt: wkt, context: context)
    }

    var t1: TambonInput { get throws { TambonInput(code: "T1", geometry: try box(100.0, 13.0, 100.1, 13.1)) } }
    var t2: TambonInput { get throws { TambonInput(code: "T2", geometry: try box(100.1, 13.0, 100.2, 13.1)) } }
    var m1: MunicipalityInput { get throws { try municipality("M1", .town, 100.05, 13.02, 100.15, 13.08) } }
    var m2: MunicipalityInput { get throws { try municipality("M2", .subdistrict, 100.16, 13.01, 100.19, 13.04) } }

    /// Degrees of longitude that span `metres` at 13.05° N (the cells' middle).
    static func lonDegrees(_ metres: Double) -> Double {
        metres / LocalFrame(latitude: 13.05).metresPerDegreeLon
    }

    /// Degrees of latitude that span `metres` at 13.05° N.
    static func latDegrees(_ metres: Double) -> Double {
        metres / LocalFrame(latitude: 13.05).metresPerDegreeLat
    }

    /// The planar area (square degrees) of the symmetric difference: 0 for the same point set, and about 1e-20
    /// per metre of border when vertices differ by rounding.
    static func difference(_ a: Geometry, _ b: Geometry) throws -> Double {
        try a.symmetricDifference(b).area
    }

    /// The unit of `code` in tambon `tambon`, if any.
    static func unit(_ result: GovernancePartitionResult, _ tambon: String, _ code: String) -> GovernanceUnit? {
        result.units.first { $0.tambonCode == tambon && $0.localGovernmentCode == code }
    }
}
