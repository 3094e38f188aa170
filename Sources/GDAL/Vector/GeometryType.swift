import CGDAL

/// A vector layer's or geometry's type as OGR names it: a base kind plus Z and M flags.
public struct GeometryType: Hashable, Sendable, CustomStringConvertible {
    /// The type without Z or M.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case unknown, point, lineString, polygon, multiPoint, multiLineString, multiPolygon, geometryCollection
        case circularString, compoundCurve, curvePolygon, multiCurve, multiSurface, curve, surface
        case polyhedralSurface, tin, triangle, linearRing
        /// A layer without geometry (a table).
        case none
    }

    public let kind: Kind
    public let hasZ: Bool
    public let hasM: Bool
    /// OGR's own code (`OGRwkbGeometryType`), as written in ISO WKB.
    public let rawValue: UInt32

    init(_ raw: OGRwkbGeometryType) {
        rawValue = raw.rawValue
        hasZ = OGR_GT_HasZ(raw) != 0
        hasM = OGR_GT_HasM(raw) != 0
        // returns the 2D base type
        kind = Self.kind(of: OGR_GT_Flatten(raw))
    }

    public init(kind: Kind, hasZ: Bool = false, hasM: Bool = false) {
        var raw = Self.raw(of: kind)
        // each returns the type with the flag added
        if hasZ { raw = OGR_GT_SetZ(raw) }
        if hasM { raw = OGR_GT_SetM(raw) }
        self.init(raw)
    }

    var ogrType: OGRwkbGeometryType { OGRwkbGeometryType(rawValue: rawValue) }

    /// Polygons and multi-polygons (and their curved kin), the kinds an area can have.
    public var isPolygonal: Bool {
        [.polygon, .multiPolygon, .curvePolygon, .multiSurface, .surface].contains(kind)
    }

    public var isLinear: Bool {
        [.lineString, .multiLineString, .circularString, .compoundCurve, .multiCurve, .curve].contains(kind)
    }

    public var isPuntal: Bool { kind == .point || kind == .multiPoint }

    /// OGR's name, e.g. "3D Multi Polygon".
    public var description: String {
        // returns a static or thread-local string
        String(cString: OGRGeometryTypeToName(ogrType))
    }

    private static let table: [(Kind, OGRwkbGeometryType)] = [
        (.unknown, wkbUnknown), (.point, wkbPoint), (.lineString, wkbLineString), (.polygon, wkbPolygon),
        (.multiPoint, wkbMultiPoint), (.multiLineString, wkbMultiLineString), (.multiPolygon, wkbMultiPolygon),
        (.geometryCollection, wkbGeometryCollection), (.circularString, wkbCircularString),
        (.compoundCurve, wkbCompoundCurve), (.curvePolygon, wkbCurvePolygon), (.multiCurve, wkbMultiCurve),
        (.multiSurface, wkbMultiSurface), (.curve, wkbCurve), (.surface, wkbSurface),
        (.polyhedralSurface, wkbPolyhedralSurface), (.tin, wkbTIN), (.triangle, wkbTriangle),
        (.linearRing, wkbLinearRing), (.none, wkbNone),
    ]

    private static func kind(of flat: OGRwkbGeometryType) -> Kind {
        table.first { $0.1 == flat }?.0 ?? .unknown
    }

    private static func raw(of kind: Kind) -> OGRwkbGeometryType {
        table.first { $0.0 == kind }?.1 ?? wkbUnknown
    }
}
