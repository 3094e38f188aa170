import GEOS

/// The points where arcs must start and end: where three or more rings meet, and where a run shared by two rings
/// begins or ends (topojson-server's rule). A point is a junction when it is met twice with different neighbours:
/// inside a shared run both rings pass it between the same two points (in either direction); where the run starts,
/// the rings arrive from different sides.
///
/// Matching is exact: neighbours share a border only where they share the same vertices. Where a neighbour was
/// digitised with other vertices (or with a vertex in the middle of this ring's segment), nothing is shared there:
/// each side becomes its own arc and is simplified on its own, so small gaps or overlaps can open along that
/// stretch. Snap such inputs first (GEOS `snapped(to:tolerance:)`).
enum Junctions {
    /// The junctions of open rings (no closing point).
    static func find(in rings: [[XY]]) -> Set<XY> {
        var neighbours: [XY: (XY, XY)] = [:]
        var junctions: Set<XY> = []
        for ring in rings {
            let count = ring.count
            for index in 0..<count {
                let point = ring[index]
                let previous = ring[(index + count - 1) % count]
                let next = ring[(index + 1) % count]
                if let (a, b) = neighbours[point] {
                    if !((a == previous && b == next) || (a == next && b == previous)) { junctions.insert(point) }
                } else {
                    neighbours[point] = (previous, next)
                }
            }
        }
        return junctions
    }
}
