import Testing

@testable import GEOS

/// SplitMix64 (Steele, Lea, Flood 2014): a tiny seeded generator so the random sets are the same every run.
private struct SplitMix64 {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [low, high).
    mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * Double(next() >> 11) / Double(1 << 53)
    }
}

@Suite struct STRtreeTests {
    let context: GEOSContext

    init() throws {
        context = try GEOSContext()
    }

    /// Random small boxes and short lines in [0, 100]².
    private func randomGeometries(count: Int, seed: UInt64) throws -> [Geometry] {
        var random = SplitMix64(state: seed)
        return try (0..<count).map { index in
            let x = random.uniform(0, 100)
            let y = random.uniform(0, 100)
            let w = random.uniform(0, 4)
            let h = random.uniform(0, 4)
            if index.isMultiple(of: 3) {
                return try Geometry.lineString([XY(x, y), XY(x + w, y - h)], context: context)
            }
            return try Geometry.rectangle(Envelope(minX: x, minY: y, maxX: x + w, maxY: y + h), context: context)
        }
    }

    @Test func queriesReturnExactlyTheBruteForceCandidates() throws {
        let geometries = try randomGeometries(count: 500, seed: 20_240_601)
        let tree = try STRtree<Int>(context: context)
        for (index, geometry) in geometries.enumerated() { try tree.insert(geometry, index) }
        try tree.build()
        #expect(tree.isBuilt)
        #expect(tree.count == 500)

        var random = SplitMix64(state: 7)
        var nonEmpty = 0
        for _ in 0..<200 {
            let x = random.uniform(-5, 100)
            let y = random.uniform(-5, 100)
            let box = Envelope(minX: x, minY: y, maxX: x + random.uniform(0, 10), maxY: y + random.uniform(0, 10))
            // Brute force over the boxes, with the edge-inclusive test GEOS uses.
            let expected = geometries.indices.filter { index in
                geometries[index].bounds.map { $0.intersects(box) } ?? false
            }
            #expect(try tree.query(envelope: box) == expected)
            let queryGeometry = try Geometry.rectangle(box, context: context)
            #expect(try tree.query(queryGeometry) == expected)
            if !expected.isEmpty { nonEmpty += 1 }
        }
        #expect(nonEmpty > 50)  // the queries were not trivially empty
    }

    @Test func nearestMatchesBruteForce() throws {
        let geometries = try randomGeometries(count: 300, seed: 99)
        let tree = try STRtree<Int>(context: context)
        for (index, geometry) in geometries.enumerated() { try tree.insert(geometry, index) }

        var random = SplitMix64(state: 12_345)
        for _ in 0..<100 {
            let point = try Geometry.point(x: random.uniform(-20, 120), y: random.uniform(-20, 120), context: context)
            let distances = try geometries.map { try $0.distance(to: point) }
            let best = try #require(distances.min())
            let found = try #require(try tree.nearest(to: point))
            // Ties are allowed: the tree's answer must be at the brute-force minimum distance.
            #expect(distances[found] == best)
        }
    }

    @Test func envelopesCarryPayloadsAndInsertionAfterBuildIsRefused() throws {
        let tree = try STRtree<String>(context: context)
        try tree.insert(envelope: Envelope(minX: 0, minY: 0, maxX: 1, maxY: 1), "a")
        try tree.insert(envelope: Envelope(minX: 5, minY: 5, maxX: 6, maxY: 6), "b")
        try tree.insert(envelope: Envelope(minX: 3, minY: 3, maxX: 3, maxY: 3), "dot")
        #expect(try tree.query(envelope: Envelope(minX: 0.5, minY: 0.5, maxX: 5, maxY: 5)) == ["a", "b", "dot"])
        #expect(try tree.query(envelope: Envelope(minX: 2, minY: 2, maxX: 4, maxY: 4)) == ["dot"])
        #expect(tree[1] == "b")
        // The first query built the tree.
        #expect(tree.isBuilt)
        #expect(throws: GEOSError.treeAlreadyBuilt) {
            try tree.insert(envelope: Envelope(minX: 9, minY: 9, maxX: 10, maxY: 10), "late")
        }
        #expect(tree.count == 3)
    }

    @Test func emptyGeometriesAreKeptButNeverFound() throws {
        let tree = try STRtree<Int>(context: context)
        try tree.insert(Geometry(wkt: "POLYGON EMPTY", context: context), 0)
        try tree.insert(Geometry(wkt: "POINT (1 1)", context: context), 1)
        #expect(tree.count == 2)
        #expect(try tree.query(envelope: Envelope(minX: -100, minY: -100, maxX: 100, maxY: 100)) == [1])
        #expect(try tree.nearest(to: Geometry(wkt: "POINT (50 50)", context: context)) == 1)
        #expect(throws: GEOSError.emptyGeometry(operation: "GEOSSTRtree_nearest_generic_r")) {
            try tree.nearest(to: Geometry(wkt: "POINT EMPTY", context: context))
        }
    }

    @Test func anEmptyTreeFindsNothing() throws {
        let tree = try STRtree<Int>(context: context)
        try tree.build()
        #expect(try tree.query(envelope: Envelope(minX: 0, minY: 0, maxX: 1, maxY: 1)) == [])
        #expect(try tree.nearest(to: Geometry.point(x: 0, y: 0, context: context)) == nil)
    }

    @Test func theTreeKeepsBorrowedGeometriesAlive() throws {
        let tree = try STRtree<Int>(context: context)
        do {
            let multi = try Geometry(wkt: "MULTIPOINT ((0 0), (10 10))", context: context)
            for index in 0..<multi.numberOfGeometries { try tree.insert(multi.geometry(at: index), index) }
        }
        // The multipoint variable is gone; nearest computes distances on the borrowed members.
        #expect(try tree.nearest(to: Geometry.point(x: 9, y: 8, context: context)) == 1)
        #expect(try tree.nearest(to: Geometry.point(x: 1, y: 2, context: context)) == 0)
    }

    @Test func geometriesFromAnotherContextAreRefused() throws {
        let tree = try STRtree<Int>(context: context)
        let other = try GEOSContext()
        let point = try Geometry.point(x: 0, y: 0, context: other)
        #expect(throws: GEOSError.contextMismatch(operation: "GEOSSTRtree_insert_r")) { try tree.insert(point, 0) }
        #expect(throws: GEOSError.contextMismatch(operation: "GEOSSTRtree_query_r")) { try tree.query(point) }
    }
}
