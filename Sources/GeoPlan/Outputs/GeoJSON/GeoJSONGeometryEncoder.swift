/// A coordinate that JSON cannot hold (NaN or infinite) in a geometry.
struct NonFiniteCoordinateError: Error {}

/// Writes a geometry as GeoJSON text (`{"type":"Polygon","coordinates":[[[x,y],…]]}`) and collects its box from
/// the numbers as written: on the grid's decimals, or in the shortest form that reads back exactly.
struct GeoJSONGeometryEncoder {
    /// nil: full precision.
    let grid: CoordinateGrid?
    /// Polygons of a multi-polygon written at full precision whatever `grid` (see `ValidRounding`).
    var fullPrecisionPolygons: Set<Int> = []

    func encode(_ geometry: GeoJSONGeometry, into out: inout JSONByteBuffer, box: inout GeoJSONBox) throws {
        out.append(raw: "{\"type\":\"")
        out.append(raw: geometry.typeName)
        if case let .collection(members) = geometry {
            out.append(raw: "\",\"geometries\":[")
            for (index, member) in members.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                try encode(member, into: &out, box: &box)
            }
            out.append(raw: "]}")
            return
        }
        out.append(raw: "\",\"coordinates\":")
        switch geometry {
        case let .point(point):
            if point.isEmpty {
                out.append(raw: "[]")
            } else {
                try position(point, 0, into: &out, box: &box)
            }
        case let .multiPoint(points), let .lineString(points):
            try positions(points, into: &out, box: &box)
        case let .multiLineString(lines), let .polygon(lines):
            try nested(lines, into: &out, box: &box)
        case let .multiPolygon(polygons):
            out.append(UInt8(ascii: "["))
            let fullPrecision = GeoJSONGeometryEncoder(grid: nil)
            for (index, rings) in polygons.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                if fullPrecisionPolygons.contains(index) {
                    try fullPrecision.nested(rings, into: &out, box: &box)
                } else {
                    try nested(rings, into: &out, box: &box)
                }
            }
            out.append(UInt8(ascii: "]"))
        case .collection:
            break
        }
        out.append(UInt8(ascii: "}"))
    }

    /// `bbox`'s numbers, in the same form as the coordinates.
    func encodeBox(_ numbers: [Double], into out: inout JSONByteBuffer) throws {
        out.append(UInt8(ascii: "["))
        for (index, value) in numbers.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            try number(value, into: &out)
        }
        out.append(UInt8(ascii: "]"))
    }

    private func nested(_ parts: [Positions], into out: inout JSONByteBuffer, box: inout GeoJSONBox) throws {
        out.append(UInt8(ascii: "["))
        for (index, part) in parts.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            try positions(part, into: &out, box: &box)
        }
        out.append(UInt8(ascii: "]"))
    }

    private func positions(_ positions: Positions, into out: inout JSONByteBuffer, box: inout GeoJSONBox) throws {
        out.append(UInt8(ascii: "["))
        for index in 0..<positions.count {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            try position(positions, index, into: &out, box: &box)
        }
        out.append(UInt8(ascii: "]"))
    }

    @inline(__always)
    private func position(
        _ positions: Positions, _ index: Int, into out: inout JSONByteBuffer,
        box: inout GeoJSONBox
    ) throws {
        let start = index * positions.dimension
        let x = positions.values[start]
        let y = positions.values[start + 1]
        out.append(UInt8(ascii: "["))
        let writtenX = try number(x, into: &out)
        out.append(UInt8(ascii: ","))
        let writtenY = try number(y, into: &out)
        box.include(writtenX, writtenY)
        if positions.dimension == 3 {
            out.append(UInt8(ascii: ","))
            box.include(z: try number(positions.values[start + 2], into: &out))
        }
        out.append(UInt8(ascii: "]"))
    }

    /// Writes `value` and returns the Double a reader gets back from what was written.
    @inline(__always)
    @discardableResult
    private func number(_ value: Double, into out: inout JSONByteBuffer) throws -> Double {
        if let grid, let steps = grid.steps(value) {
            out.appendGridValue(steps: steps, decimals: grid.decimals)
            return Double(steps) / grid.scale
        }
        guard out.appendShortest(value) else { throw NonFiniteCoordinateError() }
        return value
    }
}
