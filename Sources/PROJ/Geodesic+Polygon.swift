extension Geodesic {
    /// Area (m²) and perimeter (m) of a polygon: |exterior| − Σ|holes| whatever each ring's orientation, and
    /// the perimeter of every ring, holes included (as PostGIS's `ST_Perimeter`).
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
        return (max(area, 0), perimeter)
    }

    /// Area and perimeter of a multi-polygon: its parts' added up. Each part is (exterior, holes).
    public func multiPolygonMeasure(_ parts: [(exterior: [Double], holes: [[Double]])], stride: Int = 2)
        -> (area: Double, perimeter: Double)
    {
        parts.reduce((0.0, 0.0)) { total, part in
            let measure = polygonMeasure(exterior: part.exterior, holes: part.holes, stride: stride)
            return (total.0 + measure.area, total.1 + measure.perimeter)
        }
    }
}
