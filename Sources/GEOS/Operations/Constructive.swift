import CGEOS

// Operations that build a new geometry from one.
extension Geometry {
    /// The area within `distance` of this geometry (negative shrinks polygons), with round joins and caps;
    /// a quarter circle is approximated by `quadrantSegments` segments. See `GEOSBuffer_r`.
    public func buffer(distance: Double, quadrantSegments: Int = 8) throws -> Geometry {
        try context.makeGeometry("GEOSBuffer_r") {
            // returns NULL on exception
            GEOSBuffer_r($0, handle, distance, Int32(clamping: quadrantSegments))
        }
    }

    /// A point guaranteed to lie in the interior of a polygon (or on a line); unlike the centroid, it is
    /// inside concave shapes. Empty for an empty input. See `GEOSPointOnSurface_r`.
    public func pointOnSurface() throws -> Geometry {
        try context.makeGeometry("GEOSPointOnSurface_r") {
            // returns NULL on exception
            GEOSPointOnSurface_r($0, handle)
        }
    }

    /// The centre of mass of the highest-dimension parts; may lie outside a concave polygon. Empty for an
    /// empty input. See `GEOSGetCentroid_r`.
    public func centroid() throws -> Geometry {
        try context.makeGeometry("GEOSGetCentroid_r") {
            // returns NULL on exception
            GEOSGetCentroid_r($0, handle)
        }
    }

    /// The bounding box as a geometry: a Polygon (of zero area for a horizontal or vertical line), a Point
    /// for a single point, an empty Point for an empty input. See `GEOSEnvelope_r`.
    public func envelopeGeometry() throws -> Geometry {
        try context.makeGeometry("GEOSEnvelope_r") {
            // returns NULL on exception
            GEOSEnvelope_r($0, handle)
        }
    }

    /// A copy in GEOS's normal form: shells clockwise, holes counter-clockwise, rings starting at their
    /// smallest coordinate, collection members sorted. See `GEOSNormalize_r`.
    public func normalized() throws -> Geometry {
        let copy = try clone()
        // returns 0 on success, -1 on exception; changes the copy in place (no one else holds it yet)
        guard context.call({ GEOSNormalize_r($0, copy.handle) }) == 0 else {
            throw context.failure("GEOSNormalize_r")
        }
        return copy
    }
}
