import CGEOS

// Binary spatial predicates (DE-9IM). For many tests against one geometry, prepare it first
// (`PreparedGeometry`): the answers are the same and much faster.
extension Geometry {
    /// Whether the two share at least one point. See `GEOSIntersects_r`.
    public func intersects(_ other: Geometry) throws -> Bool {
        try relate(other, "GEOSIntersects_r") {
            // 1 true, 0 false, 2 on exception
            GEOSIntersects_r($0, $1, $2)
        }
    }

    /// Whether `other` lies in this geometry with at least one interior point in its interior (a point on
    /// the boundary is not contained). See `GEOSContains_r`.
    public func contains(_ other: Geometry) throws -> Bool {
        try relate(other, "GEOSContains_r") {
            // 1 true, 0 false, 2 on exception
            GEOSContains_r($0, $1, $2)
        }
    }

    /// Whether no point of `other` lies outside this geometry (boundary points count). See `GEOSCovers_r`.
    public func covers(_ other: Geometry) throws -> Bool {
        try relate(other, "GEOSCovers_r") {
            // 1 true, 0 false, 2 on exception
            GEOSCovers_r($0, $1, $2)
        }
    }

    /// Whether this geometry lies within `other`: `other.contains(self)`. See `GEOSWithin_r`.
    public func within(_ other: Geometry) throws -> Bool {
        try relate(other, "GEOSWithin_r") {
            // 1 true, 0 false, 2 on exception
            GEOSWithin_r($0, $1, $2)
        }
    }

    /// Whether the two are the same point set, whatever their vertices and order. See `GEOSEquals_r`.
    public func equals(_ other: Geometry) throws -> Bool {
        try relate(other, "GEOSEquals_r") {
            // 1 true, 0 false, 2 on exception
            GEOSEquals_r($0, $1, $2)
        }
    }

    /// Whether the two have the same structure and each vertex lies within `tolerance` of its counterpart.
    /// Vertex order matters: compare ``normalized()`` copies to ignore it. See `GEOSEqualsExact_r`.
    public func equalsExact(_ other: Geometry, tolerance: Double = 0) throws -> Bool {
        try relate(other, "GEOSEqualsExact_r") {
            // 1 true, 0 false, 2 on exception
            GEOSEqualsExact_r($0, $1, $2, tolerance)
        }
    }

    /// Whether the two's DE-9IM matrix matches `pattern` (nine characters of `T`, `F`, `*`, `0`, `1`, `2`):
    /// `T********` is "the interiors meet", which for two polygons means they share ground, not only a border.
    /// See `GEOSRelatePattern_r`.
    public func relates(_ other: Geometry, pattern: String) throws -> Bool {
        try relate(other, "GEOSRelatePattern_r") { context, this, that in
            // 1 true, 0 false, 2 on exception
            GEOSRelatePattern_r(context, this, that, pattern)
        }
    }

    private func relate(
        _ other: Geometry, _ function: String, _ body: (GEOSContextHandle_t, OpaquePointer, OpaquePointer) -> CChar
    ) throws -> Bool {
        try requireSameContext(other, function)
        return try context.predicate(function) { body($0, handle, other.handle) }
    }
}
