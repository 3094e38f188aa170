/// Positions of one simple part (a point set, a line, a ring): x, y (and z) interleaved, as GeoJSON writes them.
struct Positions: Hashable, Sendable {
    var values: [Double]
    /// 2 (x, y) or 3 (x, y, z); M values are never kept (RFC 7946 has none).
    let dimension: Int

    var count: Int { values.count / dimension }
    var isEmpty: Bool { values.isEmpty }

    /// Twice the ring's signed area (shoelace on x, y): positive when counter-clockwise.
    var doubleSignedArea: Double {
        let count = self.count
        guard count >= 3 else { return 0 }
        var sum = 0.0
        var previousX = values[(count - 1) * dimension]
        var previousY = values[(count - 1) * dimension + 1]
        for index in 0..<count {
            let x = values[index * dimension]
            let y = values[index * dimension + 1]
            sum += previousX * y - x * previousY
            previousX = x
            previousY = y
        }
        return sum
    }

    /// The positions in the opposite order (a ring turned the other way round).
    mutating func reverse() {
        var low = 0
        var high = count - 1
        while low < high {
            for offset in 0..<dimension {
                values.swapAt(low * dimension + offset, high * dimension + offset)
            }
            low += 1
            high -= 1
        }
    }

    /// Every x, y (and z) passed through `transform`.
    func mapValues(_ transform: (Double) -> Double) -> Positions {
        Positions(values: values.map(transform), dimension: dimension)
    }

    /// Every x passed through `transform`, y (and z) kept.
    func mapX(_ transform: (Double) -> Double) -> Positions {
        var copy = self
        for index in stride(from: 0, to: values.count, by: dimension) {
            copy.values[index] = transform(values[index])
        }
        return copy
    }
}

/// A geometry as GeoJSON holds it (RFC 7946 §3.1), read from WKB and written as text.
indirect enum GeoJSONGeometry: Hashable, Sendable {
    /// No position for an empty point.
    case point(Positions)
    case multiPoint(Positions)
    case lineString(Positions)
    case multiLineString([Positions])
    case polygon([Positions])
    case multiPolygon([[Positions]])
    case collection([GeoJSONGeometry])

    var typeName: StaticString {
        switch self {
        case .point: "Point"
        case .multiPoint: "MultiPoint"
        case .lineString: "LineString"
        case .multiLineString: "MultiLineString"
        case .polygon: "Polygon"
        case .multiPolygon: "MultiPolygon"
        case .collection: "GeometryCollection"
        }
    }

    var isPolygonal: Bool {
        switch self {
        case .polygon, .multiPolygon: true
        default: false
        }
    }

    var isEmpty: Bool {
        switch self {
        case let .point(positions), let .multiPoint(positions), let .lineString(positions): positions.isEmpty
        case let .multiLineString(lines): lines.allSatisfy(\.isEmpty)
        case let .polygon(rings): rings.allSatisfy(\.isEmpty)
        case let .multiPolygon(polygons): polygons.allSatisfy { $0.allSatisfy(\.isEmpty) }
        case let .collection(members): members.allSatisfy(\.isEmpty)
        }
    }

    /// Every part's positions, in order.
    var parts: [Positions] {
        switch self {
        case let .point(positions), let .multiPoint(positions), let .lineString(positions): [positions]
        case let .multiLineString(lines): lines
        case let .polygon(rings): rings
        case let .multiPolygon(polygons): polygons.flatMap { $0 }
        case let .collection(members): members.flatMap(\.parts)
        }
    }

    /// The same geometry with every part's positions replaced by `transform`'s.
    func mapParts(_ transform: (Positions) throws -> Positions) rethrows -> GeoJSONGeometry {
        switch self {
        case let .point(positions): .point(try transform(positions))
        case let .multiPoint(positions): .multiPoint(try transform(positions))
        case let .lineString(positions): .lineString(try transform(positions))
        case let .multiLineString(lines): .multiLineString(try lines.map(transform))
        case let .polygon(rings): .polygon(try rings.map(transform))
        case let .multiPolygon(polygons): .multiPolygon(try polygons.map { try $0.map(transform) })
        case let .collection(members): .collection(try members.map { try $0.mapParts(transform) })
        }
    }

    /// RFC 7946 §3.1.6: exterior rings counter-clockwise, holes clockwise.
    func withRightHandRings() -> GeoJSONGeometry {
        switch self {
        case let .polygon(rings): .polygon(Self.rightHand(rings))
        case let .multiPolygon(polygons): .multiPolygon(polygons.map(Self.rightHand))
        case let .collection(members): .collection(members.map { $0.withRightHandRings() })
        default: self
        }
    }

    private static func rightHand(_ rings: [Positions]) -> [Positions] {
        rings.enumerated().map { index, ring in
            let area = ring.doubleSignedArea
            guard index == 0 ? area < 0 : area > 0 else { return ring }
            var turned = ring
            turned.reverse()
            return turned
        }
    }

    /// As GDAL's RFC 7946 writer does: a multi-polygon of one polygon is written as that polygon.
    func withSinglePolygonUnwrapped() -> GeoJSONGeometry {
        if case let .multiPolygon(polygons) = self, polygons.count == 1, let only = polygons.first {
            return .polygon(only)
        }
        return self
    }
}
