import CGEOS

// Planar measures, in the units of the coordinates. For lon/lat data these are square degrees and
// degrees: geodesic measures belong to PROJ (`geod_polygonarea`), not here.
extension Geometry {
    /// The planar area; 0 for points and lines. Holes subtract. See `GEOSArea_r`.
    public var area: Double {
        get throws {
            try context.measure("GEOSArea_r") {
                // returns 1 on success, 0 on exception
                GEOSArea_r($0, handle, $1)
            }
        }
    }

    /// The planar length of lines, or the perimeter of polygons (holes included); 0 for points.
    /// See `GEOSLength_r`.
    public var length: Double {
        get throws {
            try context.measure("GEOSLength_r") {
                // returns 1 on success, 0 on exception
                GEOSLength_r($0, handle, $1)
            }
        }
    }

    /// The smallest planar distance between the two geometries; 0 when they intersect. See `GEOSDistance_r`.
    /// - Throws: ``GEOSError/emptyGeometry(operation:)`` if either is empty (GEOS 3.11 would return 0).
    public func distance(to other: Geometry) throws -> Double {
        try requireSameContext(other, "GEOSDistance_r")
        guard !isEmpty, !other.isEmpty else { throw GEOSError.emptyGeometry(operation: "GEOSDistance_r") }
        return try context.measure("GEOSDistance_r") {
            // returns 1 on success, 0 on exception
            GEOSDistance_r($0, handle, other.handle, $1)
        }
    }
}

extension Geometry {
    /// The two closest points, one on each geometry (planar). See `GEOSNearestPoints_r`.
    /// - Throws: ``GEOSError/emptyGeometry(operation:)`` if either is empty.
    public func nearestPoints(to other: Geometry) throws -> (XY, XY) {
        try requireSameContext(other, "GEOSNearestPoints_r")
        guard !isEmpty, !other.isEmpty else { throw GEOSError.emptyGeometry(operation: "GEOSNearestPoints_r") }
        // returns a new two-point coordinate sequence, NULL on exception
        guard let sequence = context.call({ GEOSNearestPoints_r($0, handle, other.handle) }) else {
            throw context.failure("GEOSNearestPoints_r")
        }
        defer { GEOSCoordSeq_destroy_r(context.handle, sequence) }
        var x1 = 0.0
        var y1 = 0.0
        var x2 = 0.0
        var y2 = 0.0
        // each returns 1 on success
        guard GEOSCoordSeq_getXY_r(context.handle, sequence, 0, &x1, &y1) == 1,
            GEOSCoordSeq_getXY_r(context.handle, sequence, 1, &x2, &y2) == 1
        else {
            throw context.failure("GEOSCoordSeq_getXY_r")
        }
        return (XY(x1, y1), XY(x2, y2))
    }
}
