import CGEOS

/// A packed R-tree of bounding boxes (`GEOSSTRtree*`), each carrying a Swift `Element`: the index behind
/// "which input features can touch this area".
///
/// Insert everything, then query: the tree is built (packed) once, by ``build()`` or by the first query,
/// and takes no insertions afterwards. Call ``build()`` as soon as the inserts are done, so the cost is
/// paid at a known point and a late insert fails loudly (shapely builds eagerly since pygeos #361/#362,
/// where a lazy build raced).
///
/// The tree keeps every inserted geometry (and a box geometry for each inserted envelope) and every
/// element alive, so nothing it points to can dangle (shapely #505). GEOS itself stores only the index of
/// each element, never a Swift pointer. Geometries with an empty envelope are kept but never found.
///
/// Not `Sendable`: like everything made from a ``GEOSContext``, use it on that context's thread.
public final class STRtree<Element> {
    let handle: OpaquePointer
    /// The context the tree and its geometries belong to.
    public let context: GEOSContext

    private var elements: [Element] = []
    /// The geometry of each element, kept alive for the tree and for ``nearest(to:)``'s distances.
    private var geometries: [Geometry] = []
    /// `geometries[i].handle`, contiguous for the distance callback.
    private var geometryHandles: [OpaquePointer] = []

    /// Whether the tree has been packed; it then takes no insertions.
    public private(set) var isBuilt = false

    /// An empty tree. See `GEOSSTRtree_create_r`.
    /// - Parameter nodeCapacity: children per node; GEOS recommends 10, and at least 4.
    public init(context: GEOSContext, nodeCapacity: Int = 10) throws {
        // returns NULL on exception
        guard let handle = context.call({ GEOSSTRtree_create_r($0, Swift.max(4, nodeCapacity)) }) else {
            throw context.failure("GEOSSTRtree_create_r")
        }
        self.handle = handle
        self.context = context
    }

    deinit {
        // Runs before `geometries` and `context` are released: the tree goes first.
        GEOSSTRtree_destroy_r(context.handle, handle)  // no status; frees the nodes, not the items
    }

    /// How many elements were inserted.
    public var count: Int { elements.count }

    /// The element inserted `index`-th (0-based).
    public subscript(index: Int) -> Element { elements[index] }

    // MARK: - Insertion

    /// Adds `element` under the bounding box of `geometry`. See `GEOSSTRtree_insert_r`.
    /// - Throws: ``GEOSError/treeAlreadyBuilt`` after ``build()`` or a query.
    public func insert(_ geometry: Geometry, _ element: Element) throws {
        guard !isBuilt else { throw GEOSError.treeAlreadyBuilt }
        try requireContext(of: geometry, "GEOSSTRtree_insert_r")
        let item = UnsafeMutableRawPointer(bitPattern: elements.count + 1)
        // no status: failure only leaves an error message; copies the envelope (GEOS >= 3.9), skips empty ones
        context.call { GEOSSTRtree_insert_r($0, handle, geometry.handle, item) }
        guard !context.lastCallFailed else { throw context.failure("GEOSSTRtree_insert_r") }
        elements.append(element)
        geometries.append(geometry)
        geometryHandles.append(geometry.handle)
    }

    /// Adds `element` under `envelope`. See `GEOSGeom_createRectangle_r`, `GEOSSTRtree_insert_r`.
    public func insert(envelope: Envelope, _ element: Element) throws {
        guard !isBuilt else { throw GEOSError.treeAlreadyBuilt }
        try insert(Geometry.rectangle(envelope, context: context), element)
    }

    /// Packs the tree now rather than at the first query. GEOS 3.11 has no `GEOSSTRtree_build_r`, so this
    /// runs a query, which builds it. Idempotent.
    public func build() throws {
        guard !isBuilt else { return }
        _ = try queryIndices(envelope: Envelope(minX: 0, minY: 0, maxX: 0, maxY: 0))
    }

    // MARK: - Queries

    /// The elements whose boxes intersect the box of `geometry`, in insertion order: candidates, to be
    /// confirmed with an exact predicate. See `GEOSSTRtree_query_r`.
    public func query(_ geometry: Geometry) throws -> [Element] {
        try queryIndices(geometry).map { elements[$0] }
    }

    /// The elements whose boxes intersect `envelope` (edges included), in insertion order.
    public func query(envelope: Envelope) throws -> [Element] {
        try queryIndices(envelope: envelope).map { elements[$0] }
    }

    /// The insertion indices of the elements whose boxes intersect the box of `geometry`, ascending.
    /// See `GEOSSTRtree_query_r`.
    public func queryIndices(_ geometry: Geometry) throws -> [Int] {
        try requireContext(of: geometry, "GEOSSTRtree_query_r")
        var found: [Int] = []
        withUnsafeMutablePointer(to: &found) { results in
            // no status: failure only leaves an error message; builds the tree on first use
            context.call { GEOSSTRtree_query_r($0, handle, geometry.handle, collectIndex, results) }
        }
        isBuilt = true
        guard !context.lastCallFailed else { throw context.failure("GEOSSTRtree_query_r") }
        // GEOS returns tree order, which depends on packing; insertion order is reproducible.
        found.sort()
        return found
    }

    /// The insertion indices of the elements whose boxes intersect `envelope`, ascending.
    public func queryIndices(envelope: Envelope) throws -> [Int] {
        try queryIndices(Geometry.rectangle(envelope, context: context))
    }

    // MARK: - Nearest neighbour

    /// The element whose geometry is nearest to `geometry` by planar distance (`GEOSDistance_r`), or nil
    /// for an empty tree. Of equally near elements, any one. See `GEOSSTRtree_nearest_generic_r`.
    /// - Throws: ``GEOSError/emptyGeometry(operation:)`` for an empty `geometry`, whose distance to
    ///   anything is undefined.
    public func nearest(to geometry: Geometry) throws -> Element? {
        try nearestIndex(to: geometry).map { elements[$0] }
    }

    /// The insertion index of the nearest element; see ``nearest(to:)``.
    public func nearestIndex(to geometry: Geometry) throws -> Int? {
        let function = "GEOSSTRtree_nearest_generic_r"
        try requireContext(of: geometry, function)
        guard !geometry.isEmpty else { throw GEOSError.emptyGeometry(operation: function) }
        let nearest = geometryHandles.withUnsafeBufferPointer { handles -> UnsafeRawPointer? in
            var state = NearestSearch(context: context.handle, items: handles, query: geometry.handle)
            let queryItem = UnsafeRawPointer(bitPattern: queryItemTag)
            return withUnsafeMutablePointer(to: &state) { state in
                context.call {
                    // returns the nearest tree item, NULL for an empty tree or on exception; builds the tree
                    GEOSSTRtree_nearest_generic_r($0, handle, queryItem, geometry.handle, itemDistance, state)
                }
            }
        }
        isBuilt = true
        guard let nearest else {
            if context.lastCallFailed { throw context.failure(function) }
            return nil
        }
        return Int(bitPattern: nearest) - 1
    }

    private func requireContext(of geometry: Geometry, _ operation: String) throws {
        guard geometry.context === context else { throw GEOSError.contextMismatch(operation: operation) }
    }
}

// MARK: - C callbacks

/// Tree items are `index + 1` stored as a pointer value (never dereferenced); the query item is this tag.
private let queryItemTag = Int.max

/// Appends the insertion index of each item found to the `[Int]` passed as user data.
private let collectIndex: GEOSQueryCallback = { item, userData in
    guard let item, let userData else { return }
    userData.assumingMemoryBound(to: [Int].self).pointee.append(Int(bitPattern: item) - 1)
}

/// What the distance callback needs to turn items back into geometries.
private struct NearestSearch {
    let context: GEOSContextHandle_t
    let items: UnsafeBufferPointer<OpaquePointer>
    let query: OpaquePointer

    func geometry(_ item: UnsafeRawPointer?) -> OpaquePointer? {
        guard let item else { return nil }
        if Int(bitPattern: item) == queryItemTag { return query }
        let index = Int(bitPattern: item) - 1
        return items.indices.contains(index) ? items[index] : nil
    }
}

/// Planar distance between two items; returns 1 on success, 0 on failure (GEOS then throws).
private let itemDistance: GEOSDistanceCallback = { first, second, distance, userData in
    guard let distance, let userData else { return 0 }
    let search = userData.assumingMemoryBound(to: NearestSearch.self).pointee
    guard let a = search.geometry(first), let b = search.geometry(second) else { return 0 }
    // returns 1 on success, 0 on exception; reentrant use of the context on this same thread
    return GEOSDistance_r(search.context, a, b, distance)
}

// Made with a context that belongs to one thread (see `GEOSContext`); move geometries between threads as WKB.
@available(*, unavailable, message: "GEOS objects belong to their context's thread; pass WKB between threads")
extension STRtree: Sendable {}
