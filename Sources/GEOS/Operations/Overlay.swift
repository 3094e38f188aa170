import CGEOS

// Set-theoretic overlay (OverlayNG in GEOS 3.11). Inputs must be valid: an invalid polygon makes GEOS
// throw `TopologyException: Input geom 0 is invalid: Self-intersection at x y`; repair with `makeValid`.
extension Geometry {
    /// The points shared by both. See `GEOSIntersection_r`.
    public func intersection(_ other: Geometry) throws -> Geometry {
        try overlay(other, "GEOSIntersection_r") {
            // returns NULL on exception
            GEOSIntersection_r($0, $1, $2)
        }
    }

    /// The points in either. See `GEOSUnion_r`.
    public func union(_ other: Geometry) throws -> Geometry {
        try overlay(other, "GEOSUnion_r") {
            // returns NULL on exception
            GEOSUnion_r($0, $1, $2)
        }
    }

    /// The points of this geometry not in `other`. See `GEOSDifference_r`.
    public func difference(_ other: Geometry) throws -> Geometry {
        try overlay(other, "GEOSDifference_r") {
            // returns NULL on exception
            GEOSDifference_r($0, $1, $2)
        }
    }

    /// The points in exactly one of the two. See `GEOSSymDifference_r`.
    public func symmetricDifference(_ other: Geometry) throws -> Geometry {
        try overlay(other, "GEOSSymDifference_r") {
            // returns NULL on exception
            GEOSSymDifference_r($0, $1, $2)
        }
    }

    /// The union of all parts of this geometry (dissolves a MultiPolygon's or a collection's overlaps).
    /// See `GEOSUnaryUnion_r`.
    public func unaryUnion() throws -> Geometry {
        try context.makeGeometry("GEOSUnaryUnion_r") {
            // returns NULL on exception
            GEOSUnaryUnion_r($0, handle)
        }
    }

    /// The union of a collection of polygons that form a coverage (they meet only along shared edges, with the
    /// same vertices, as tambons of one survey do): much faster than `unaryUnion` and free of slivers, since
    /// shared edges are dropped rather than noded. Not for overlapping polygons (the result is then invalid).
    /// See `GEOSCoverageUnion_r`.
    public func coverageUnion() throws -> Geometry {
        try context.makeGeometry("GEOSCoverageUnion_r") {
            // returns NULL on exception
            GEOSCoverageUnion_r($0, handle)
        }
    }

    private func overlay(
        _ other: Geometry, _ function: String,
        _ body: (GEOSContextHandle_t, OpaquePointer, OpaquePointer) -> OpaquePointer?
    ) throws -> Geometry {
        try requireSameContext(other, function)
        return try context.makeGeometry(function) { body($0, handle, other.handle) }
    }
}
