import Foundation
import GeoplanTestSupport
import Testing

@testable import GeoPlan

/// The engine on a real province, against an independent tool.
///
/// Reference: GeographicLib's own `Planimeter -p 12` (Debian geographiclib-tools 2.1.2; no code shared with
/// PROJ's C port) over every ring of each Phuket tambon, holes subtracted and parts added, by
/// `scripts/reference/planimeter_areas.py` after
/// `ogr2ogr -f GeoJSON /tmp/phuket.geojson shapes/tambons/phuket/phuket.shp -lco COORDINATE_PRECISION=15`.
/// Tolerance: 1e-9 relative for areas and perimeters.
@Suite struct RealProvinceTests {
    static let phuket: [String: (area: Double, perimeter: Double)] = [
        "TH830101": (8_104_208.378540, 18_909.710716083), "TH830102": (4_845_061.433590, 10_354.876459240),
        "TH830103": (24_811_318.974320, 37_656.546938045), "TH830104": (31_334_914.394920, 47_851.965545629),
        "TH830105": (33_040_297.120610, 54_081.213478302), "TH830106": (25_920_748.296320, 24_784.511396392),
        "TH830107": (36_017_185.849370, 82_908.661332839), "TH830108": (22_944_788.894970, 35_578.512182633),
        "TH830201": (34_965_842.818160, 28_105.813515073), "TH830202": (23_683_297.672350, 31_123.538441792),
        "TH830203": (20_232_559.143340, 24_240.453811896), "TH830301": (69_863_068.451030, 44_842.749028656),
        "TH830302": (50_535_496.093060, 41_685.879404404), "TH830303": (29_001_530.794980, 36_652.902319262),
        "TH830304": (63_739_735.263130, 66_960.131573503), "TH830305": (50_066_193.645190, 37_874.988430352),
        "TH830306": (18_919_205.808570, 20_683.451136852),
    ]

    @Test func phuketAreasAndPerimetersMatchPlanimeter() throws {
        let spec = Spec(
            boundaries: [
                BoundarySpec(
                    name: "phuket", path: Fixtures.phuket, idField: "ADM3_PCODE",
                    nameFields: ["ADM3_EN"])
            ],
            indicators: [
                IndicatorSpec(id: "area_m2", kind: .area(unit: .squareMetres)),
                IndicatorSpec(id: "perimeter_km", kind: .perimeter),
                IndicatorSpec(id: "area_rai", kind: .area(unit: .rai)),
            ],
            output: OutputSpec(formats: []))
        let rows = try #require(try Runner.run(spec, includeRows: true).boundarySets.first?.rows)
        #expect(rows.count == 17)
        for row in rows {
            let reference = try #require(Self.phuket[row.id])
            let area = try #require(row.values[0].flatMap(Double.init))
            let perimeter = try #require(row.values[1].flatMap(Double.init)) * 1000
            let rai = try #require(row.values[2].flatMap(Double.init))
            #expect(abs(area / reference.area - 1) < 1e-9, "\(row.id): \(area) vs \(reference.area)")
            #expect(abs(perimeter / reference.perimeter - 1) < 1e-9, "\(row.id)")
            #expect(abs(rai * 1600 / reference.area - 1) < 1e-9, "\(row.id)")
        }
    }
}
