import GEOS
import PROJ

@testable import GeoPlan

/// The hand-made case, shared by the interpolation suites: lon/lat rectangles (tambons T1, T2 and the
/// municipalities M1, M2 in the suites' comments) in one GEOS context, and their geodesic areas.
protocol HandMadeCase {
    var context: GEOSContext { get }
}

extension HandMadeCase {
    /// The rectangle [w, e] × [s, n] in lon/lat.
    func box(_ w: Double, _ s: Double, _ e: Double, _ n: Double) throws -> Geometry {
        try Geometry(wkt: "POLYGON ((\(w) \(s), \(e) \(s), \(e) \(n), \(w) \(n), \(w) \(s)))", context: context)
    }

    /// Its geodesic area (PROJ's GeographicLib polygon area), m².
    func area(_ w: Double, _ s: Double, _ e: Double, _ n: Double) -> Double {
        abs(Geodesic.wgs84.polygonMeasure(exterior: [w, s, e, s, e, n, w, n, w, s]).area)
    }
}
