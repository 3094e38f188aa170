import CPROJ

/// Areas, perimeters and lengths from interleaved lon/lat degrees (`lon0, lat0, lon1, lat1, …`, or `stride`
/// values per position of which the first two are lon and lat). Results in m² and m.
extension Geodesic {
    // MARK: - Rings

    /// Signed area (m², positive when the ring runs counter-clockwise) and perimeter (m) of one ring.
    ///
    /// The closing vertex may be repeated or not: the result is the same. Each edge is the shortest geodesic
    /// between its ends; of the two regions a ring bounds, the smaller is measured (as GeographicLib's
    /// `Planimeter` does). A stride below 2 measures nothing: (0, 0). See `geod_polygon_addpoint`,
    /// `geod_polygon_compute`.
    public func ringMeasure(interleavedLonLat coordinates: UnsafeBufferPointer<Double>, stride: Int = 2)
        -> (signedArea: Double, perimeter: Double)
    {
        accumulate(coordinates, stride: stride, polyline: false)
    }

    /// `ringMeasure` over an array.
    public func ringMeasure(interleavedLonLat coordinates: [Double], stride: Int = 2)
        -> (signedArea: Double, perimeter: Double)
    {
        coordinates.withUnsafeBufferPointer { ringMeasure(interleavedLonLat: $0, stride: stride) }
    }

    // MARK: - Lines

    /// Length (m) of a line: the sum of the geodesics between consecutive positions.
    /// See `geod_polygon_init` (as a polyline).
    public func lineLength(interleavedLonLat coordinates: UnsafeBufferPointer<Double>, stride: Int = 2) -> Double {
        accumulate(coordinates, stride: stride, polyline: true).perimeter
    }

    /// `lineLength` over an array.
    public func lineLength(interleavedLonLat coordinates: [Double], stride: Int = 2) -> Double {
        coordinates.withUnsafeBufferPointer { lineLength(interleavedLonLat: $0, stride: stride) }
    }

    // MARK: - Polygons

    /// Area (m²) and perimeter (m) of a polygon: |exterior| − Σ|hole|, whatever each ring's orientation, and the
    /// length of every ring, holes included (as PostGIS's `ST_Perimeter` on geography). The area is negative only
    /// for an invalid polygon whose holes outweigh its exterior.
    public func polygonMeasure(exterior: [Double], holes: [[Double]] = [], stride: Int = 2)
        -> (area: Double, perimeter: Double)
    {
        let outer = ringMeasure(interleavedLonLat: exterior, stride: stride)
        var area = abs(outer.signedArea)
        var perimeter = outer.perimeter
        for hole in holes {
            let inner = ringMeasure(interleavedLonLat: hole, stride: stride)
            area -= abs(inner.signedArea)
            perimeter += inner.perimeter
        }
        return (area, perimeter)
    }

    /// Area (m²) and perimeter (m) of a multi-polygon: the sums over its parts, each measured by
    /// `polygonMeasure`.
    public func multiPolygonMeasure(_ parts: [(exterior: [Double], holes: [[Double]])], stride: Int = 2)
        -> (area: Double, perimeter: Double)
    {
        var area = 0.0
        var perimeter = 0.0
        for part in parts {
            let measure = polygonMeasure(exterior: part.exterior, holes: part.holes, stride: stride)
            area += measure.area
            perimeter += measure.perimeter
        }
        return (area, perimeter)
    }

    // MARK: - Accumulation

    private func accumulate(_ coordinates: UnsafeBufferPointer<Double>, stride: Int, polyline: Bool)
        -> (signedArea: Double, perimeter: Double)
    {
        guard stride >= 2 else { return (0, 0) }
        var count = coordinates.count / stride  // values that do not fill a last position are ignored
        // A ring's repeated closing vertex only adds a zero-length edge: leave it out, so both ways agree exactly.
        if !polyline, count >= 2, coordinates[0] == coordinates[(count - 1) * stride],
            coordinates[1] == coordinates[(count - 1) * stride + 1]
        {
            count -= 1
        }
        guard count >= 2 else { return (0, 0) }
        var polygon = geod_polygon()
        geod_polygon_init(&polygon, polyline ? 1 : 0)  // returns nothing; polyline = 1 measures length only
        var area = 0.0
        var perimeter = 0.0
        withGeodesic { g in
            for index in 0..<count {
                // returns nothing; latitude first
                geod_polygon_addpoint(g, &polygon, coordinates[index * stride + 1], coordinates[index * stride])
            }
            // returns the number of points; reverse = 0, sign = 1: counter-clockwise positive, the smaller region.
            // A polyline has no area (NULL).
            if polyline {
                _ = geod_polygon_compute(g, &polygon, 0, 1, nil, &perimeter)
            } else {
                _ = geod_polygon_compute(g, &polygon, 0, 1, &area, &perimeter)
            }
        }
        return (area, perimeter)
    }
}
