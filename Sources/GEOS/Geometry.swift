import CGEOS

/// A GEOS geometry (`GEOSGeometry*`) and the context it was made with.
///
/// Either *owned*, and destroyed in `deinit`, or *borrowed* from a parent (a member of a collection, a
/// polygon's ring): a borrowed geometry points into its parent's memory, keeps the parent alive and never
/// frees itself, so it stays usable after the caller dropped the parent. Geometries are never changed in
/// place after construction, so a borrowed child always sees what its parent held.
///
/// Not `Sendable`: a geometry is used on its context's thread only (see ``GEOSContext``). Move geometries
/// between threads as WKB (``wkb(includeZ:)``, ``init(wkb:context:)``), or let other threads copy one
/// (``SharedGeometry``).
public final class Geometry {
    let handle: OpaquePointer
    /// The context every call on this geometry uses.
    public let context: GEOSContext
    /// The owner of a borrowed geometry; `nil` when this object owns `handle`.
    private let parent: Geometry?

    /// The kind of geometry, read once at construction. See `GEOSGeomTypeId_r`.
    public let type: GeometryType

    /// Takes ownership of a geometry GEOS just returned; destroys it if its type cannot be read.
    init(owning handle: OpaquePointer, context: GEOSContext) throws {
        // returns -1 on exception
        let id = context.call { GEOSGeomTypeId_r($0, handle) }
        guard let type = GeometryType(rawValue: id) else {
            let error = context.failure("GEOSGeomTypeId_r")
            GEOSGeom_destroy_r(context.handle, handle)  // no status
            throw error
        }
        self.handle = handle
        self.context = context
        self.type = type
        parent = nil
    }

    /// Wraps a pointer into `parent`'s memory; never freed by this object.
    init(borrowing handle: OpaquePointer, parent: Geometry) throws {
        // returns -1 on exception
        let id = parent.context.call { GEOSGeomTypeId_r($0, handle) }
        guard let type = GeometryType(rawValue: id) else { throw parent.context.failure("GEOSGeomTypeId_r") }
        self.handle = handle
        context = parent.context
        self.type = type
        self.parent = parent
    }

    deinit {
        // Runs before the stored `context` is released, so the handle is still alive here.
        // no status; a borrowed geometry is freed by its owner, never here
        if parent == nil { GEOSGeom_destroy_r(context.handle, handle) }
    }

    /// Whether this geometry points into another one's memory.
    var isBorrowed: Bool { parent != nil }

    /// A deep copy this object owns, e.g. to hand to a GEOS function that takes ownership.
    /// See `GEOSGeom_clone_r`.
    public func clone() throws -> Geometry {
        try context.makeGeometry("GEOSGeom_clone_r") {
            // returns NULL on exception
            GEOSGeom_clone_r($0, handle)
        }
    }

    /// Throws ``GEOSError/contextMismatch(operation:)`` unless `other` was made with this context.
    func requireSameContext(_ other: Geometry, _ operation: String) throws {
        guard other.context === context else { throw GEOSError.contextMismatch(operation: operation) }
    }
}

// MARK: - Calling GEOS

extension GEOSContext {
    /// Runs a GEOS function that returns a new geometry or NULL on exception, and takes ownership.
    func makeGeometry(_ function: String, _ body: (GEOSContextHandle_t) -> OpaquePointer?) throws -> Geometry {
        guard let created = call(body) else { throw failure(function) }
        return try Geometry(owning: created, context: self)
    }

    /// Runs a GEOS predicate: 1 true, 0 false, 2 on exception.
    func predicate(_ function: String, _ body: (GEOSContextHandle_t) -> CChar) throws -> Bool {
        let result = call(body)
        guard result == 0 || result == 1 else { throw failure(function) }
        return result == 1
    }

    /// Runs a GEOS measure that fills a double and returns 1 on success, 0 on exception.
    func measure(_ function: String, _ body: (GEOSContextHandle_t, UnsafeMutablePointer<Double>) -> Int32) throws
        -> Double
    {
        var value = 0.0
        guard call({ body($0, &value) }) == 1 else { throw failure(function) }
        return value
    }
}

// MARK: - Description

extension Geometry: CustomStringConvertible {
    /// WKT with up to 6 decimals, cut after 200 characters: for messages and debugging, not for output.
    public var description: String {
        guard let text = try? wkt(precision: 6) else { return "<\(type): WKT unavailable>" }
        let limit = 200
        guard text.count > limit else { return text }
        return text.prefix(limit) + "… (\(numberOfCoordinates) coordinates)"
    }
}

// Made with a context that belongs to one thread (see `GEOSContext`); move geometries between threads as WKB.
@available(*, unavailable, message: "GEOS objects belong to their context's thread; pass WKB between threads")
extension Geometry: Sendable {}
