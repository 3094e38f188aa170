import GEOS

/// Cuts lines and polygons that cross the antimeridian into parts on either side of it (RFC 7946 §3.1.9), as
/// GDAL's RFC 7946 writer does, so that no edge runs the long way round the globe.
///
/// A part crosses when two consecutive vertices lie within 10° of the antimeridian on opposite sides (179.9 then
/// -179.9, GDAL's `DATELINEOFFSET` rule): its western longitudes are moved east by 360° to make it continuous.
/// Anything beyond ±180° (such a part, or a reprojection's output) is then cut on the ±180° meridians and the
/// pieces moved back by 360°. Points are only wrapped into -180…180.
struct AntimeridianCut {
    let context: GEOSContext

    /// The geometry to write, and whether it was cut (its bbox then runs west > east, RFC 7946 §5.2).
    func cut(_ geometry: GeoJSONGeometry) throws -> (GeoJSONGeometry, Bool) {
        switch geometry {
        case .point, .multiPoint:
            return (geometry.mapParts { $0.mapX(Self.wrapped) }, false)
        case let .collection(members):
            var cutAny = false
            let cutMembers = try members.map { member in
                let (result, wasCut) = try cut(member)
                cutAny = cutAny || wasCut
                return result
            }
            return (.collection(cutMembers), cutAny)
        default:
            break
        }
        let parts = geometry.parts
        let jumps = parts.contains(where: Self.jumpsAntimeridian)
        let continuous = jumps ? geometry.mapParts { $0.mapX { $0 < 0 ? $0 + 360 : $0 } } : geometry
        let xs = continuous.parts.flatMap { part in
            stride(from: 0, to: part.values.count, by: part.dimension)
                .map { part.values[$0] }
        }
        guard let west = xs.min(), let east = xs.max(), west < -180 || east > 180 else { return (geometry, false) }
        // More than a turn beyond: not longitudes at all; written as they are.
        guard west >= -540, east <= 540 else { return (geometry, false) }
        // GEOS cannot cut what it cannot read or overlay (an invalid ring): written as given, uncut.
        guard let cut = try? pieces(of: continuous, west: west, east: east) else { return (geometry, false) }
        return (cut, true)
    }

    private func pieces(of geometry: GeoJSONGeometry, west: Double, east: Double) throws -> GeoJSONGeometry {
        let shape = try Geometry(wkb: WKBGeometryCodec.write(geometry), context: context)
        var polygons: [[Positions]] = []
        var lines: [Positions] = []
        // west and east are within ±540°: whole turns -1…1
        let first = Int(((west + 180) / 360).rounded(.down))
        let last = Int(((east + 180) / 360).rounded(.down))
        for turn in first...max(first, last) {
            let shift = Double(turn) * 360
            let box = GEOS.Envelope(minX: shift - 180, minY: -90, maxX: shift + 180, maxY: 90)
            let piece = try shape.intersection(try Geometry.rectangle(box, context: context))
            guard !piece.isEmpty else { continue }
            let moved = try WKBGeometryCodec.read(try piece.wkb(includeZ: true)).mapParts { $0.mapX { $0 - shift } }
            collect(moved, polygons: &polygons, lines: &lines)
        }
        if geometry.isPolygonal { return .multiPolygon(polygons) }
        return .multiLineString(lines)
    }

    /// Polygons and lines of an overlay's result (which may hold points or lines where a part touches a cut).
    private func collect(_ geometry: GeoJSONGeometry, polygons: inout [[Positions]], lines: inout [Positions]) {
        switch geometry {
        case let .polygon(rings): polygons.append(rings)
        case let .multiPolygon(members): polygons += members
        case let .lineString(line): lines.append(line)
        case let .multiLineString(members): lines += members
        case let .collection(members): members.forEach { collect($0, polygons: &polygons, lines: &lines) }
        case .point, .multiPoint: break
        }
    }

    private static func jumpsAntimeridian(_ part: Positions) -> Bool {
        let dimension = part.dimension
        var index = dimension
        while index < part.values.count {
            let previous = part.values[index - dimension]
            let current = part.values[index]
            if (previous < -170 && current > 170) || (previous > 170 && current < -170) { return true }
            index += dimension
        }
        return false
    }

    private static func wrapped(_ longitude: Double) -> Double {
        guard longitude.isFinite, longitude < -180 || longitude > 180 else { return longitude }
        let turned = longitude.truncatingRemainder(dividingBy: 360)
        return turned > 180 ? turned - 360 : turned < -180 ? turned + 360 : turned
    }
}
