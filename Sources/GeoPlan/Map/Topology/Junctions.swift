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
        var junctions: Set<XY> = []
        for (ring, flags) in zip(rings, flags(in: rings)) {
            for index in ring.indices where flags[index] { junctions.insert(ring[index]) }
        }
        return junctions
    }

    /// For each point of each open ring, whether it is a junction (every copy of a junction is flagged).
    ///
    /// Why not a `Dictionary<XY, …>`: a national layer has millions of points, and the standard hasher and the
    /// dictionary's growth took most of the time of `geoplan map` (measured: 6 of 15 s on 7,497 areas). The
    /// table here is sized once and remembers each point's first visit by position, not by copying its neighbours.
    static func flags(in rings: [[XY]]) -> [[Bool]] {
        var table = PointTable(expected: rings.reduce(0) { $0 + $1.count })
        for (ringIndex, ring) in rings.enumerated() {
            let count = ring.count
            for index in 0..<count {
                let slot = table.slot(of: ring[index]) { rings[$0.ring][$0.index] }
                guard let first = table.first(at: slot) else {
                    table.claim(slot, for: PointTable.Visit(ring: ringIndex, index: index))
                    continue
                }
                let previous = ring[(index + count - 1) % count]
                let next = ring[(index + 1) % count]
                let other = rings[first.ring]
                let (a, b) = (
                    other[(first.index + other.count - 1) % other.count], other[(first.index + 1) % other.count]
                )
                if !((a == previous && b == next) || (a == next && b == previous)) { table.markJunction(slot) }
            }
        }
        return rings.map { ring in
            ring.map { point in table.isJunction(table.slot(of: point) { rings[$0.ring][$0.index] }) }
        }
    }
}

/// An open-addressing table of points (linear probing, a power-of-two size at most half full), each slot holding
/// where the point was first met and whether it is a junction.
private struct PointTable {
    struct Visit {
        let ring: Int
        let index: Int
    }

    private var visits: [Int64]
    private var junction: [Bool]
    private let mask: Int

    init(expected: Int) {
        var size = 16
        while size < 2 * expected { size <<= 1 }
        visits = Array(repeating: -1, count: size)
        junction = Array(repeating: false, count: size)
        mask = size - 1
    }

    /// The slot holding `point`, or the empty slot where it belongs; `pointAt` reads a stored visit's point.
    func slot(of point: XY, pointAt: (Visit) -> XY) -> Int {
        var slot = Self.hash(point) & mask
        while visits[slot] >= 0 {
            if pointAt(Self.visit(visits[slot])) == point { return slot }
            slot = (slot + 1) & mask
        }
        return slot
    }

    func first(at slot: Int) -> Visit? {
        visits[slot] >= 0 ? Self.visit(visits[slot]) : nil
    }

    mutating func claim(_ slot: Int, for visit: Visit) {
        visits[slot] = Int64(visit.ring) << 32 | Int64(visit.index)
    }

    mutating func markJunction(_ slot: Int) { junction[slot] = true }

    func isJunction(_ slot: Int) -> Bool { junction[slot] }

    private static func visit(_ packed: Int64) -> Visit {
        Visit(ring: Int(packed >> 32), index: Int(packed & 0xFFFF_FFFF))
    }

    /// A mix of the coordinates' bits (adding 0 makes −0 and +0 one point, as `==` says they are).
    private static func hash(_ point: XY) -> Int {
        let x = (point.x + 0).bitPattern
        let y = (point.y + 0).bitPattern
        var h = (x &* 0x9E37_79B9_7F4A_7C15) ^ ((y ^ (y >> 31)) &* 0xC2B2_AE3D_27D4_EB4F)
        h ^= h >> 29
        h = h &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 32
        return Int(truncatingIfNeeded: h)
    }
}
