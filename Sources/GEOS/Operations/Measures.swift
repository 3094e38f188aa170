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
