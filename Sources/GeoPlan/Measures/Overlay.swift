import GEOS

/// Overlays of polygons that survive GEOS finding an operand invalid.
enum Overlay {
    /// Runs an overlay; when GEOS finds an operand invalid (an intersection of valid polygons can come out
    /// self-touching by a rounding), runs it again on the operands repaired with MakeValid.
    static func repairing(
        _ first: Geometry, _ second: Geometry,
        _ overlay: (Geometry, Geometry) throws -> Geometry
    ) throws -> Geometry {
        do {
            return try overlay(first, second)
        } catch {
            let fix = { (geometry: Geometry) throws -> Geometry in
                try geometry.makeValid(method: .structure(keepCollapsed: false)).polygonalPart()
            }
            return try overlay(try fix(first), try fix(second))
        }
    }
}
