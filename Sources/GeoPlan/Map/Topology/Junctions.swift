import Foundation
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
    /// dictionary's growth took most of the time of `geoplan map` (measured: 6 of 15 s on 7,497 areas). Here the
    /// points are copied into one array and split by hash into one share per core; each share's table is sized
    /// once and holds a point's first visit as an index into the array. The work is waiting for memory, so the
    /// shares run on all cores.
    static func flags(in rings: [[XY]]) -> [[Bool]] {
        var points: [XY] = []
        var ringOf: [Int32] = []
        var starts = [0]
        points.reserveCapacity(rings.reduce(0) { $0 + $1.count })
        ringOf.reserveCapacity(points.capacity)
        for (index, ring) in rings.enumerated() {
            points.append(contentsOf: ring)
            ringOf.append(contentsOf: repeatElement(Int32(truncatingIfNeeded: index), count: ring.count))
            starts.append(points.count)
        }
        let shares = max(1, min(16, ProcessInfo.processInfo.activeProcessorCount))
        var sizes = [Int](repeating: 0, count: shares)
        for point in points { sizes[PointTable.share(of: point, among: shares)] += 1 }
        let counted = sizes
        var flags = [Bool](repeating: false, count: points.count)
        points.withUnsafeBufferPointer { points in
            flags.withUnsafeMutableBufferPointer { flags in
                let shared = SharedBuffers(points: points, flags: flags, ringOf: ringOf, starts: starts)
                DispatchQueue.concurrentPerform(iterations: shares) { share in
                    shared.flagJunctions(share: share, of: shares, size: counted[share])
                }
            }
        }
        return rings.indices.map { Array(flags[starts[$0]..<starts[$0 + 1]]) }
    }
}

/// The points, their rings and the flags, shared by the shares: each share reads every point but writes only the
/// flags of its own.
private struct SharedBuffers: @unchecked Sendable {
    let points: UnsafeBufferPointer<XY>
    let flags: UnsafeMutableBufferPointer<Bool>
    let ringOf: [Int32]
    let starts: [Int]

    /// The neighbours of the point at `index` along its ring.
    func neighbours(_ index: Int) -> (XY, XY) {
        let ring = Int(ringOf[index])
        let (low, high) = (starts[ring], starts[ring + 1] - 1)
        return (points[index == low ? high : index - 1], points[index == high ? low : index + 1])
    }

    func flagJunctions(share: Int, of shares: Int, size: Int) {
        precondition(points.count < (1 << 31) - 1, "more points than a junction table indexes")
        var table = PointTable(expected: size)
        var mine: [(index: Int, slot: Int)] = []
        mine.reserveCapacity(size)
        for index in points.indices where PointTable.share(of: points[index], among: shares) == share {
            let slot = table.slot(of: points[index], in: points)
            mine.append((index, slot))
            guard let first = table.first(at: slot) else {
                table.claim(slot, for: index)
                continue
            }
            let (previous, next) = neighbours(index)
            let (a, b) = neighbours(first)
            if !((a == previous && b == next) || (a == next && b == previous)) { table.markJunction(slot) }
        }
        for (index, slot) in mine { flags[index] = table.isJunction(slot) }
    }
}

/// An open-addressing table of points (linear probing, a power-of-two size at most half full), each slot holding
/// the index of the point's first visit and, in its top bit, whether it is a junction: one 4-byte array, not 8-byte
/// indexes beside an array of flags, since the lookups are random and wait on memory.
private struct PointTable {
    private static let empty = UInt32.max
    private static let junctionBit: UInt32 = 1 << 31
    private var slots: [UInt32]
    private let mask: Int

    init(expected: Int) {
        var size = 16
        while size < 2 * expected { size <<= 1 }
        slots = Array(repeating: Self.empty, count: size)
        mask = size - 1
    }

    /// The slot holding `point`, or the empty slot where it belongs; `points` holds the visited points (fewer than
    /// 2³¹, checked by ``SharedBuffers``).
    func slot(of point: XY, in points: UnsafeBufferPointer<XY>) -> Int {
        var slot = Self.hash(point) & mask
        while slots[slot] != Self.empty {
            if points[Int(slots[slot] & ~Self.junctionBit)] == point { return slot }
            slot = (slot + 1) & mask
        }
        return slot
    }

    func first(at slot: Int) -> Int? {
        slots[slot] != Self.empty ? Int(slots[slot] & ~Self.junctionBit) : nil
    }

    mutating func claim(_ slot: Int, for index: Int) { slots[slot] = UInt32(index) }

    mutating func markJunction(_ slot: Int) { slots[slot] |= Self.junctionBit }

    func isJunction(_ slot: Int) -> Bool { slots[slot] != Self.empty && slots[slot] & Self.junctionBit != 0 }

    /// Which of `shares` tables holds the point (from the hash's high bits; the slot comes from its low bits).
    static func share(of point: XY, among shares: Int) -> Int {
        Int((UInt(bitPattern: hash(point)) >> 32) &* UInt(shares) >> 32)
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
