import CGEOS

/// A geometry that worker threads copy into their own contexts, without a serialised copy of it in between.
///
/// Copying only reads the source, and geoplan never changes a geometry after it is made; the one thing GEOS
/// computes lazily on reading, a collection's envelope, is computed here, on the owner's thread, before any
/// worker sees it. The source stays owned (and is destroyed) by its owner: this value keeps it alive but
/// never calls GEOS with the owner's context.
public struct SharedGeometry: @unchecked Sendable {
    private let source: Geometry

    /// Shares `geometry` for copying; call on the thread that owns `geometry`'s context.
    public init(_ geometry: Geometry) {
        _ = geometry.bounds  // computes and caches the envelope now (see above)
        source = geometry
    }

    /// A deep copy owned by `context`, for the calling thread. See `GEOSGeom_clone_r`.
    public func copy(in context: GEOSContext) throws -> Geometry {
        try context.makeGeometry("GEOSGeom_clone_r") {
            // returns NULL on exception
            GEOSGeom_clone_r($0, source.handle)
        }
    }
}
