import GDAL
import GEOS

/// Turns a feature's GDAL geometry into a GEOS one and checks it.
enum GeometryCheck {
    /// The status of a geometry and, when GEOS could build it, the GEOS geometry (x/y only, curves linearised).
    static func status(of geometry: OGRGeometry?, context: GEOSContext) -> (GeometryStatus, Geometry?) {
        guard let geometry else { return (.missing, nil) }
        guard !geometry.isEmpty else { return (.empty, nil) }
        let geos: Geometry
        do {
            geos = try geometry.geosGeometry(context: context)
        } catch {
            // GEOS refuses to build rings that are not closed or have fewer than 4 points; that is invalidity too.
            return (.invalid(reason: GeometryCheck.readerReason(error), location: nil), nil)
        }
        let validity: ValidityReport
        do {
            validity = try geos.validity()
        } catch {
            return (.invalid(reason: "GEOS cannot check it: \(error)", location: nil), nil)
        }
        guard !validity.isValid else { return (.valid, geos) }
        let location = validity.location.map { Coordinate(x: $0.x, y: $0.y) }
        return (.invalid(reason: validity.reason ?? "invalid", location: location), geos)
    }

    /// GEOS reader messages in a planner's words ("IllegalArgumentException: Points of LinearRing do not form a
    /// closed linestring" → "Ring not closed").
    static func readerReason(_ error: any Error) -> String {
        let text = "\(error)"
        if text.contains("closed linestring") { return "Ring not closed" }
        if text.contains("Invalid number of points in LinearRing") { return "Too few points in ring" }
        if text.contains("must be 0 or >= 2") || text.contains("Invalid number of points") { return "Too few points" }
        return "Unreadable geometry: " + text
    }
}
