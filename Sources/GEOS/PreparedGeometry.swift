import CGEOS

/// A geometry indexed for many predicate tests against it (`GEOSPreparedGeometry*`): point-in-polygon and
/// polygon-in-polygon tests against one area become logarithmic instead of linear in its vertices.
///
/// Keeps its base geometry alive (GEOS requires the base to outlive the prepared geometry) and is
/// destroyed before it. Answers are the same as the unprepared predicates.
///
/// - Important: not thread safe. GEOS builds the internal indexes lazily on the first tests, so even
///   read-only use mutates it; like everything made from a ``GEOSContext``, use it on that context's
///   thread only. GEOS 3.11 has no `GEOSPreparedContainsXY_r` (added in 3.12): test points as Points.
public final class PreparedGeometry {
    let handle: OpaquePointer
    /// The geometry this was prepared from.
    public let base: Geometry

    /// Prepares `geometry`. See `GEOSPrepare_r`.
    public init(_ geometry: Geometry) throws {
        // returns NULL on exception; the caller keeps ownership of the base, which must outlive the result
        guard let handle = geometry.context.call({ GEOSPrepare_r($0, geometry.handle) }) else {
            throw geometry.context.failure("GEOSPrepare_r")
        }
        self.handle = handle
        base = geometry
    }

    deinit {
        // Runs before `base` (and its context) are released: the prepared geometry goes first.
        GEOSPreparedGeom_destroy_r(base.context.handle, handle)  // no status
    }

    /// `base.contains(other)`. See `GEOSPreparedContains_r`.
    public func contains(_ other: Geometry) throws -> Bool {
        try test(other, "GEOSPreparedContains_r") {
            // 1 true, 0 false, 2 on exception
            GEOSPreparedContains_r($0, $1, $2)
        }
    }

    /// Whether `other` lies in the interior of the base, touching its boundary nowhere.
    /// See `GEOSPreparedContainsProperly_r`.
    public func containsProperly(_ other: Geometry) throws -> Bool {
        try test(other, "GEOSPreparedContainsProperly_r") {
            // 1 true, 0 false, 2 on exception
            GEOSPreparedContainsProperly_r($0, $1, $2)
        }
    }

    /// `base.covers(other)`. See `GEOSPreparedCovers_r`.
    public func covers(_ other: Geometry) throws -> Bool {
        try test(other, "GEOSPreparedCovers_r") {
            // 1 true, 0 false, 2 on exception
            GEOSPreparedCovers_r($0, $1, $2)
        }
    }

    /// `other.covers(base)`. See `GEOSPreparedCoveredBy_r`.
    public func coveredBy(_ other: Geometry) throws -> Bool {
        try test(other, "GEOSPreparedCoveredBy_r") {
            // 1 true, 0 false, 2 on exception
            GEOSPreparedCoveredBy_r($0, $1, $2)
        }
    }

    /// `base.intersects(other)`. See `GEOSPreparedIntersects_r`.
    public func intersects(_ other: Geometry) throws -> Bool {
        try test(other, "GEOSPreparedIntersects_r") {
            // 1 true, 0 false, 2 on exception
            GEOSPreparedIntersects_r($0, $1, $2)
        }
    }

    /// `base.within(other)`. See `GEOSPreparedWithin_r`.
    public func within(_ other: Geometry) throws -> Bool {
        try test(other, "GEOSPreparedWithin_r") {
            // 1 true, 0 false, 2 on exception
            GEOSPreparedWithin_r($0, $1, $2)
        }
    }

    private func test(
        _ other: Geometry, _ function: String, _ body: (GEOSContextHandle_t, OpaquePointer, OpaquePointer) -> CChar
    ) throws -> Bool {
        try base.requireSameContext(other, function)
        return try base.context.predicate(function) { body($0, handle, other.handle) }
    }
}

extension Geometry {
    /// This geometry prepared for many predicate tests. See ``PreparedGeometry``.
    public func prepared() throws -> PreparedGeometry {
        try PreparedGeometry(self)
    }
}

// Made with a context that belongs to one thread (see `GEOSContext`); move geometries between threads as WKB.
@available(*, unavailable, message: "GEOS objects belong to their context's thread; pass WKB between threads")
extension PreparedGeometry: Sendable {}
