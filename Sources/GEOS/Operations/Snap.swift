import CGEOS

// Snapping: moving one geometry's vertices onto another's, so borders digitised separately share vertices
// before they are overlaid.
extension Geometry {
    /// This geometry with its vertices moved onto `reference`'s vertices where they lie within `tolerance`,
    /// and `reference`'s vertices inserted into this geometry's segments that pass within `tolerance` of them.
    /// See `GEOSSnap_r`.
    ///
    /// Only vertices of `reference` attract (a vertex of this geometry near the middle of a reference segment
    /// stays where it is). Tolerance is in the coordinates' units (degrees for lon/lat). The result may be
    /// invalid (a ring can fold onto itself when the tolerance is large against the vertex spacing): check
    /// ``isValid`` and repair with ``makeValid(method:)``.
    public func snapped(to reference: Geometry, tolerance: Double) throws -> Geometry {
        try requireSameContext(reference, "GEOSSnap_r")
        return try context.makeGeometry("GEOSSnap_r") {
            // returns a new geometry, NULL on exception
            GEOSSnap_r($0, handle, reference.handle, tolerance)
        }
    }
}
